import type { FlowCtx } from '../src/engine/flow.js';

/**
 * Whether a UMKM's owner has a chat the bot reaches: what decides between "UMKM sudah diberi
 * tahu" and "belum terhubung; pesanan Anda kami teruskan begitu pemiliknya terhubung".
 */
export async function ownerLinked(ctx: FlowCtx<object>, umkmId: string): Promise<boolean> {
  const umkm = await ctx.deps.store.catalogue.umkm(umkmId);
  return umkm ? ctx.deps.store.chatUsers.reachable(umkm.ownerPhone) : false;
}
