import { ConfigError, loadConfig } from '../../src/config.js';

const TOKEN = '123456789:AAExampleExampleExampleExample_123';

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('loadConfig accepted the environment');
}

describe('loadConfig', () => {
  test('an empty environment gives the defaults and the console channel', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      WHATSAPP_ENABLED: false,
      REDIS_PREFIX: 'umkm:',
      MEDIA_DIR: './data/media',
      HTTP_PORT: 0,
      DEFAULT_LOCALE: 'id',
      RECAP_HOUR: 20,
      REMINDER_DELAY_MINUTES: 360,
      LOG_LEVEL: 'info',
      telegramEnabled: false,
      consoleEnabled: true,
      workerInline: true,
    });
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.BOT_TOKEN).toBeUndefined();
  });

  test('every bad variable is named in one error', () => {
    const problems = problemsOf({
      BOT_TOKEN: 'not-a-token',
      TELEGRAM_API_ROOT: 'not a url',
      REDIS_URL: 'http://127.0.0.1:6379',
      RECAP_HOUR: '25',
      REMINDER_DELAY_MINUTES: 'soon',
      DEFAULT_LOCALE: 'fr',
      WHATSAPP_ENABLED: 'maybe',
      MAYOR_WHATSAPP_JID: '62812',
      WORKER: 'both',
      LOG_LEVEL: 'loud',
    });
    const named = problems.map((p) => p.split(':')[0]).sort();
    expect(named).toEqual(
      [
        'BOT_TOKEN',
        'DEFAULT_LOCALE',
        'LOG_LEVEL',
        'MAYOR_WHATSAPP_JID',
        'RECAP_HOUR',
        'REDIS_URL',
        'REMINDER_DELAY_MINUTES',
        'TELEGRAM_API_ROOT',
        'WHATSAPP_ENABLED',
        'WORKER',
      ].sort(),
    );
  });

  test('the error message lists each problem and never quotes a secret value', () => {
    const secret = 'bad secret!';
    let message = '';
    try {
      loadConfig({ BOT_TOKEN: '42:short', TELEGRAM_WEBHOOK_SECRET: secret, RECAP_HOUR: '-1' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('- BOT_TOKEN:');
    expect(message).toContain('- TELEGRAM_WEBHOOK_SECRET:');
    expect(message).toContain('- RECAP_HOUR:');
    expect(message).not.toContain('42:short');
    expect(message).not.toContain(secret);
  });

  test('webhook mode requires its token, secret and port', () => {
    expect(
      problemsOf({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.id/tg' })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['BOT_TOKEN', 'HTTP_PORT', 'TELEGRAM_WEBHOOK_SECRET']);
  });

  test('a report webhook requires its secret', () => {
    expect(problemsOf({ REPORT_WEBHOOK_URL: 'https://walikota.example.id/hook' })).toEqual([
      'REPORT_WEBHOOK_SECRET: is required when REPORT_WEBHOOK_URL is set',
    ]);
  });

  test('a bot token turns Telegram on and the console off; CONSOLE=true keeps it', () => {
    expect(loadConfig({ BOT_TOKEN: TOKEN })).toMatchObject({ telegramEnabled: true, consoleEnabled: false, workerInline: true });
    expect(loadConfig({ BOT_TOKEN: TOKEN, WORKER: 'separate' }).workerInline).toBe(false);
    expect(loadConfig({ BOT_TOKEN: TOKEN, CONSOLE: 'true' })).toMatchObject({ telegramEnabled: true, consoleEnabled: true });
    expect(loadConfig({ BOT_TOKEN: TOKEN, WORKER: 'inline' }).workerInline).toBe(true);
  });

  test('the flat variables give one Telegram mode, each with the settings it needs', () => {
    const secret = 'webhook-secret-0123456789';
    expect(loadConfig({}).telegram).toEqual({ mode: 'off' });
    expect(loadConfig({ BOT_TOKEN: TOKEN }).telegram).toEqual({ mode: 'polling', token: TOKEN, apiRoot: 'https://api.telegram.org' });
    expect(
      loadConfig({
        BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.id/tg',
        TELEGRAM_WEBHOOK_SECRET: secret,
        HTTP_PORT: '8080',
      }).telegram,
    ).toEqual({ mode: 'webhook', token: TOKEN, apiRoot: 'http://127.0.0.1:8081', url: 'https://bot.example.id/tg', secret });
    // a secret alone does not make a webhook
    expect(loadConfig({ BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: secret }).telegram.mode).toBe('polling');
  });

  test('WhatsApp is off unless enabled; on, it carries its pairing and pacing settings', () => {
    expect(loadConfig({ WHATSAPP_PAIRING_PHONE: '081234567890' }).whatsapp).toEqual({ mode: 'off' });
    expect(loadConfig({ WHATSAPP_ENABLED: 'true', WHATSAPP_PAIRING_PHONE: '081234567890', WHATSAPP_BULK_PER_DAY: '500' }).whatsapp).toEqual({
      mode: 'on',
      pairingPhone: '081234567890',
      bulk: { perMinute: 30, perChatPerMinute: 6, perDay: 500, gapMs: 1000 },
    });
  });

  test('numbers, booleans and blanks are read as such', () => {
    const c = loadConfig({ HTTP_PORT: '8080', RECAP_HOUR: '7', WHATSAPP_ENABLED: 'yes', REDIS_URL: '  ', MAYOR_TELEGRAM_CHAT_ID: '-100123' });
    expect(c).toMatchObject({ HTTP_PORT: 8080, RECAP_HOUR: 7, WHATSAPP_ENABLED: true, MAYOR_TELEGRAM_CHAT_ID: '-100123', consoleEnabled: false });
    expect(c.REDIS_URL).toBeUndefined();
  });
});

describe('exposure (issue 14)', () => {
  test('the HTTP server listens on loopback unless HTTP_HOST says otherwise', () => {
    expect(loadConfig({}).HTTP_HOST).toBe('127.0.0.1');
    expect(loadConfig({ HTTP_HOST: '0.0.0.0' }).HTTP_HOST).toBe('0.0.0.0');
  });

  test('a short DASHBOARD_PASSWORD stops start-up with an error naming the variable', () => {
    expect(problemsOf({ DASHBOARD_PASSWORD: 'x' })).toEqual(['DASHBOARD_PASSWORD: must be at least 12 characters']);
    expect(problemsOf({ DASHBOARD_PASSWORD: 'elevenchars' })).toEqual(['DASHBOARD_PASSWORD: must be at least 12 characters']);
    expect(loadConfig({ DASHBOARD_PASSWORD: 'twelve-chars' }).DASHBOARD_PASSWORD).toBe('twelve-chars');
    expect(loadConfig({ DASHBOARD_PASSWORD: '' }).DASHBOARD_PASSWORD).toBeUndefined();
  });
});
