import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ENGINE_POLICIES, FLOWS } from '../../../flows/index.js';
import { tapNotice } from '../../../src/channels/types.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const engineCode = () => readFileSync(join(ROOT, 'src/engine/engine.ts'), 'utf8');

describe('the engine names no flow, flow message or channel: the flows and channels pass their policies in', () => {
  it('src/engine/engine.ts holds no flow name, step reference, flow message key or channel name', () => {
    const code = engineCode()
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\/\/.*$/gm, '');
    const named = [...FLOWS.map((f) => `'${f.name}'`), "'nav:", "'ui-", "'receipt-", "'telegram'", "'whatsapp'"].filter((w) => code.includes(w));
    expect(named).toEqual([]);
  });

  it("the flows' policies point at steps that exist", () => {
    const steps = new Map(FLOWS.map((f) => [f.name, Object.keys(f.steps)]));
    for (const to of [ENGINE_POLICIES.registration, ENGINE_POLICIES.home]) expect(steps.get(to.flow)).toContain(to.step);
    expect(ENGINE_POLICIES.openBeforeRegistering({ flow: 'menu', step: 'language' })).toBe(true);
    expect(ENGINE_POLICIES.openBeforeRegistering({ flow: 'cart', step: 'summary' })).toBe(false);
  });

  it('only Telegram shows a stale tap as a notice on the button', () => {
    const tap = { kind: 'choice' as const, id: 'x' };
    expect(tapNotice({ channel: 'telegram', chatId: '1' }, tap)).toBe(true);
    expect(tapNotice({ channel: 'whatsapp', chatId: '1' }, tap)).toBe(false);
    expect(tapNotice({ channel: 'telegram', chatId: '1' }, { kind: 'text', text: 'x' })).toBe(false);
  });
});
