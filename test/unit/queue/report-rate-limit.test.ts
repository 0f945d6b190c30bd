import { describe, expect, it } from '@jest/globals';
import { MAX_RATE_LIMIT_WAIT_MS, RATE_LIMIT_MARGIN_MS, rateLimitWaitMs } from '../../../src/queue/report-processor.js';

describe('rate-limit wait of a report', () => {
  it('waits what the destination asked for plus the margin', () => {
    expect(rateLimitWaitMs(1)).toBe(1000 + RATE_LIMIT_MARGIN_MS);
    expect(rateLimitWaitMs(0)).toBe(RATE_LIMIT_MARGIN_MS);
  });

  it('never parks a report longer than the cap, whatever the destination says', () => {
    expect(rateLimitWaitMs(30 * 24 * 3600)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(rateLimitWaitMs(Number.POSITIVE_INFINITY)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(rateLimitWaitMs(Number.NaN)).toBe(MAX_RATE_LIMIT_WAIT_MS);
    expect(rateLimitWaitMs(-5)).toBe(RATE_LIMIT_MARGIN_MS);
  });
});
