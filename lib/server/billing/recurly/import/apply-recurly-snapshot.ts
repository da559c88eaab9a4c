import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { applyPlatformContent } from '@/lib/server/billing/stripe/sync/apply-platform-content';
import { recurlyContent, type RecurlyObjects } from '../normalize/recurly-content';

/*
 * Writes listed objects through the writers the webhooks use, as a notification re-reading them
 * would. Every object brings its updated_at, so the ordering rule decides between import and
 * webhooks exactly: a read older than a newer delivery is skipped whichever comes first, and a
 * re-import of the same version rewrites the same values (nothing duplicates). One transaction
 * per object.
 */
export async function applyRecurlySnapshot(objects: RecurlyObjects, runId: string): Promise<string | null> {
  const content = recurlyContent(objects, clock.now());
  const result = await getDb().$transaction(
    (tx) => applyPlatformContent({ tx, inboxId: `recurly_import:${runId}` }, 'import', content, 'recurly'),
    { maxWait: 10_000, timeout: 30_000 },
  );
  return result.note ?? null;
}
