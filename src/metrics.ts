import type { Queue } from 'bullmq';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MessageHandler } from './engine/types.js';

/** Job states shown per queue on each scrape. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

export interface MetricsOptions {
  /** add Node.js process metrics (CPU, memory, event loop) to this registry; off in tests */
  processMetrics?: boolean;
}

/**
 * The Prometheus metrics of one process, on a registry of its own (never prom-client's global
 * one, so tests can make as many as they like). Counters and the step histogram are fed by hooks
 * (`countUpdates`, `onStep`, `onReportDelivery`, `onBroadcastSend`, `onFloodDrop`); queue gauges are
 * read with `getJobCounts` on each scrape of the queues given to `trackQueues`.
 */
export function createMetrics(opts: MetricsOptions = {}) {
  const registry = new Registry();
  if (opts.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'belanja_' });
  const queues: Queue[] = [];

  const updates = new Counter({
    name: 'belanja_updates_total',
    help: 'Chat updates received from the channels (flood drops included), per channel and input kind',
    labelNames: ['channel', 'input'] as const,
    registers: [registry],
  });
  const floodDrops = new Counter({
    name: 'belanja_flood_dropped_total',
    help: 'Updates dropped by per-chat flood control, per channel',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const stepSeconds = new Histogram({
    name: 'belanja_flow_step_seconds',
    help: 'Time to handle one update, by the flow step it ended in',
    labelNames: ['flow', 'step'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const reportDeliveries = new Counter({
    name: 'belanja_report_deliveries_total',
    help: 'Purchase reports and follow-ups delivered, per destination (telegram, whatsapp, webhook)',
    labelNames: ['destination', 'kind'] as const,
    registers: [registry],
  });
  const broadcastSends = new Counter({
    name: 'belanja_broadcast_sends_total',
    help: 'Broadcast flyers sent, per channel (rate() gives the send rate)',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  // Both queue gauges are filled by one read per scrape (the registry collects them concurrently).
  let reading: Promise<void> | undefined;
  const readQueues = () =>
    (reading ??= Promise.all(
      queues.map(async (q) => {
        try {
          const counts = await q.getJobCounts(...QUEUE_STATES);
          for (const state of QUEUE_STATES) queueJobs.set({ queue: q.name, state }, counts[state] ?? 0);
          queueUp.set({ queue: q.name }, 1);
        } catch {
          queueUp.set({ queue: q.name }, 0);
        }
      }),
    ).then(
      () => {
        reading = undefined;
      },
      () => {
        reading = undefined;
      },
    ));
  const queueUp = new Gauge({
    name: 'belanja_queue_up',
    help: '1 when the queue answered the last scrape, 0 when Redis did not',
    labelNames: ['queue'] as const,
    registers: [registry],
    collect: readQueues,
  });
  const queueJobs = new Gauge({
    name: 'belanja_queue_jobs',
    help: 'Jobs per queue and state (waiting and delayed = depth; failed = kept for a retry by hand)',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    collect: readQueues,
  });

  return {
    registry,
    /** Queues whose depth and failures are read on each scrape. */
    trackQueues(list: Queue[]): void {
      for (const q of list) if (!queues.includes(q)) queues.push(q);
    },
    /** Wraps the handler the channels call: counts each update by channel and input kind. */
    countUpdates(handler: MessageHandler): MessageHandler {
      return {
        handle(msg) {
          updates.inc({ channel: msg.chat.channel, input: msg.input.kind });
          return handler.handle(msg);
        },
      };
    },
    /** The engine's `onStep` hook. */
    onStep(flow: string, step: string, ms: number): void {
      stepSeconds.observe({ flow, step }, ms / 1000);
    },
    onFloodDrop(chat: { channel: string }): void {
      floodDrops.inc({ channel: chat.channel });
    },
    /** The report processor's hook: one report or follow-up delivered to one destination. */
    onReportDelivery(destination: string, kind: string): void {
      reportDeliveries.inc({ destination, kind });
    },
    /** The broadcast workers' hook: one flyer sent. */
    onBroadcastSend(channel: string): void {
      broadcastSends.inc({ channel });
    },
    /** The text exposition of every metric. */
    scrape: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
