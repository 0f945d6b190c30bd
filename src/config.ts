import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no', '']).transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));
const optionalUrl = optionalString.pipe(z.url({ error: 'must be a URL' }).optional());
const int = (def: number, min: number, max: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(min).max(max).default(def);

/** Shortest DASHBOARD_PASSWORD accepted at start-up. */
export const MIN_DASHBOARD_PASSWORD = 12;

/** Every environment variable the application reads, with its rule. The names are a contract. */
export const EnvSchema = z
  .object({
    BOT_TOKEN: optionalString.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, { error: 'must look like 123456:ABC-DEF... (from @BotFather)' })
        .optional(),
    ),
    TELEGRAM_API_ROOT: optionalUrl.transform((v) => v ?? 'https://api.telegram.org'),
    TELEGRAM_WEBHOOK_URL: optionalUrl,
    TELEGRAM_WEBHOOK_SECRET: optionalString.pipe(
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{16,256}$/, { error: 'must be 16-256 characters of A-Z, a-z, 0-9, _ or -' })
        .optional(),
    ),
    WHATSAPP_ENABLED: bool.default(false),
    WHATSAPP_PAIRING_PHONE: optionalString,
    WHATSAPP_VERSION: optionalString.pipe(
      z
        .string()
        .regex(/^\d+\.\d+\.\d+$/, { error: 'must be three numbers like 2.3000.1015901307' })
        .optional(),
    ),
    // WhatsApp sends the bot starts itself (notifications, reports, reminders, recaps, broadcasts);
    // replies to a person are never capped. README "WhatsApp" says where each default comes from.
    WHATSAPP_BULK_PER_MINUTE: int(30, 1, 600),
    WHATSAPP_BULK_PER_CHAT_PER_MINUTE: int(6, 1, 60),
    WHATSAPP_BULK_PER_DAY: int(2000, 1, 100000),
    WHATSAPP_BULK_GAP_MS: int(1000, 0, 60000),
    REDIS_URL: optionalString.pipe(
      z
        .string()
        .regex(/^rediss?:\/\//, { error: 'must start with redis:// or rediss://' })
        .optional(),
    ),
    REDIS_PREFIX: z
      .string()
      .regex(/^[a-z0-9:_-]+$/)
      .default('umkm:'),
    MAYOR_TELEGRAM_CHAT_ID: optionalString.pipe(
      z
        .string()
        .regex(/^-?\d+$/, { error: 'must be a numeric chat id' })
        .optional(),
    ),
    MAYOR_WHATSAPP_JID: optionalString.pipe(
      z
        .string()
        .regex(/@(g\.us|s\.whatsapp\.net)$/, { error: 'must end with @g.us or @s.whatsapp.net' })
        .optional(),
    ),
    REPORT_WEBHOOK_URL: optionalUrl,
    REPORT_WEBHOOK_SECRET: optionalString.pipe(z.string().min(16, { error: 'must be at least 16 characters' }).optional()),
    MEDIA_DIR: z.string().min(1).default('./data/media'),
    HTTP_PORT: int(0, 0, 65535),
    // Loopback unless told: /metrics and /healthz are not for the internet (a container sets 0.0.0.0).
    HTTP_HOST: z.string().trim().min(1, { error: 'must be an address such as 127.0.0.1 or 0.0.0.0' }).default('127.0.0.1'),
    DASHBOARD_PASSWORD: optionalString.pipe(
      z
        .string()
        .min(MIN_DASHBOARD_PASSWORD, { error: `must be at least ${MIN_DASHBOARD_PASSWORD} characters` })
        .optional(),
    ),
    DEFAULT_LOCALE: z.enum(['id', 'en'], { error: 'must be id or en' }).default('id'),
    RECAP_HOUR: int(20, 0, 23),
    REMINDER_DELAY_MINUTES: int(360, 1, 10080),
    UMKM_ACCEPT_MINUTES: int(120, 1, 10080),
    // Telegram allows about 30/s (up to 1000/s with paid broadcasts or a local Bot API test server).
    BROADCAST_TELEGRAM_PER_SECOND: int(25, 1, 1000),
    BROADCAST_WHATSAPP_DELAY_MS: int(4000, 500, 60000),
    BROADCAST_WHATSAPP_DAILY_CAP: int(1000, 1, 100000),
    SESSION_TTL_HOURS: int(72, 1, 720),
    RETENTION_DAYS: int(90, 1, 3650),
    // Updates one chat may send per second before the rest are dropped (one polite notice).
    FLOOD_PER_SECOND: int(10, 1, 1000),
    ADMIN_CONTACT: z.string().default('Dinas Koperasi dan UMKM Kota Depok'),
    WORKER: z.enum(['inline', 'separate'], { error: 'must be inline or separate' }).optional(),
    CONSOLE: bool.optional(),
    // Where the terminal chat writes the files the bot sends (recap CSV, charts, invitations).
    CONSOLE_OUT_DIR: z.string().min(1).default('./data/out'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .superRefine((env, ctx) => {
    if (env.TELEGRAM_WEBHOOK_URL && !env.BOT_TOKEN)
      ctx.addIssue({ code: 'custom', path: ['BOT_TOKEN'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    if (env.TELEGRAM_WEBHOOK_URL && !env.TELEGRAM_WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    if (env.TELEGRAM_WEBHOOK_URL && !env.HTTP_PORT)
      ctx.addIssue({ code: 'custom', path: ['HTTP_PORT'], message: 'is required when TELEGRAM_WEBHOOK_URL is set' });
    if (env.REPORT_WEBHOOK_URL && !env.REPORT_WEBHOOK_SECRET)
      ctx.addIssue({ code: 'custom', path: ['REPORT_WEBHOOK_SECRET'], message: 'is required when REPORT_WEBHOOK_URL is set' });
  });

export type Env = z.output<typeof EnvSchema>;

/**
 * Telegram as the flat variables set it: off without BOT_TOKEN; with it, long polling, or a
 * webhook when TELEGRAM_WEBHOOK_URL is set (the schema then requires the secret and HTTP_PORT).
 * Each mode holds what it needs, so the code that starts Telegram needs no `!`.
 */
export type TelegramConfig =
  { mode: 'off' } | { mode: 'polling'; token: string; apiRoot: string } | { mode: 'webhook'; token: string; apiRoot: string; url: string; secret: string };

/** WhatsApp as the flat variables set it: off unless WHATSAPP_ENABLED; on, with its pairing and pacing settings. */
export type WhatsAppConfig =
  | { mode: 'off' }
  | {
      mode: 'on';
      /** pair with a code for this phone instead of a QR (WHATSAPP_PAIRING_PHONE) */
      pairingPhone?: string;
      /** WhatsApp Web version (WHATSAPP_VERSION), as written */
      version?: string;
      /** caps on the sends the bot starts itself (WHATSAPP_BULK_*) */
      bulk: { perMinute: number; perChatPerMinute: number; perDay: number; gapMs: number };
    };

/** The validated configuration plus derived facts. */
export type Config = Env & {
  telegram: TelegramConfig;
  whatsapp: WhatsAppConfig;
  telegramEnabled: boolean;
  /** no chat channel configured (or CONSOLE=true): run the terminal chat */
  consoleEnabled: boolean;
  workerInline: boolean;
};

function telegramOf(e: Env): TelegramConfig {
  if (!e.BOT_TOKEN) return { mode: 'off' };
  const base = { token: e.BOT_TOKEN, apiRoot: e.TELEGRAM_API_ROOT };
  // The schema refuses a webhook URL without its secret; checked again so the type holds.
  if (e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET) return { mode: 'webhook', ...base, url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET };
  return { mode: 'polling', ...base };
}

function whatsappOf(e: Env): WhatsAppConfig {
  if (!e.WHATSAPP_ENABLED) return { mode: 'off' };
  return {
    mode: 'on',
    ...(e.WHATSAPP_PAIRING_PHONE ? { pairingPhone: e.WHATSAPP_PAIRING_PHONE } : {}),
    ...(e.WHATSAPP_VERSION ? { version: e.WHATSAPP_VERSION } : {}),
    bulk: {
      perMinute: e.WHATSAPP_BULK_PER_MINUTE,
      perChatPerMinute: e.WHATSAPP_BULK_PER_CHAT_PER_MINUTE,
      perDay: e.WHATSAPP_BULK_PER_DAY,
      gapMs: e.WHATSAPP_BULK_GAP_MS,
    },
  };
}

/** The flat environment parsed, then the channel settings derived from it. */
export const ConfigSchema = EnvSchema.transform((e): Config => {
  const telegram = telegramOf(e);
  const whatsapp = whatsappOf(e);
  const telegramEnabled = telegram.mode !== 'off';
  return {
    ...e,
    telegram,
    whatsapp,
    telegramEnabled,
    consoleEnabled: e.CONSOLE ?? (!telegramEnabled && whatsapp.mode === 'off'),
    // Inline unless told otherwise: a fresh install with one process must still send its reports.
    workerInline: e.WORKER !== 'separate',
  };
});

/** Start-up stops with one message listing every problem by variable name. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates an environment (process.env by default). Throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = ConfigSchema.safeParse(env);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`));
  }
  return r.data;
}
