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
 * broadcast, list failed report jobs and retry them. Only the interface lives here, below the
 * engine; its BullMQ adapter is `createAdminJobs` in src/queue/admin-jobs.ts, wired by app.ts.
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
