import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { I18n, Locale } from '../../i18n/index.js';
import type { DemoPersona } from '../../import/demo.js';
import type { ConsoleInbox } from '../../store/console-inbox-repo.js';
import type { ChannelSender } from '../types.js';
import type { OutboundMessage } from '../../i18n/message.js';
import { renderForConsole } from './console.js';

export interface ConsolePersonasDeps {
  personas: DemoPersona[];
  inbox: ConsoleInbox;
  i18n: I18n;
  /** the language of headers and of `/sebagai` (`/as` lists in English) */
  locale: Locale;
  write: (s: string) => void;
  mediaDir: string;
  /** where files the bot sends are written (./data/out) */
  outDir: string;
  clock?: () => Date;
}

/** What the terminal does with one typed line before the chat sees it. */
export type PersonaLine = { kind: 'chat' } | { kind: 'done' } | { kind: 'switched'; persona: DemoPersona; firstVisit: boolean };

const SWITCH = /^\/(sebagai|as)(?:@\w+)?(?:\s+(.*))?$/i;

/**
 * The demo personas of the terminal chat: who the terminal is now, `/sebagai` (`/as`) to list and
 * switch, and the sender the workers use for console chats: a message for the persona the
 * terminal is shows as a notice; one for another persona is printed under a header naming them
 * and waits in their chat until the terminal switches to them. Files the bot sends are written
 * under `outDir` and their path printed. Only the terminal has this: Telegram and WhatsApp users
 * are who their account is.
 */
export function createConsolePersonas(deps: ConsolePersonasDeps) {
  const { personas, i18n } = deps;
  const clock = deps.clock ?? (() => new Date());
  let active = personas[0]!;
  let choosing: Locale | null = null;
  const visited = new Set<string>([active.chatId]);
  /** each persona's last answer, shown again when the terminal comes back to them */
  const screens = new Map<string, string>();

  const t = (key: string, args?: Record<string, string | number>, locale: Locale = deps.locale) => i18n.t(locale, key, args);
  const label = (p: DemoPersona, locale: Locale = deps.locale) => t(`console-persona-${p.kind}`, { name: p.name, of: p.of ?? '' }, locale);

  /** Writes the message's files under outDir; the rendered text names where they are. */
  async function render(msg: OutboundMessage): Promise<string> {
    const files: { photo?: string; document?: string } = {};
    if (msg.document || msg.photo?.path) await mkdir(deps.outDir, { recursive: true });
    if (msg.document) {
      files.document = path.join(deps.outDir, path.basename(msg.document.fileName));
      await writeFile(files.document, msg.document.content);
    }
    if (msg.photo?.path) {
      const target = path.join(deps.outDir, path.basename(msg.photo.path));
      // A photo whose file is gone (retention) is still named, where it was.
      files.photo = await copyFile(path.join(deps.mediaDir, msg.photo.path), target).then(
        () => target,
        () => undefined,
      );
    }
    return renderForConsole(msg, deps.mediaDir, files);
  }

  function find(query: string): DemoPersona | undefined {
    const q = query.trim().toLowerCase();
    const n = Number(q);
    if (Number.isInteger(n) && n >= 1) return personas[n - 1];
    return personas.find((p) => label(p).toLowerCase().includes(q));
  }

  function list(locale: Locale): string {
    const lines = personas.map((p, i) => `${i + 1}. ${label(p, locale)}${p === active ? `  ${t('console-personas-current', {}, locale)}` : ''}`);
    return `${t('console-personas-title', {}, locale)}\n\n${lines.join('\n')}\n\n${t('console-personas-pick', {}, locale)}`;
  }

  async function switchTo(p: DemoPersona, locale: Locale): Promise<PersonaLine> {
    active = p;
    const firstVisit = !visited.has(p.chatId);
    visited.add(p.chatId);
    const parts = [t('console-switched', { who: label(p, locale) }, locale)];
    const waiting = await deps.inbox.take(p.chatId);
    if (waiting.length) parts.push(t('console-waiting', { count: waiting.length }, locale), ...waiting.map((w) => w.text));
    else if (p.kind === 'mayor') parts.push(t('console-mayor-empty', {}, locale));
    const screen = screens.get(p.chatId);
    if (screen && p.kind !== 'mayor') parts.push(t('console-last-screen', {}, locale), screen);
    deps.write(`\n${parts.join('\n\n')}\n`);
    return { kind: 'switched', persona: p, firstVisit: firstVisit && p.kind !== 'mayor' };
  }

  return {
    personas,
    active: () => active,
    /** Remembers the answer the active persona just got (shown again after a switch back). */
    rememberScreen(text: string) {
      screens.set(active.chatId, text);
    },
    render,
    /**
     * `/sebagai` lists (the next typed number or name picks), `/sebagai 4` or `/as sari` switches;
     * the mayor's office only reads. `chat`: the line is for the chat of the active persona.
     */
    async line(line: string): Promise<PersonaLine> {
      const m = SWITCH.exec(line.trim());
      const pick = choosing;
      choosing = null;
      if (m) {
        const locale: Locale = m[1]!.toLowerCase() === 'as' ? 'en' : 'id';
        if (!m[2]?.trim()) {
          choosing = locale;
          deps.write(`\n${list(locale)}\n`);
          return { kind: 'done' };
        }
        const p = find(m[2]);
        if (!p) {
          deps.write(`\n${t('console-persona-unknown', { query: m[2].trim() }, locale)}\n`);
          return { kind: 'done' };
        }
        return switchTo(p, locale);
      }
      if (pick) {
        const p = /^\d+$/.test(line.trim()) ? find(line) : undefined;
        if (p) return switchTo(p, pick);
      }
      if (active.kind === 'mayor') {
        deps.write(`\n${t('console-read-only')}\n`);
        return { kind: 'done' };
      }
      return { kind: 'chat' };
    },
    /** What the workers use to reach console chats (notifications, reports, recaps, broadcasts). */
    sender: {
      channel: 'console',
      async send(chatId: string, msg: OutboundMessage) {
        const text = await render(msg);
        if (chatId === active.chatId) {
          deps.write(`\n[${t('console-notice')}]\n${text}\n`);
          return { ok: true };
        }
        const p = personas.find((x) => x.chatId === chatId);
        deps.write(`\n${t('console-message-for', { who: p ? label(p) : chatId })}\n${text}\n`);
        await deps.inbox.push(chatId, { text, at: clock().toISOString() });
        return { ok: true };
      },
    } satisfies ChannelSender,
  };
}
export type ConsolePersonas = ReturnType<typeof createConsolePersonas>;
