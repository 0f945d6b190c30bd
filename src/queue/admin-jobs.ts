import type { Job } from 'bullmq';
import type { AdminJobs, FailedReport } from '../admin/jobs-port.js';
import { type Clock, systemClock } from '../domain/time.js';
import { jobIds } from './jobs.js';
import type { Queues } from './queues.js';

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
