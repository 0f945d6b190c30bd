import { z } from 'zod';
import { defineFlow, goto, reply } from '../../../src/engine/flow.js';
import { cartFlow } from '../../../flows/cart.js';

describe('defineFlow: typed flow data and step names', () => {
  it('parses the stored data with the flow schema: known fields kept, unknown ones dropped', () => {
    const data = cartFlow.parseData!({ sku: 'P-1', qty: 3, stray: 'x' });
    expect(data).toEqual({ sku: 'P-1', qty: 3 });
  });

  it('starts afresh when stored data does not fit the schema (a session from an older version)', () => {
    expect(cartFlow.parseData!({ sku: 42, qty: 'three' })).toEqual({});
  });

  it('applies defaults of the schema on entering a flow', () => {
    const flow = defineFlow({
      name: 'my-orders',
      data: z.object({ page: z.number().int().default(0) }),
      steps: { list: { enter: (ctx) => reply({ text: { key: 'x', args: { page: ctx.data.page } } }) } },
    });
    expect(flow.parseData!({})).toEqual({ page: 0 });
  });

  it('checks step references at compile time (npm run typecheck fails otherwise)', () => {
    // @ts-expect-error: 'nope' is no step of the cart flow
    const bad = goto('cart', 'nope');
    // @ts-expect-error: there is no flow named 'nowhere'
    const worse = goto('nowhere', 'list');
    expect(goto('cart', 'summary').to).toEqual({ flow: 'cart', step: 'summary' });
    expect([bad.kind, worse.kind]).toEqual(['goto', 'goto']);
  });
});
