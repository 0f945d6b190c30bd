import type { Store } from '../store/index.js';
import { type Audience, type RecipientRef, recipientKey } from '../domain/broadcast.js';

/** The chats a broadcast reaches, and the linked chats it leaves out (and why). */
export interface ResolvedAudience {
  recipients: RecipientRef[];
  telegram: number;
  whatsapp: number;
  /** terminal demo personas (only where the console channel runs: `npm start`) */
  console: number;
  /** linked chats of the audience that said /berhenti */
  optedOut: number;
  /** linked chats that blocked the bot earlier */
  unreachable: number;
}

/** The phones an audience names: roster people (ASN, all or of chosen OPD) or UMKM owners. */
async function phonesOf(store: Store, audience: Audience): Promise<string[]> {
  switch (audience.kind) {
    case 'asn-all':
      return (await store.roster.all()).map((p) => p.phone);
    case 'asn-opd': {
      const opds = new Set(audience.opds);
      return (await store.roster.all()).filter((p) => opds.has(p.opd)).map((p) => p.phone);
    }
    case 'asn-nips': {
      const nips = new Set(audience.nips);
      return (await store.roster.all()).filter((p) => nips.has(p.nip)).map((p) => p.phone);
    }
    case 'umkm-all':
      return (await store.catalogue.allUmkms()).map((u) => u.ownerPhone);
    case 'umkm-kecamatan':
      return (await store.catalogue.allUmkms()).filter((u) => u.kecamatan === audience.kecamatan).map((u) => u.ownerPhone);
    case 'umkm-category':
      return (await store.catalogue.allUmkms()).filter((u) => u.category === audience.category).map((u) => u.ownerPhone);
  }
}

/**
 * The chats linked to the audience's phones, once each, without the chats that opted out
 * (/berhenti) or blocked the bot. Console chats are the terminal's demo personas: they get the
 * flyer too (printed under the persona's header), so the terminal tour shows a broadcast arriving.
 */
export async function resolveAudience(store: Store, audience: Audience): Promise<ResolvedAudience> {
  const phones = [...new Set(await phonesOf(store, audience))];
  const seen = new Set<string>();
  const out: ResolvedAudience = { recipients: [], telegram: 0, whatsapp: 0, console: 0, optedOut: 0, unreachable: 0 };
  for (const phone of phones) {
    for (const chat of await store.chatUsers.chatsOfPhone(phone)) {
      const ref: RecipientRef = { channel: chat.channel, chatId: chat.chatId };
      const key = recipientKey(ref);
      if (seen.has(key)) continue;
      seen.add(key);
      if (chat.optedOut) out.optedOut++;
      else if (chat.unreachable) out.unreachable++;
      else {
        out.recipients.push(ref);
        out[chat.channel]++;
      }
    }
  }
  return out;
}

/** Every OPD on the roster (kecamatan offices included), sorted for a picking list. */
export async function listOpds(store: Store): Promise<string[]> {
  const opds = new Set((await store.roster.all()).map((p) => p.opd));
  return [...opds].sort((a, b) => a.localeCompare(b, 'id'));
}
