import { clock } from '@/lib/clock';
import { runClaimedImport } from '@/lib/server/billing/stripe/import/run-claimed-import';
import { runPagedImportStep, type PagedImportOptions } from '@/lib/server/billing/stripe/import/run-paged-import-step';
import { asChargebeeApiError } from '../chargebee-errors';
import { resolveChargebeeClient } from '../resolve-chargebee-client';
import { chargebeeImportStep } from './chargebee-import-steps';

export interface RunChargebeeImportOptions extends PagedImportOptions {
  pageSize?: number;
}

const DAY_SECONDS = 86_400;

function describeError(err: unknown): string {
  const api = asChargebeeApiError(err);
  if (api) return `${api.message} [${api.api_error_code ?? 'error'}] (HTTP ${api.http_status_code})`;
  return err instanceof Error ? err.message : String(err);
}

async function runStep(runId: string, sinceMonths: number, type: string, options: RunChargebeeImportOptions) {
  const step = chargebeeImportStep(type);
  const cb = await resolveChargebeeClient();
  if (!cb) throw new Error('Not connected to Chargebee: store a site and API key in Settings → Billing platform');
  const since = Math.floor(clock.nowMs() / 1000) - Math.round(sinceMonths * 30.44 * DAY_SECONDS);
  const limit = options.pageSize ?? 100;
  await runPagedImportStep(
    runId,
    type,
    {
      // The checkpoint is Chargebee's next_offset.
      readPage: async (offset) => {
        const page = await step.list(cb, { limit, offset, since });
        return { items: page.list, next: page.next_offset };
      },
      idOf: (entry) => String(entry[step.resource]?.id ?? '(no id)'),
      apply: (entry, objectId) => step.apply(entry, { runId, objectId }),
    },
    describeError,
    options,
  );
}

// Runs (or resumes) one Chargebee import through the shared runner (run-claimed-import.ts); the
// run tables, the claim and the checkpoints are the Stripe importer's.
export function runChargebeeImport(
  runId: string,
  options: RunChargebeeImportOptions = {},
): Promise<'succeeded' | 'failed' | 'busy'> {
  return runClaimedImport(runId, (sinceMonths, type) => runStep(runId, sinceMonths, type, options), describeError);
}
