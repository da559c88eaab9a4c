import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { resolveStripeClient } from '@/lib/server/billing/stripe/resolve-stripe-client';
import { UnknownPriceError } from '@/lib/server/billing/stripe/sync/resolve-subscription-plan';
import { importStep, type ImportStep } from './import-steps';
import { withRateLimitBackoff, type BackoffOptions } from './with-rate-limit-backoff';
import { runClaimedImport } from './run-claimed-import';

export interface RunImportOptions {
  pageSize?: number;
  backoff?: BackoffOptions;
  /** Called after every page is checkpointed (CLI progress lines; tests stop a run here). */
  onPage?: (info: { type: string; done: number; total: number | null; errors: number }) => void | Promise<void>;
}

const DAY_SECONDS = 86_400;

/** One line: the message, with Stripe's error code and HTTP status when it gave them. */
function describeError(err: unknown): string {
  const e = err as { message?: unknown; code?: unknown; statusCode?: unknown };
  const message = typeof e?.message === 'string' && e.message ? e.message : String(err);
  return `${message}${typeof e?.code === 'string' ? ` [${e.code}]` : ''}${typeof e?.statusCode === 'number' ? ` (HTTP ${e.statusCode})` : ''}`;
}

async function recordError(runId: string, type: string, objectId: string, message: string) {
  await getDb().stripeImportError.create({
    data: { runId, objectType: type, objectId, message: message.slice(0, 2000) },
  });
}

async function applyOne(step: ImportStep, object: Record<string, unknown>, ctx: Parameters<ImportStep['apply']>[1]) {
  const id = String(object.id ?? '(no id)');
  try {
    const note = await step.apply(object, ctx);
    // "skipped: stored … is newer" is the ordering rule at work (a webhook got there first), not a
    // problem; any other note (a guest charge, a kept plan) is worth an admin's look.
    if (!note || note.startsWith('skipped:')) return 0;
    await recordError(ctx.runId, step.type, id, note);
    return 1;
  } catch (err) {
    // A subscription on a price no plan maps is listed for an admin to map, like a webhook's.
    if (err instanceof UnknownPriceError) await err.hold(null);
    await recordError(ctx.runId, step.type, id, describeError(err));
    return 1;
  }
}

async function runStep(runId: string, sinceMonths: number, type: string, options: RunImportOptions) {
  const db = getDb();
  const step = importStep(type);
  const stripe = await resolveStripeClient();
  if (!stripe)
    throw new Error('Not connected to Stripe: set STRIPE_SECRET_KEY or store a key in Settings → Billing platform');
  const where = { runId_objectType: { runId, objectType: type } };
  let state = await db.stripeImportStep.update({
    where,
    data: { status: 'running', startedAt: (await db.stripeImportStep.findUnique({ where }))?.startedAt ?? clock.now() },
  });
  const createdGte = Math.floor(clock.nowMs() / 1000) - Math.round(sinceMonths * 30.44 * DAY_SECONDS);
  const params = { limit: options.pageSize ?? 100, createdGte };
  // The heartbeat also beats while a read waits out a 429, so a long backoff is not taken for a
  // dead worker (IMPORT_STALE_SECONDS) and the run claimed twice.
  const beat = () => db.stripeImportRun.update({ where: { id: runId }, data: { heartbeatAt: clock.now() } });
  const backoff = {
    ...options.backoff,
    onRetry: (info: { attempt: number; waitMs: number; reason: string }) => {
      void beat().catch(() => {});
      options.backoff?.onRetry?.(info);
    },
  };
  const read = <T>(fn: () => Promise<T>) => withRateLimitBackoff(fn, backoff);
  if (state.total === null && !state.cursor) {
    const counted = await read(() => step.list(stripe, { ...params, limit: 1, withTotal: true }));
    if (typeof counted.total_count === 'number')
      state = await db.stripeImportStep.update({ where, data: { total: counted.total_count } });
  }
  for (;;) {
    // Stripe's clock, not the application's: the ordering rule compares it with Stripe's event times.
    // (a wall-clock fact from outside, as lib/clock.ts allows).
    const fetchedAtSec = Math.floor(Date.now() / 1000);
    const page = await read(() => step.list(stripe, { ...params, starting_after: state.cursor ?? undefined }));
    let errors = 0;
    for (const object of page.data) errors += await applyOne(step, object, { runId, fetchedAtSec, stripe, read });
    const last = page.data.at(-1);
    // The checkpoint: a crash after this line resumes after `last`; before it, the page is read
    // and written again (every write is an idempotent upsert).
    state = await db.stripeImportStep.update({
      where,
      data: {
        cursor: last ? String(last.id) : state.cursor,
        done: { increment: page.data.length },
        errorCount: { increment: errors },
      },
    });
    await beat();
    await options.onPage?.({ type, done: state.done, total: state.total, errors: state.errorCount });
    if (!page.has_more || !last) break;
  }
  await step.finish?.(runId);
  await db.stripeImportStep.update({
    where,
    data: { status: 'done', finishedAt: clock.now(), total: state.total ?? state.done },
  });
}

// Runs (or resumes) one import through the shared runner (run-claimed-import.ts).
export function runStripeImport(
  runId: string,
  options: RunImportOptions = {},
): Promise<'succeeded' | 'failed' | 'busy'> {
  return runClaimedImport(runId, (sinceMonths, type) => runStep(runId, sinceMonths, type, options), describeError);
}
