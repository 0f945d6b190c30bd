import { pino, type DestinationStream, type Logger } from 'pino';

/**
 * Paths that may carry personal data or secrets. Logs never carry a phone number, an address,
 * a recipient's name or a token (UU PDP No. 27/2022).
 */
export const REDACT_PATHS = [
  'phone',
  '*.phone',
  '*.*.phone',
  'ownerPhone',
  '*.ownerPhone',
  'address',
  '*.address',
  '*.*.address',
  'recipient',
  '*.recipient',
  'name',
  '*.name',
  'contact',
  '*.contact',
  '*.*.contact',
  'token',
  '*.token',
  'botToken',
  'BOT_TOKEN',
  '*.BOT_TOKEN',
  'secret',
  '*.secret',
  'REPORT_WEBHOOK_SECRET',
  'TELEGRAM_WEBHOOK_SECRET',
  '*.REPORT_WEBHOOK_SECRET',
  '*.TELEGRAM_WEBHOOK_SECRET',
  'text',
  '*.text',
  'caption',
  '*.caption',
  'from',
  '*.from',
  'chat',
  '*.chat',
  'jid',
  '*.jid',
  'remoteJid',
  '*.remoteJid',
  '*.*.remoteJid',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
  'url',
  '*.url',
  // payment details (issue 12): account numbers, holders, e-wallet numbers
  'payTo',
  '*.payTo',
  '*.*.payTo',
  'bank',
  '*.bank',
  '*.*.bank',
  'ewallet',
  '*.ewallet',
  '*.*.ewallet',
  'holder',
  '*.holder',
];

const PATTERNS: [RegExp, string][] = [
  // a bot token, in an API URL or alone
  [/bot\d+:[A-Za-z0-9_-]{20,}/g, 'bot<token>'],
  [/\b\d{5,12}:[A-Za-z0-9_-]{20,}/g, '<token>'],
  // Indonesian mobile numbers as people type them: 0812-3456-7890, +62 812 3456 7890, 62812...
  [/(?<![\w+])(?:\+?62|0)[\s.-]?8(?:[\s.-]?\d){7,12}(?!\d)/g, '<phone>'],
  // other numbers in E.164 or national form (landlines, WhatsApp JIDs)
  [/\+?\b62\d{7,13}\b/g, '<phone>'],
  [/\b08\d{7,12}\b/g, '<phone>'],
];

/** Scrubs phone numbers and bot tokens from free text (error messages can quote a URL or input). */
export function scrub(s: string): string {
  let out = s;
  for (const [re, by] of PATTERNS) out = out.replace(re, by);
  return out;
}

/**
 * Scrubs every string of a log object (plain objects and arrays, a few levels deep) and turns
 * errors into { type, message, stack } scrubbed, so an error message, a job's failure reason or a
 * library's context object cannot carry a phone number or a token into the logs.
 */
export function scrubDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  // Only name, message and stack of an error: a GrammyError's payload holds the text it sent.
  if (value instanceof Error || Object.prototype.toString.call(value) === '[object Error]') {
    const e = value as Error;
    return { type: e.name, message: scrub(String(e.message)), stack: e.stack ? scrub(e.stack) : undefined };
  }
  if (depth >= 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, depth + 1)]));
}

/** The application logger: JSON lines, redacted (REDACT_PATHS) and scrubbed (scrubDeep). */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  const logger = pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // Errors are shaped by scrubDeep (pino's own err serializer would copy every property back).
      serializers: { err: (e: unknown) => e },
      formatters: {
        log: (obj) => scrubDeep(obj) as Record<string, unknown>,
        bindings: (b) => scrubDeep(b) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === 'string' ? scrub(a) : a)) as typeof args;
          return method.apply(this, scrubbed);
        },
      },
    },
    destination,
  );
  // pino skips the bindings formatter for child loggers (libraries such as Baileys bind chat
  // ids): children of this logger, at any depth, get their bindings scrubbed here.
  const proto = Object.getPrototypeOf(logger) as Logger;
  logger.child = function scrubbedChild(this: Logger, bindings, options) {
    return proto.child.call(this, scrubDeep(bindings) as typeof bindings, options);
  } as typeof logger.child;
  return logger;
}
export type { Logger };
