import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { UnknownPriceError } from '../sync/resolve-subscription-plan';

/** One list of another platform's import (Chargebee, Recurly), read page by page on its cursor. */
export interface PagedImportList<T> {
  /** The page after `cursor` (the first page without one) and the next page's cursor, if any. */
  readPage(cursor: string | undefined): Promise<{ items: T[]; next: string | null | undefined }>;
  /** The object's id, to name it in the run's errors. */
  idOf(item: T): string;
  /** Writes one object; returns a note worth showing (recorded with the object id), or null. */
  apply(item: T, objectId: string): Promise<string | null>;
}

export interface PagedImportOptions {
  /** Called after every page is checkpointed (tests stop a run here). */
  onPage?: (info: { type: string; done: number; errors: number }) => void | Promise<void>;
}

async function applyOne<T>(
  runId: string,
  type: string,
  list: PagedImportList<T>,
  item: T,
  describeError: (err: unknown) => string,
): Promise<number> {
  const objectId = list.idOf(item);
  const record = (message: string) =>
    getDb().stripeImportError.create({
      data: { runId, objectType: type, objectId, message: message.slice(0, 2000) },
    });
  try {
    const note = await list.apply(item, objectId);
    // "skipped: stored … is newer" is the ordering rule at work (a webhook got there first).
    if (!note || note.startsWith('skipped:')) return 0;
    await record(note);
    return 1;
  } catch (err) {
    // A subscription on a price no plan maps is listed for an admin to map.
    if (err instanceof UnknownPriceError) await err.hold(null);
    await record(describeError(err));
    return 1;
  }
}

/*
 * Runs one step of an import run: from the step's checkpointed cursor, page by page, each object
 * written on its own (a failure is recorded with its id and the page goes on). The checkpoint is
 * the platform's own cursor: a crash after a page is stored resumes on the next page; before it,
 * the page is read and written again (every write is an idempotent upsert). The lists carry no
 * total up front: it is known once the last page is read.
 */
export async function runPagedImportStep<T>(
  runId: string,
  type: string,
  list: PagedImportList<T>,
  describeError: (err: unknown) => string,
  options: PagedImportOptions = {},
): Promise<void> {
  const db = getDb();
  const where = { runId_objectType: { runId, objectType: type } };
  const startedAt = (await db.stripeImportStep.findUnique({ where }))?.startedAt ?? clock.now();
  let state = await db.stripeImportStep.update({ where, data: { status: 'running', startedAt } });
  for (;;) {
    const page = await list.readPage(state.cursor ?? undefined);
    let errors = 0;
    for (const item of page.items) errors += await applyOne(runId, type, list, item, describeError);
    state = await db.stripeImportStep.update({
      where,
      data: {
        cursor: page.next ?? state.cursor,
        done: { increment: page.items.length },
        errorCount: { increment: errors },
      },
    });
    await db.stripeImportRun.update({ where: { id: runId }, data: { heartbeatAt: clock.now() } });
    await options.onPage?.({ type, done: state.done, errors: state.errorCount });
    if (!page.next) break;
  }
  await db.stripeImportStep.update({ where, data: { status: 'done', finishedAt: clock.now(), total: state.done } });
}
