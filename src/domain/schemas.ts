import { z } from 'zod';
import { PaymentDetailsSchema, PaymentMethodSchema } from './payment.js';

/** UMKM categories of the DKUM roster. */
export const CATEGORIES = ['kuliner', 'fashion', 'kriya'] as const;
export const CategorySchema = z.enum(CATEGORIES);
export type Category = z.infer<typeof CategorySchema>;

/**
 * Roles a roster row can give. UMKM owners come from the UMKM roster, not this one. A
 * `koordinator` (head of OPD, camat, lurah) is an ASN too, with a unit (scope) to follow.
 */
export const RosterRoleSchema = z.enum(['asn', 'admin', 'koordinator']);
export type RosterRole = z.infer<typeof RosterRoleSchema>;

/** E.164 phone as stored everywhere (+62...). */
export const E164Schema = z.string().regex(/^\+[1-9]\d{7,14}$/, { error: 'must be an E.164 phone number' });

/** One ASN or admin of the roster. `nip` is the person's identity across channels. */
export const PersonSchema = z.object({
  nip: z.string().regex(/^\d{18}$/),
  name: z.string().min(1),
  phone: E164Schema,
  opd: z.string().min(1),
  role: RosterRoleSchema,
  /** a koordinator's unit: an OPD, a kecamatan or a kelurahan (with its kecamatan) */
  scope: z.object({ type: z.enum(['opd', 'kecamatan', 'kelurahan']), name: z.string().min(1), kecamatan: z.string().min(1).optional() }).optional(),
});
export type Person = z.infer<typeof PersonSchema>;

/** A micro business (UMKM) of the catalogue. */
export const UmkmSchema = z.object({
  id: z.string().min(1).max(32),
  name: z.string().min(1),
  ownerName: z.string().min(1),
  ownerPhone: E164Schema,
  category: CategorySchema,
  kecamatan: z.string().min(1),
  kelurahan: z.string().min(1),
  address: z.string().min(1),
  /** who fosters the UMKM: an OPD (binaan OPD), a kecamatan's UMKM community or a cooperative */
  binaan: z.object({ type: z.enum(['opd', 'kecamatan', 'koperasi']), name: z.string().min(1) }).optional(),
  /** the phone of the cooperative (binaan koperasi) that handles this UMKM's orders with its owner */
  koperasiPhone: E164Schema.optional(),
});
export type Umkm = z.infer<typeof UmkmSchema>;
/** Where a UMKM comes from (the `binaan` column). */
export type Binaan = NonNullable<Umkm['binaan']>;

/** A product of a UMKM. Price is integer Rupiah. `photo` is a path under MEDIA_DIR or an https URL. */
export const ProductSchema = z.object({
  sku: z.string().min(1).max(32),
  umkmId: z.string().min(1),
  name: z.string().min(1),
  price: z.number().int().positive(),
  unit: z.string().min(1),
  description: z.string().default(''),
  photo: z.string().optional(),
  available: z.boolean(),
});
export type Product = z.infer<typeof ProductSchema>;

/** The resident in self-isolation (isoman) who receives the goods. Personal data: never logged. */
export const RecipientSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).max(80),
  phone: E164Schema,
  address: z.string().min(5).max(300),
  kecamatan: z.string().min(1),
  kelurahan: z.string().min(1),
  note: z.string().max(300).optional(),
  /** the recipient is an ASN in isoman: their NIP (validated like the roster; never in a report) */
  asnNip: z
    .string()
    .regex(/^\d{18}$/)
    .optional(),
  /** the recipient is an ASN: kept when retention removes the NIP, so reports still count the kinds apart */
  asn: z.boolean().optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const ORDER_STATUSES = [
  'draft', // summary shown, not yet confirmed (never stored as an order)
  'confirmed', // ASN confirmed items; waiting for recipient + receipt
  'paid', // receipt uploaded; report queued
  'accepted', // UMKM owner accepted
  'rejected', // UMKM owner rejected
  'delivered', // UMKM owner delivered
  'cancelled', // ASN cancelled before paying, or after paying when no owner accepted in time
] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const OrderItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  price: z.number().int().positive(),
  qty: z.number().int().min(1).max(99),
});
export type OrderItem = z.infer<typeof OrderItemSchema>;

/** A purchase by one ASN from one UMKM. Times are ISO-8601 UTC. */
export const OrderSchema = z.object({
  id: z.string().min(1),
  asnNip: z.string(),
  umkmId: z.string(),
  items: z.array(OrderItemSchema).min(1),
  total: z.number().int().positive(),
  status: OrderStatusSchema,
  recipient: RecipientSchema.optional(),
  /**
   * The payment proof: `path` under MEDIA_DIR until retention deletes the file (then `removedAt`
   * is set and only the hash stays, for the webhook and the duplicate check).
   */
  receipt: z.object({ hash: z.string(), path: z.string().optional(), mime: z.string(), removedAt: z.string().optional() }).optional(),
  postLink: z.string().optional(),
  postSkipped: z.boolean().optional(),
  rejectReason: z.string().optional(),
  /** A rejected order: the order the ASN confirmed to replace it (its "choose another" button is then spent). */
  replacedBy: z.string().optional(),
  paymentConfirmed: z.boolean().optional(),
  /**
   * The payment details the ASN was shown (kept from the first time): a later change by the
   * owner never redirects this order's payment.
   */
  payTo: PaymentDetailsSchema.optional(),
  /** How the ASN says they paid: what the report tells the office (never the account itself). */
  paidWith: PaymentMethodSchema.optional(),
  /** Destinations the report reached, name -> ISO time. */
  reportedTo: z.record(z.string(), z.string()).default({}),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Order = z.infer<typeof OrderSchema>;

/** Platforms a chat user can come from. */
export const ChannelSchema = z.enum(['telegram', 'whatsapp', 'console']);
export type Channel = z.infer<typeof ChannelSchema>;

/** A chat account (channel + id on that channel) linked to a verified phone. */
export const ChatUserSchema = z.object({
  channel: ChannelSchema,
  chatId: z.string(),
  phone: E164Schema.optional(),
  locale: z.enum(['id', 'en']).optional(),
  optedOut: z.boolean().default(false),
  unreachable: z.boolean().default(false),
  linkedAt: z.string().optional(),
});
export type ChatUser = z.infer<typeof ChatUserSchema>;
