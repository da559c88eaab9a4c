import type { z } from 'zod';
import type { JobDefinition } from './job-definition';
import { getBoss } from './boss';

// Sends a job after validating its payload. Note: on pg-boss's default ("standard") queue policy
// `singletonKey` does not dedupe, so handlers must be idempotent — they are: each claims its own
// row (inbox event, action, …) before doing anything.
export async function enqueueJob<S extends z.ZodType>(
  job: JobDefinition<S>,
  payload: z.infer<S>,
  options: { singletonKey?: string; startAfterSeconds?: number } = {},
): Promise<string | null> {
  const data = job.payloadSchema.parse(payload) as object;
  const boss = await getBoss();
  return boss.send(job.name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfterSeconds,
    retryLimit: job.retryLimit ?? 5,
    retryDelay: job.retryDelaySeconds ?? 5,
    retryBackoff: true,
  });
}
