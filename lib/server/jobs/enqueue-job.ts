import type { z } from 'zod';
import type { JobDefinition } from './job-definition';
import { getBoss } from './boss';

// Sends a job after validating its payload. `singletonKey` makes a repeated send a no-op while
// the first is still queued (used to dedupe, e.g. one processing job per inbox event).
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
