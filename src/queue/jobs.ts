import { UnrecoverableError } from 'bullmq';
import { z } from 'zod';

/** The BullMQ queues of the application (under the prefix `keys.bullPrefix()`). */
export const QUEUE_NAMES = {
  reports: 'reports',
  notifications: 'notifications',
  reminders: 'reminders',
  recaps: 'recaps',
  /** broadcast control: fan-out, progress ticks, cancel */
  broadcasts: 'broadcasts',
  /** one flyer to one Telegram chat (rate-limited) */
  broadcastTelegram: 'broadcast-telegram',
  /** one flyer to one WhatsApp chat (slow, capped per day) */
  broadcastWhatsapp: 'broadcast-whatsapp',
  /** daily housekeeping: personal data past RETENTION_DAYS */
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * Job ids. BullMQ refuses a custom id containing ':' (unless it has exactly three parts, a
 * legacy form of repeatable jobs) and one that is an integer, so ids join their parts with '.'
 * and order ids (`ORD-20261122-00001`) are never bare integers.
 */
export const jobIds = {
  /** the purchase report of an order: the order id itself */
  report: (orderId: string) => orderId,
  /** the follow-up carrying the post link, tied to the same report */
  followup: (orderId: string) => `followup.${orderId}`,
  /** the follow-up saying the UMKM confirmed the payment */
  payment: (orderId: string) => `payment.${orderId}`,
  /** the follow-up saying the UMKM rejected the order (it no longer counts as a purchase) */
  rejected: (orderId: string) => `rejected.${orderId}`,
  /** the follow-up saying the ASN cancelled a paid order no owner accepted in time */
  cancelled: (orderId: string) => `cancelled.${orderId}`,
  /** reminder `n` (1 or 2) asking the ASN for the post link */
  reminder: (orderId: string, n: number) => `reminder.${orderId}.${n}`,
  /** an order event for the UMKM owner or the ASN */
  notification: (orderId: string, event: string) => `${orderId}.${event}`,
  /** a recap of one WIB day sent on demand */
  recap: (day: string) => `recap.${day}`,
  /** the monthly report of one WIB month sent on demand */
  monthlyRecap: (month: string) => `recap-monthly.${month}`,
  /** a broadcast's control job: `start`, `cancel`, or `progress` with its tick number */
  broadcastControl: (broadcastId: string, kind: string, n?: number) => `bc.${broadcastId}.${kind}${n === undefined ? '' : `.${n}`}`,
  /** one recipient of a broadcast (a WhatsApp JID may hold ':', which BullMQ refuses) */
  broadcastDelivery: (broadcastId: string, channel: string, chatId: string) => `bc.${broadcastId}.${channel}.${chatId.replace(/:/g, '_')}`,
};

const orderId = z.string({ error: 'orderId: must be a string' }).min(1, { error: 'orderId: must not be empty' }).max(64);

/**
 * `reports` queue: `report` sends the purchase report; the follow-ups afterwards: `followup` the
 * post link, `payment` the UMKM's payment confirmation, `rejected` the UMKM's rejection,
 * `cancelled` the ASN's cancellation of a paid order no owner accepted in time.
 */
export const ReportJobSchema = z.object({
  orderId,
  kind: z.enum(['report', 'followup', 'payment', 'rejected', 'cancelled'], { error: 'kind: must be report, followup, payment, rejected or cancelled' }),
});
export type ReportJob = z.infer<typeof ReportJobSchema>;

/** At most this many reminders per order. */
export const MAX_REMINDERS = 2;

/** `reminders` queue: reminder `n` for an order. */
export const ReminderJobSchema = z.object({
  orderId,
  n: z
    .number({ error: 'n: must be a number' })
    .int()
    .min(1)
    .max(MAX_REMINDERS, { error: `n: at most ${MAX_REMINDERS}` }),
});
export type ReminderJob = z.infer<typeof ReminderJobSchema>;

/** `notifications` queue: an order event for the UMKM owner or the ASN (notification-processor.ts). */
export const NotificationJobSchema = z.object({
  orderId,
  target: z.enum(['umkm', 'asn'], { error: 'target: must be umkm or asn' }),
  event: z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'event: must be 1-40 of a-z, 0-9, -' }),
});
export type NotificationJob = z.infer<typeof NotificationJobSchema>;

/** `notifications` queue, job `deliver-waiting`: a person just linked; deliver what waited for their phone. */
export const WaitingJobSchema = z.object({
  phone: z.string().regex(/^\+[1-9]\d{7,14}$/, { error: 'phone: must be an E.164 phone number' }),
});
export type WaitingJob = z.infer<typeof WaitingJobSchema>;

/** `recaps` queue: the recap of `day` (WIB `YYYY-MM-DD`), or of the day the job runs. */
export const RecapJobSchema = z.object({
  day: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'day: must be YYYY-MM-DD' })
    .optional(),
  /** the monthly report (`monthly-recap` jobs): its WIB month, or the month before the one the job runs in */
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'month: must be YYYY-MM' })
    .optional(),
});
export type RecapJob = z.infer<typeof RecapJobSchema>;

const broadcastId = z.string().regex(/^BC-\d{8}-[a-z0-9]{6}$/, { error: 'broadcastId: must look like BC-20261122-a1b2c3' });

/** `broadcasts` queue: fan the broadcast out (`start`), report progress (`progress` tick n), or stop it (`cancel`). */
export const BroadcastControlJobSchema = z.object({
  broadcastId,
  kind: z.enum(['start', 'progress', 'cancel'], { error: 'kind: must be start, progress or cancel' }),
  n: z.number().int().min(1).optional(),
});
export type BroadcastControlJob = z.infer<typeof BroadcastControlJobSchema>;

/** `broadcast-telegram` / `broadcast-whatsapp` queues: the flyer of a broadcast to one chat. */
export const BroadcastDeliveryJobSchema = z.object({
  broadcastId,
  channel: z.enum(['telegram', 'whatsapp'], { error: 'channel: must be telegram or whatsapp' }),
  chatId: z.string().min(1, { error: 'chatId: must not be empty' }).max(128),
});
export type BroadcastDeliveryJob = z.infer<typeof BroadcastDeliveryJobSchema>;

/** `maintenance` queue: `retention` anonymises recipients past RETENTION_DAYS. */
export const MaintenanceJobSchema = z.object({
  task: z.enum(['retention'], { error: 'task: must be retention' }),
});
export type MaintenanceJob = z.infer<typeof MaintenanceJobSchema>;

/** A job payload failed its schema: names the queue and the fields. No retry can fix it. */
export function parseJob<S extends z.ZodType>(schema: S, queue: string, data: unknown): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
  throw new JobPayloadError(`${queue} job payload invalid: ${fields}`);
}

/** A malformed job payload (never retried). */
export class JobPayloadError extends UnrecoverableError {
  constructor(message: string) {
    super(message);
  }
}
