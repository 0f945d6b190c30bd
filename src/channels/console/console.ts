import { constants } from 'node:fs';
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { FetchMedia, Input, MessageHandler } from '../../engine/types.js';
import { loadSharp } from '../../media/sharp.js';
import { isPdfPath, type OutboundMessage } from '../../i18n/message.js';
import { textToInput } from '../commands.js';
import { numberedText } from '../render.js';
import type { ConsolePersonas } from './personas.js';

export interface ConsoleChannelDeps {
  handler: MessageHandler;
  input: Readable;
  output: Writable;
  /** the demo user's phone, verified by construction (the terminal is the operator's own) */
  phone: string;
  /** root of stored media, to show where a photo lives */
  mediaDir: string;
  chatId?: string;
  /** the demo personas (`/sebagai`): the first is the console user (`phone`, `chatId`) */
  personas?: ConsolePersonas;
  /** the line under the title naming what the terminal offers beyond the chat (localised) */
  intro?: string;
}

/**
 * Renders one bot message for the terminal: text, numbered choices, a note for photos and files
 * (with the path `files` says they were written to).
 */
export function renderForConsole(m: OutboundMessage, mediaDir: string, files: { photo?: string; document?: string } = {}): string {
  const lines: string[] = [];
  if (m.photo) lines.push(`[${isPdfPath(m.photo.path) ? 'berkas PDF' : 'foto'}: ${files.photo ?? m.photo.url ?? path.join(mediaDir, m.photo.path ?? '')}]`);
  if (m.document) lines.push(`[berkas: ${files.document ?? m.document.fileName}]`);
  lines.push(numberedText(m));
  return lines.join('\n');
}

/** The media ref of a generated demo receipt (`/foto` without a path). */
export const DEMO_RECEIPT_REF = 'demo-receipt:';

/** Reads one typed line as an input: `/foto [path]` sends an image file, everything else is text. */
export function consoleInput(line: string): Input {
  const foto = /^\/(foto|photo)(?:\s+(.+))?$/i.exec(line.trim());
  if (foto) return { kind: 'photo', media: { ref: foto[2]?.trim() || `${DEMO_RECEIPT_REF}${Date.now()}` } };
  return textToInput(line);
}

async function readable(file: string): Promise<boolean> {
  try {
    await access(file, constants.R_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** A fresh demo transfer receipt (each one different, as real receipts are). */
export async function demoReceipt(stamp: string): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360"><rect width="100%" height="100%" fill="#fdfdf5"/>
<text x="30" y="70" font-size="30" font-family="sans-serif" fill="#222">BUKTI TRANSFER (DEMO)</text>
<text x="30" y="140" font-size="20" font-family="monospace" fill="#333">Bank Demo Depok</text>
<text x="30" y="190" font-size="20" font-family="monospace" fill="#333">Ref: ${stamp.replace(/[^0-9]/g, '')}</text>
<text x="30" y="240" font-size="20" font-family="monospace" fill="#333">Status: BERHASIL</text></svg>`;
  return (await loadSharp())(Buffer.from(svg)).jpeg({ quality: 70 }).toBuffer();
}

/**
 * A terminal chat for local use and demos: same engine, same flows. Choices are numbered; type
 * the number or the label. `/foto` sends a generated demo receipt, `/foto path/to.jpg` a file.
 * Resolves when the input ends (Ctrl-D or end of a piped file).
 */
export async function runConsoleChannel(deps: ConsoleChannelDeps): Promise<void> {
  const personas = deps.personas;
  const first = { chatId: deps.chatId ?? 'demo', phone: deps.phone };
  const fetchMedia: FetchMedia = (media) =>
    media.ref.startsWith(DEMO_RECEIPT_REF) ? demoReceipt(media.ref.slice(DEMO_RECEIPT_REF.length)) : readFile(media.ref);
  const write = (s: string) => deps.output.write(s);
  const say = async (input: Input) => {
    const who = personas?.active() ?? first;
    const out = await deps.handler.handle({ chat: { channel: 'console', chatId: who.chatId }, input, fetchMedia, verifiedPhone: who.phone });
    const texts: string[] = [];
    for (const m of out.messages) texts.push(personas ? await personas.render(m) : renderForConsole(m, deps.mediaDir));
    for (const text of texts) write(`\n${text}\n`);
    personas?.rememberScreen(texts.join('\n\n'));
    write('\n> ');
  };
  write('Belanja UMKM Depok: obrolan terminal (ketik nomor pilihan, /foto untuk kirim bukti bayar, Ctrl-D untuk keluar)\n');
  if (deps.intro) write(`${deps.intro}\n`);
  await say({ kind: 'command', name: 'start', args: '' });
  const rl = readline.createInterface({ input: deps.input, terminal: false });
  for await (const line of rl) {
    if (!line.trim()) {
      write('> ');
      continue;
    }
    const handled = personas ? await personas.line(line) : { kind: 'chat' as const };
    if (handled.kind === 'done') {
      write('\n> ');
      continue;
    }
    if (handled.kind === 'switched') {
      // The first time the terminal is this persona: their menu (their chat has no screen yet).
      if (handled.firstVisit) await say({ kind: 'command', name: 'menu', args: '' });
      else write('\n> ');
      continue;
    }
    const input = consoleInput(line);
    // A path that cannot be read is the terminal's problem, not the chat's: say so here, send nothing.
    if (input.kind === 'photo' && !input.media.ref.startsWith(DEMO_RECEIPT_REF) && !(await readable(input.media.ref))) {
      write(`(tidak bisa membaca file ${input.media.ref}; /foto tanpa nama file mengirim bukti bayar contoh)\n> `);
      continue;
    }
    await say(input);
  }
  write('\nSampai jumpa!\n');
}
