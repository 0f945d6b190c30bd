const fmt = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** Integer Rupiah as shown to people: `Rp 25.000`. */
export function formatRupiah(amount: number): string {
  const rounded = Math.round(amount);
  const sign = rounded < 0 ? '-' : '';
  return `${sign}Rp ${fmt.format(Math.abs(rounded))}`;
}
