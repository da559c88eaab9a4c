import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { runClaimedImport } from '@/lib/server/billing/stripe/import/run-claimed-import';
import { UnknownPriceError } from '@/lib/server/billing/stripe/sync/resolve-subscription-plan';
import { asChargebeeApiError } from '../chargebee-errors';
import { resolveChargebeeClient } from '../resolve-chargebee-client';
import { chargebeeImportStep, type ChargebeeImportStep } from './chargebee-import-steps';

export interface RunChargebeeImportOptions {
  pageSize?: number;
  /** Called after every page is checkpointed (tests stop a run here). */
  onPage?: (info: { type: string; done: number; errors: number }) => void | Promise<void>;
}

const DAY_SECONDS = 86_400;

function describeError(err: unknown): string {
  const api = asChargebeeApiError(err);
  if (api) return `${api.message} [${api.api_error_code ?? 'error'}] (HTTP ${api.http_status_code})`;
  return err instanceof Error ? err.message : String(err);
}

async function applyOne(
  step: ChargebeeImportStep,
  entry: Record<string, Record<string, unknown> | undefined>,
  runId: string,
): Promise<number> {
  const objectId = String(entry[step.resource]?.id ?? '(no id)');
  const record = (message: string) =>
    getDb().stripeImportError.create({
      data: { runId, objectType: step.type, objectId, message: message.slice(0, 2000) },
    });
  try {
    const note = await step.apply(entry, { runId, objectId });
    // "skipped: stored … is newer" is the ordering rule at work (a webhook got there first).
    if (!note || note.startsWith('skipped:')) return 0;
    await record(note);
    return 1;
  } catch (err) {
    // A subscription on an item price no plan maps is listed for an admin to map.
    if (err instanceof UnknownPriceError) await err.hold(null);
    await record(describeError(err));
    return 1;
  }
}

async function runStep(runId: string, sinceMonths: number, type: string, options: RunChargebeeImportOptions) {
  const db = getDb();
  const step = chargebeeImportStep(type);
  const cb = await resolveChargebeeClient();
  if (!cb) throw new Error('Not connected to Chargebee: store a site and API key in Settings → Billing platform');
  const where = { runId_objectType: { runId, objectType: type } };
  let state = await db.stripeImportStep.update({
    where,
    data: { status: 'running', startedAt: (await db.stripeImportStep.findUnique({ where }))?.startedAt ?? clock.now() },
  });
  const since = Math.floor(clock.nowMs() / 1000) - Math.round(sinceMonths * 30.44 * DAY_SECONDS);
  for (;;) {
    const page = await step.list(cb, { limit: options.pageSize ?? 100, offset: state.cursor ?? undefined, since });
    let errors = 0;
    for (const entry of page.list) errors += await applyOne(step, entry, runId);
    // The checkpoint is Chargebee's next_offset: a crash after this resumes on the next page;
    // before it, the page is read and written again (every write is an idempotent upsert).
    state = await db.stripeImportStep.update({
      where,
      data: {
        cursor: page.next_offset ?? state.cursor,
        done: { increment: page.list.length },
        errorCount: { increment: errors },
      },
    });
    await db.stripeImportRun.update({ where: { id: runId }, data: { heartbeatAt: clock.now() } });
    await options.onPage?.({ type, done: state.done, errors: state.errorCount });
    if (!page.next_offset) break;
  }
  // Chargebee's lists carry no total count: the total is known once the last page is read.
  await db.stripeImportStep.update({ where, data: { status: 'done', finishedAt: clock.now(), total: state.done } });
}

// Runs (or resumes) one Chargebee import through the shared runner (run-claimed-import.ts); the
// run tables, the claim and the checkpoints are the Stripe importer's.
export function runChargebeeImport(
  runId: string,
  options: RunChargebeeImportOptions = {},
): Promise<'succeeded' | 'failed' | 'busy'> {
  return runClaimedImport(runId, (sinceMonths, type) => runStep(runId, sinceMonths, type, options), describeError);
}
