import type { z } from 'zod';

// Background work is a set of typed job definitions (documenso's jobs/definitions): the payload
// is validated when sent and again when run, so a job never acts on a shape it does not expect.
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payloadSchema: S;
  handler: (payload: z.infer<S>, meta: { jobId: string; attempt: number }) => Promise<void>;
  // Retries with exponential backoff, then the job lands in `<name>.dead` for inspection.
  retryLimit?: number;
  retryDelaySeconds?: number;
  // Cron (UTC) for recurring jobs; pg-boss makes one instance fire per slot across all workers.
  cron?: string;
  // How many of this job one worker runs at once.
  concurrency?: number;
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}
