import type { Job } from 'bullmq';
import { type Clock, systemClock } from '../domain/time.js';
import { jobIds } from '../queue/jobs.js';
import type { Queues } from '../queue/queues.js';

/** A failed purchase-report job as an admin sees it. */
export interface FailedReport {
  jobId: string;
  orderId: string;
  kind: string;
  reason: string;
  attempts: number;
  failedAt?: Date;
}

/**
 * What the admin flows may ask of the queues (flows never hold a Queue): start or stop a
 * broadcast, list failed report jobs and retry them.
 */
export interface AdminJobs {
  /** Queues the fan-out of a stored broadcast, now or at `at`. Adding it twice adds it once. */
  startBroadcast(broadcastId: string, at?: Date): Promise<void>;
  /** Queues the removal of a broadcast's waiting deliveries (the cancelled flag is set by the caller). */
  cancelBroadcast(broadcastId: string): Promise<void>;
  /** Failed report jobs, newest first. */
  failedReports(max: number): Promise<FailedReport[]>;
  /** Retries one failed report job; `not-failed` when it is not (or no longer) failed. */
  retryReport(jobId: string): Promise<'retried' | 'not-failed'>;
  /** Retries every failed report job; returns how many. */
  retryAllReports(): Promise<number>;
}

function toFailed(job: Job): FailedReport {
  const data = (job.data ?? {}) as { orderId?: unknown; kind?: unknown };
  return {
    jobId: String(job.id),
    orderId: typeof data.orderId === 'string' ? data.orderId : '-',
    kind: typeof data.kind === 'string' ? data.kind : job.name,
    reason: job.failedReason ?? '',
    attempts: job.attemptsMade,
    failedAt: job.finishedOn ? new Date(job.finishedOn) : undefined,
  };
}

/** AdminJobs over the application's queues. */
export function createAdminJobs(queues: Pick<Queues, 'broadcasts' | 'reports'>, clock: Clock = systemClock): AdminJobs {
  return {
    async startBroadcast(broadcastId, at) {
      const delay = at ? Math.max(0, at.getTime() - clock().getTime()) : 0;
      await queues.broadcasts.add('start', { broadcastId, kind: 'start' }, { jobId: jobIds.broadcastControl(broadcastId, 'start'), delay });
    },
    async cancelBroadcast(broadcastId) {
      await queues.broadcasts.add('cancel', { broadcastId, kind: 'cancel' }, { jobId: jobIds.broadcastControl(broadcastId, 'cancel') });
    },
    async failedReports(max) {
      const jobs = await queues.reports.getFailed(0, Math.max(0, max - 1));
      return jobs.filter((j): j is Job => Boolean(j)).map(toFailed);
    },
    async retryReport(jobId) {
      const job = await queues.reports.getJob(jobId);
      if (!job || (await job.getState()) !== 'failed') return 'not-failed';
      await job.retry('failed');
      return 'retried';
    },
    async retryAllReports() {
      let n = 0;
      for (const job of await queues.reports.getFailed(0, 999)) {
        if (!job) continue;
        try {
          await job.retry('failed');
          n++;
        } catch {
          // retried meanwhile by someone else: not counted
        }
      }
      return n;
    },
  };
}
