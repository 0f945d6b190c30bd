import { type Actor, OPEN_FOR_UMKM, transition, waitsForOwner } from '../../../src/domain/order-status.js';
import { ORDER_STATUSES, type OrderStatus } from '../../../src/domain/schemas.js';

/** Every legal move and who may make it (besides the system). */
const LEGAL: [OrderStatus, OrderStatus, Actor][] = [
  ['draft', 'confirmed', 'asn'],
  ['confirmed', 'paid', 'asn'],
  ['confirmed', 'cancelled', 'asn'],
  ['paid', 'accepted', 'umkm'],
  ['paid', 'rejected', 'umkm'],
  // only once no owner accepted within UMKM_ACCEPT_MINUTES (flows/order-overdue.ts checks that)
  ['paid', 'cancelled', 'asn'],
  ['accepted', 'delivered', 'umkm'],
];
const ACTORS: Actor[] = ['asn', 'umkm', 'system'];
const isLegal = (from: OrderStatus, to: OrderStatus) => LEGAL.some(([f, t]) => f === from && t === to);

describe('transition', () => {
  test.each(LEGAL)('%s -> %s is allowed for %s', (from, to, actor) => {
    expect(transition(from, to, actor)).toEqual({ ok: true, to });
  });

  test.each(LEGAL.filter(([f, t]) => !(f === 'paid' && t === 'cancelled')))('%s -> %s is allowed for the system (workers, timeouts)', (from, to) => {
    expect(transition(from, to, 'system')).toEqual({ ok: true, to });
  });

  test.each(LEGAL)('%s -> %s is refused to the other party', (from, to, actor) => {
    const other: Actor = actor === 'asn' ? 'umkm' : 'asn';
    expect(transition(from, to, other)).toEqual({ ok: false, reason: 'not-allowed' });
  });

  test('every other pair of statuses is an illegal move for every actor', () => {
    let checked = 0;
    for (const from of ORDER_STATUSES)
      for (const to of ORDER_STATUSES)
        for (const actor of ACTORS) {
          if (isLegal(from, to)) continue;
          expect({ from, to, actor, r: transition(from, to, actor) }).toEqual({ from, to, actor, r: { ok: false, reason: 'illegal-move' } });
          checked++;
        }
    expect(checked).toBe((ORDER_STATUSES.length ** 2 - LEGAL.length) * ACTORS.length);
  });

  test.each(['rejected', 'delivered', 'cancelled'] as const)('%s is final', (from) => {
    for (const to of ORDER_STATUSES) for (const actor of ACTORS) expect(transition(from, to, actor).ok).toBe(false);
  });

  test('a paid order is cancelled by its ASN only (the owner rejects instead); nothing is delivered before it is accepted', () => {
    expect(transition('paid', 'cancelled', 'umkm')).toEqual({ ok: false, reason: 'not-allowed' });
    expect(transition('paid', 'cancelled', 'system')).toEqual({ ok: false, reason: 'not-allowed' }); // no timeout cancels a paid order
    expect(transition('paid', 'delivered', 'umkm')).toEqual({ ok: false, reason: 'illegal-move' });
  });

  test('orders open for the UMKM owner are the paid and accepted ones', () => {
    expect([...OPEN_FOR_UMKM].sort()).toEqual(['accepted', 'paid']);
  });

  test('a delivered order waits for its owner until the payment is confirmed', () => {
    expect(waitsForOwner({ status: 'paid' })).toBe(true);
    expect(waitsForOwner({ status: 'accepted', paymentConfirmed: true })).toBe(true);
    expect(waitsForOwner({ status: 'delivered' })).toBe(true);
    expect(waitsForOwner({ status: 'delivered', paymentConfirmed: true })).toBe(false);
    expect(waitsForOwner({ status: 'rejected' })).toBe(false);
    expect(waitsForOwner({ status: 'cancelled' })).toBe(false);
  });
});
