import { clock } from '@/lib/clock';
import { runClaimedImport } from '@/lib/server/billing/stripe/import/run-claimed-import';
import { runPagedImportStep, type PagedImportOptions } from '@/lib/server/billing/stripe/import/run-paged-import-step';
import { resolveRecurlyClient } from '../recurly-client';
import { describeRecurlyError } from '../recurly-errors';
import { recurlyImportStep } from './recurly-import-steps';

export interface RunRecurlyImportOptions extends PagedImportOptions {
  pageSize?: number;
}

const DAY_MS = 86_400_000;

async function runStep(runId: string, sinceMonths: number, type: string, options: RunRecurlyImportOptions) {
  const step = recurlyImportStep(type);
  const client = await resolveRecurlyClient();
  if (!client) throw new Error('Not connected to Recurly: set RECURLY_API_KEY');
  const since = new Date(clock.nowMs() - Math.round(sinceMonths * 30.44 * DAY_MS));
  const limit = options.pageSize ?? 200;
  await runPagedImportStep(
    runId,
    type,
    {
      // The checkpoint is Recurly's `next`, the path of the page after the one just stored.
      readPage: async (next) => {
        const page = await step.list(client, { limit, next, since });
        return { items: page.data, next: page.next };
      },
      idOf: (object) => object.id ?? '(no id)',
      apply: (object) => step.apply(object, runId),
    },
    describeRecurlyError,
    options,
  );
}

// Runs (or resumes) one Recurly import through the shared runner (run-claimed-import.ts); the
// run tables, the claim and the checkpoints are the Stripe importer's.
export function runRecurlyImport(
  runId: string,
  options: RunRecurlyImportOptions = {},
): Promise<'succeeded' | 'failed' | 'busy'> {
  return runClaimedImport(
    runId,
    (sinceMonths, type) => runStep(runId, sinceMonths, type, options),
    describeRecurlyError,
  );
}
