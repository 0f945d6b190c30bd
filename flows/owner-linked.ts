import type { FlowCtx } from '../src/engine/flow.js';

/**
 * Whether a UMKM's owner has a chat the bot reaches: what decides between "UMKM sudah diberi
 * tahu" and "belum terhubung; pesanan Anda kami teruskan begitu pemiliknya terhubung".
 */
export async function ownerLinked(ctx: FlowCtx<object>, umkmId: string): Promise<boolean> {
  // The owner's phone as of this update's start (the catalogue copy the update checked): no read.
  const umkm = await ctx.deps.store.catalogue.umkmToShow(umkmId);
  return umkm ? ctx.deps.store.chatUsers.reachable(umkm.ownerPhone) : false;
}
