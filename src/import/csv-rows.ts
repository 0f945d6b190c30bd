import { parse } from 'csv-parse/sync';

/** One data row of an import file: its line in the file (header = line 1) and its values by column. */
export type CsvRow = { line: number; values: Record<string, string> };

/** Rows of a file, or every problem found in its shape (`line N: field: reason`). */
export type CsvRowsResult = { ok: true; rows: CsvRow[] } | { ok: false; errors: string[] };

type InfoRecord = { record: string[]; info: { lines: number; empty_lines: number; comment_lines: number } };

/**
 * The delimiter the header line uses: a comma, or the semicolon (or tab) that spreadsheet programs
 * in an Indonesian locale write, where the comma is the decimal separator. The header holds only
 * column names, so the separator it shows most is the file's.
 */
export function detectDelimiter(csvText: string): string {
  const firstLine = csvText.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const count = (d: string) => firstLine.split(d).length - 1;
  return [',', ';', '\t'].reduce((best, d) => (count(d) > count(best) ? d : best));
}

/**
 * Splits CSV text (UTF-8, optional BOM, header row; comma, semicolon or tab separated, as the
 * header shows) into rows keyed by the expected column names.
 * The header must name every one of `columns` (any order, any case) and may name any of
 * `optional` (an absent optional column reads as empty cells); every row must have as many
 * fields as the header. Blank lines and rows of empty fields are skipped. Values are trimmed.
 */
export function readCsvRows(csvText: string, columns: readonly string[], optional: readonly string[] = []): CsvRowsResult {
  let records: InfoRecord[];
  try {
    records = parse(csvText, {
      bom: true,
      delimiter: detectDelimiter(csvText),
      info: true,
      trim: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as InfoRecord[];
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === 'number' ? (e as { lines: number }).lines : 1;
    return { ok: false, errors: [`line ${line}: csv: ${(e as Error).message}`] };
  }
  const [head, ...body] = records;
  if (!head) return { ok: false, errors: ['line 1: header: the file is empty'] };

  const header = head.record.map((h) => h.toLowerCase());
  const errors: string[] = [];
  const headerLine = head.info.lines;
  for (const c of columns) if (!header.includes(c)) errors.push(`line ${headerLine}: header: missing column ${c}`);
  header.forEach((h, i) => {
    if (!columns.includes(h) && !optional.includes(h)) errors.push(`line ${headerLine}: header: unknown column ${h || `#${i + 1} (empty)`}`);
    else if (header.indexOf(h) !== i) errors.push(`line ${headerLine}: header: column ${h} appears twice`);
  });
  if (errors.length) return { ok: false, errors };
  if (!body.length) return { ok: false, errors: [`line ${headerLine + 1}: file: no data rows after the header`] };

  const rows: CsvRow[] = [];
  let prev = head.info;
  for (const { record, info } of body) {
    // info.lines is where the record ends; it starts after the previous one and any skipped lines.
    const line = prev.lines + 1 + (info.empty_lines - prev.empty_lines) + (info.comment_lines - prev.comment_lines);
    prev = info;
    if (record.every((v) => v === '')) continue;
    if (record.length !== header.length) {
      errors.push(`line ${line}: row: has ${record.length} fields, expected ${header.length}`);
      continue;
    }
    const values: Record<string, string> = {};
    for (const c of optional) values[c] = '';
    header.forEach((h, i) => {
      values[h] = record[i] ?? '';
    });
    rows.push({ line, values });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}
