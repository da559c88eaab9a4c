import { createBoss } from '@/lib/server/jobs/boss';
import type { JobDefinition } from '@/lib/server/jobs/job-definition';
import { JOBS } from './registry';
import { startLoops } from './loops';
import { triggerAgentsOnWorkerStart } from '@/lib/server/agents/agent-triggers';

export interface RunningWorker {
  stop: () => Promise<void>;
}

const deadLetterName = (name: string) => `${name}.dead`;

// Schedules older versions created under names no job has any more.
const RETIRED_CRONS = ['webhooks.sweep-stripe-inbox'];

// Creates the queues, registers a handler per job definition and schedules the cron jobs.
export async function startWorker(
  label = 'worker',
  jobs: JobDefinition[] = JOBS,
  options: { loops?: boolean } = { loops: true },
): Promise<RunningWorker> {
  const boss = await createBoss(label);
  for (const job of jobs) {
    await boss.createQueue(deadLetterName(job.name));
    await boss.createQueue(job.name, {
      name: job.name,
      retryLimit: job.retryLimit ?? 5,
      retryDelay: job.retryDelaySeconds ?? 5,
      retryBackoff: true,
      deadLetter: deadLetterName(job.name),
    });
    // pg-boss 10 runs one batch per work() registration: register `concurrency` of them.
    for (let i = 0; i < (job.concurrency ?? 1); i++) {
      await boss.work<object>(
        job.name,
        { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true },
        async ([item]) => {
          if (!item) return;
          const payload = job.payloadSchema.parse(item.data);
          await job.handler(payload, { jobId: item.id, attempt: item.retryCount + 1 });
        },
      );
    }
    if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
  }
  // Crons of jobs that were renamed stay scheduled in an existing database: drop them.
  for (const retired of RETIRED_CRONS) await boss.unschedule(retired);
  const loops = options.loops ? startLoops() : [];
  // Agents with a worker_start trigger run once (throttled), so a new demo shows their work at once.
  if (options.loops) await triggerAgentsOnWorkerStart();
  console.log(`[${label}] working ${jobs.length} job type(s)${loops.length ? ` and ${loops.length} loops` : ''}`);
  return {
    stop: async () => {
      await Promise.all(loops.map((l) => l.stop()));
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
