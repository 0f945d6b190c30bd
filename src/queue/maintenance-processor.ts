import type { Job } from 'bullmq';
import { applyRetention, type RetentionDeps, type RetentionResult } from '../maintenance/retention.js';
import { MaintenanceJobSchema, parseJob } from './jobs.js';

/**
 * The `maintenance` processor: `retention` anonymises recipients past RETENTION_DAYS, deletes those
 * orders' receipt photos and saved recipients unused as long (src/maintenance/retention.ts). A daily
 * job scheduler runs it.
 */
export function createMaintenanceProcessor(deps: RetentionDeps) {
  return async function processMaintenance(job: Pick<Job, 'id' | 'data'>): Promise<RetentionResult> {
    const data = parseJob(MaintenanceJobSchema, 'maintenance', job.data);
    switch (data.task) {
      case 'retention':
        return applyRetention({ ...deps, logger: deps.logger.child({ queue: 'maintenance', jobId: job.id }) });
    }
  };
}
