/**
 * Every Redis key the application uses is built here, under one prefix (default `umkm:`),
 * so tests can run side by side under unique prefixes and clean only what they made.
 */
export function createKeys(prefix = 'umkm:') {
  const k = (...parts: (string | number)[]) => prefix + parts.join(':');
  return {
    prefix,
    /** hash nip -> Person JSON */
    persons: () => k('roster', 'persons'),
    /** counter bumped by every roster or UMKM write (lets processes cache who a phone is) */
    identityVersion: () => k('roster', 'version'),
    /** counter: bumped by every write to UMKM or products, so each process knows when its cached catalogue is stale */
    catalogueVersion: () => k('catalogue', 'version'),
    /** hash E.164 phone -> nip */
    personByPhone: () => k('roster', 'by-phone'),
    /** hash umkm id -> Umkm JSON */
    umkms: () => k('umkm', 'all'),
    /** set of umkm ids owned by an E.164 phone */
    umkmsByOwner: (phone: string) => k('umkm', 'by-owner', phone),
    /** the member UMKM a cooperative's phone handles the orders of */
    umkmsByKoperasi: (phone: string) => k('umkm', 'by-koperasi', phone),
    /** hash sku -> Product JSON */
    products: () => k('product', 'all'),
    /** set of skus per UMKM */
    productsByUmkm: (umkmId: string) => k('product', 'by-umkm', umkmId),
    /** hash id -> Order JSON */
    orders: () => k('order', 'all'),
    /** sorted set (score = created ms) of order ids per ASN (NIP) */
    ordersByAsn: (nip: string) => k('order', 'by-asn', nip),
    /** sorted set of order ids per UMKM */
    ordersByUmkm: (umkmId: string) => k('order', 'by-umkm', umkmId),
    /** sorted set of order ids per WIB day (YYYY-MM-DD) */
    ordersByDay: (day: string) => k('order', 'by-day', day),
    /** hash umkm id -> count of orders in a WIB month (YYYY-MM) */
    umkmMonthCounts: (month: string) => k('order', 'umkm-month', month),
    /** hash umkm id -> Rupiah of paid orders in a WIB month (YYYY-MM), for the fair ordering */
    umkmMonthRupiah: (month: string) => k('order', 'umkm-rupiah', month),
    /** counter for order ids */
    orderSeq: () => k('order', 'seq'),
    /** string: idempotency lock for confirming a cart (set NX) */
    confirmLock: (token: string) => k('order', 'confirm-lock', token),
    /** hash recipient id -> Recipient JSON, per ASN */
    recipientsOf: (nip: string) => k('recipient', 'of', nip),
    /** sorted set (score = delivered/paid ms) of order ids per recipient fingerprint (phone or address) */
    recipientDeliveries: (fingerprint: string) => k('recipient', 'deliveries', fingerprint),
    /** string: order id a receipt content hash backs */
    receiptHash: (hash: string) => k('receipt', hash),
    /** string: ChatUser JSON */
    chatUser: (channel: string, chatId: string) => k('chat', channel, chatId),
    /** set of `channel:chatId` linked to an E.164 phone */
    chatsOfPhone: (phone: string) => k('chat', 'by-phone', phone),
    /** list of rendered messages the bot sent to a terminal demo persona while another one was typing */
    consoleInbox: (chatId: string) => k('console', 'inbox', chatId),
    /** string: engine session JSON (with TTL) */
    session: (channel: string, chatId: string) => k('session', channel, chatId),
    /** string: update id seen marker (dedupe, with TTL) */
    seenUpdate: (channel: string, id: string) => k('seen', channel, id),
    /** hash destination -> ISO time, deliveries of a report (and its follow-ups) */
    reportDeliveries: (orderId: string, kind: string) => k('report', orderId, kind),
    /** prefix for BullMQ queues */
    bullPrefix: () => `${prefix}bull`,
    /** Auth state of the WhatsApp (Baileys) session */
    waCreds: () => k('wa', 'creds'),
    waKey: (type: string, id: string) => k('wa', 'key', type, id),
    /** generic namespace for modules added later: k(...parts) */
    custom: (...parts: (string | number)[]) => k(...parts),
    /** hash media path -> Telegram file_id (a photo is uploaded once, then resent by id) */
    telegramFileIds: () => k('telegram', 'file-ids'),
    /** hash destination -> ISO time, deliveries of the daily recap of a WIB day (YYYY-MM-DD) */
    recapDeliveries: (day: string) => k('recap', day, 'deliveries'),
    /** hash destination -> ISO time, deliveries of the monthly report of a WIB month (YYYY-MM) */
    monthlyDeliveries: (month: string) => k('recap', 'monthly', month, 'deliveries'),
    /** hash `channel:chatId` -> ISO time, deliveries of reminder `n` of an order */
    reminderDeliveries: (orderId: string, n: number) => k('reminder', orderId, n),
    /** hash id -> BufferJSON value: the Baileys signal keys of one type (pre-key, session, ...) */
    waKeysOfType: (type: string) => k('wa', 'keys', type),
    /** string: Broadcast JSON (the flyer, its audience, who made it) */
    broadcast: (id: string) => k('broadcast', id),
    /** hash: a broadcast's state (status, progress message) and counters (sent, failed, ...) */
    broadcastState: (id: string) => k('broadcast', id, 'state'),
    /** hash `channel:chatId` -> outcome (sent, failed, unreachable, cancelled): the delivery records */
    broadcastOutcomes: (id: string) => k('broadcast', id, 'outcomes'),
    /** set of `channel:chatId`: the recipients a broadcast was fanned out to */
    broadcastRecipients: (id: string) => k('broadcast', id, 'recipients'),
    /** sorted set: recent Telegram broadcast sends (sliding window of the global rate) */
    broadcastTelegramNext: () => k('broadcast', 'telegram-next'),
    /** string with TTL: the last broadcast message to a chat (at most one a second per chat) */
    broadcastChatSlot: (channel: string, chatId: string) => k('broadcast', 'slot', channel, chatId),
    /** counter: WhatsApp broadcast messages sent on a WIB day (YYYY-MM-DD), for the daily cap */
    broadcastWhatsappDay: (day: string) => k('broadcast', 'wa-day', day),
    /** string with TTL: one worker uploads a broadcast's photo, the others wait for its file_id */
    broadcastUploadLock: (id: string) => k('broadcast', id, 'upload-lock'),
    /** sorted set (score = start ms) of broadcast ids not finished yet, scheduled or running: the admins' list */
    broadcastsOpen: () => k('broadcast', 'open'),
    /** string with TTL: held while one import (CLI or chat) validates and writes; others wait their turn */
    importLock: () => k('import', 'lock'),
    /** hash with TTL: an import's working data (rows seen per unique column, validated records) until it ends */
    importScratch: (token: string, part: string) => k('import', 'scratch', token, part),
    /** string: failed dashboard logins from one network address in the current window (expires with it) */
    loginFailures: (address: string) => k('http', 'login-failures', address),
    /** string (binary) with TTL: a CSV an admin sent before saying which kind it is */
    adminUpload: (channel: string, chatId: string) => k('admin', 'upload', channel, chatId),
    /** hash `channel:chatId` -> ISO time, deliveries of one `notifications` job (its job id) */
    notificationDeliveries: (jobId: string) => k('notification', jobId),
    /** counter with a short TTL: updates from one chat in one epoch second (flood control, shared by every instance) */
    floodCount: (channel: string, chatId: string, second: number) => k('flood', channel, chatId, second),
    /** string with TTL: the flood notice was sent to this chat lately (one notice, then silence) */
    floodNotice: (channel: string, chatId: string) => k('flood', 'noticed', channel, chatId),
    /** hash umkm id -> StoredPayment JSON: the UMKM's payment details (bank, e-wallet, QRIS) */
    payments: () => k('payment', 'details'),
    /** list (newest first) of PaymentChange JSON: every change of a UMKM's payment details */
    paymentHistory: (umkmId: string) => k('payment', 'history', umkmId),
    /** string: the reminder text admins approved for coordinators' nudges (`/tekspengingat`) */
    nudgeText: () => k('coord', 'nudge-text'),
    /** string with a 7-day TTL: the last nudge of a unit (its scopeKey), ISO time; at most one a week */
    unitNudge: (scopeKey: string) => k('coord', 'nudge', scopeKey),
    /** sorted set (score = parked ms) of notifications waiting for a phone with no reachable chat (member: job id + payload JSON) */
    waitingNotifications: (phone: string) => k('notification', 'waiting', phone),
    /** string: the one proactive WhatsApp message to an owner who has not linked yet was sent (never again) */
    ownerWhatsAppNote: (phone: string) => k('notification', 'wa-note', phone),
    /** string with TTL: an owner invitation token -> Invitation JSON (UMKM id, expiry) */
    invitation: (token: string) => k('invite', 'token', token),
    /** string with TTL: set NX once when an invitation links its owner (single use) */
    invitationUsed: (token: string) => k('invite', 'used', token),
    /** string with TTL: the current invitation token of a UMKM (shown again until used or expired) */
    umkmInvitation: (umkmId: string) => k('invite', 'umkm', umkmId),
    /** sorted set (score = ms the ASN was told) of paid orders no owner accepted within UMKM_ACCEPT_MINUTES */
    overdueOrders: () => k('order', 'overdue'),
    /** SCAN pattern matching every ASN's saved recipients (`recipientsOf`), for the retention job */
    recipientsOfPattern: () => k('recipient', 'of', '*'),
  };
}

export type Keys = ReturnType<typeof createKeys>;
