import type { JobDefinition } from './job-definition';
import { pruneSignInAttemptsJob } from './prune-sign-in-attempts';

// Every job the worker knows. A new job: one file with defineJob(), one line here.
export const JOBS: JobDefinition[] = [pruneSignInAttemptsJob];

export function findJob(name: string): JobDefinition | undefined {
  return JOBS.find((j) => j.name === name);
}
