import { z } from 'zod';
import { CategorySchema, ChannelSchema } from './schemas.js';

/** Longest flyer text: a photo caption is at most 1024 on Telegram and the opt-out line must fit. */
export const MAX_FLYER_TEXT = 900;

/** Broadcast ids: `BC-20261122-a1b2c3` (no ':' so they fit BullMQ job ids and callback data). */
export const BroadcastIdSchema = z.string().regex(/^BC-\d{8}-[a-z0-9]{6}$/, { error: 'broadcastId: must look like BC-20261122-a1b2c3' });

/** Who a broadcast goes to. */
export const AudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('asn-all') }),
  z.object({ kind: z.literal('asn-opd'), opds: z.array(z.string().min(1)).min(1, { error: 'opds: choose at least one OPD' }) }),
  /** a coordinator's nudge: the unit's ASN who had not bought when it was sent (`unit`: the unit in words) */
  z.object({
    kind: z.literal('asn-nips'),
    unit: z.string().min(1),
    nips: z.array(z.string().regex(/^\d{18}$/, { error: 'nips: must be 18-digit NIPs' })).min(1, { error: 'nips: at least one ASN' }),
  }),
  z.object({ kind: z.literal('umkm-all') }),
  z.object({ kind: z.literal('umkm-kecamatan'), kecamatan: z.string().min(1) }),
  z.object({ kind: z.literal('umkm-category'), category: CategorySchema }),
]);
export type Audience = z.infer<typeof AudienceSchema>;

/** A flyer and where it goes: stored once when the admin confirms, never changed afterwards. */
export const BroadcastSchema = z.object({
  id: BroadcastIdSchema,
  /** the admin's chat: progress and the summary go there */
  createdBy: z.object({ channel: ChannelSchema, chatId: z.string().min(1) }),
  /** the admin's locale, for progress and summary */
  locale: z.enum(['id', 'en']),
  text: z.string().max(MAX_FLYER_TEXT, { error: `text: at most ${MAX_FLYER_TEXT} characters` }),
  /** a stored image under MEDIA_DIR */
  photo: z.string().min(1).optional(),
  audience: AudienceSchema,
  createdAt: z.string(),
  /** ISO time the sending starts (absent: at once) */
  scheduledAt: z.string().optional(),
});
export type Broadcast = z.infer<typeof BroadcastSchema>;

/** Where a broadcast is in its life. */
export const BROADCAST_STATUSES = ['scheduled', 'running', 'done', 'cancelled'] as const;
export type BroadcastStatus = (typeof BROADCAST_STATUSES)[number];

/**
 * What happened to one recipient; each is recorded once per (broadcast, recipient). `skipped`: the
 * chat opted out (or was found unreachable) between the fan-out and its turn.
 */
export const OUTCOMES = ['sent', 'failed', 'unreachable', 'cancelled', 'skipped'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The counters and state of a broadcast, read from its state hash. */
export const BroadcastStateSchema = z.object({
  status: z.enum(BROADCAST_STATUSES).default('scheduled'),
  total: z.coerce.number().int().default(0),
  totalTelegram: z.coerce.number().int().default(0),
  totalWhatsapp: z.coerce.number().int().default(0),
  sent: z.coerce.number().int().default(0),
  failed: z.coerce.number().int().default(0),
  unreachable: z.coerce.number().int().default(0),
  cancelled: z.coerce.number().int().default(0),
  skipped: z.coerce.number().int().default(0),
  doneTelegram: z.coerce.number().int().default(0),
  doneWhatsapp: z.coerce.number().int().default(0),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  cancelRequestedAt: z.string().optional(),
  /** the admin's progress message (edited on Telegram) */
  progressMessageId: z.string().optional(),
  progressSentAt: z.string().optional(),
  progressText: z.string().optional(),
  summarySentAt: z.string().optional(),
  /** the number of the last progress tick scheduled (a retried tick never forks the chain) */
  tick: z.coerce.number().int().default(0),
});
export type BroadcastState = z.infer<typeof BroadcastStateSchema>;

/** One recipient chat of a broadcast (console: a terminal demo persona, delivered at start, no queue). */
export const RecipientRefSchema = z.object({ channel: z.enum(['telegram', 'whatsapp', 'console']), chatId: z.string().min(1).max(128) });
export type RecipientRef = z.infer<typeof RecipientRefSchema>;

/** `telegram:12345` */
export const recipientKey = (r: RecipientRef) => `${r.channel}:${r.chatId}`;

/** Parses `telegram:12345` back. */
export function parseRecipientKey(s: string): RecipientRef | null {
  const i = s.indexOf(':');
  const r = RecipientRefSchema.safeParse({ channel: s.slice(0, i), chatId: s.slice(i + 1) });
  return r.success ? r.data : null;
}

/** Recipients not yet accounted for. */
export const leftOf = (s: BroadcastState) => Math.max(0, s.total - s.sent - s.failed - s.unreachable - s.cancelled - s.skipped);
