import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { applyChargebeeContent } from '../apply-chargebee-content';
import { chargebeeEventSchema } from '../normalize/chargebee-objects';
import { normalizeChargebeeEvent } from '../normalize/normalize-chargebee-event';

/*
 * Writes listed objects (one list entry: { customer }, { subscription, customer } or { invoice })
 * through the handler the webhooks use, as an event carrying them would. Every object brings its
 * resource_version, so the ordering rule decides between import and webhooks exactly: a snapshot
 * read before a newer delivery is skipped whichever comes first, and a re-import of the same
 * version rewrites the same values (nothing duplicates). One transaction per entry.
 */
export async function applyChargebeeSnapshot(
  content: Record<string, unknown>,
  context: { runId: string; objectId: string },
): Promise<string | null> {
  const event = chargebeeEventSchema.parse({
    id: `import_${context.runId}_${context.objectId}`,
    event_type: 'import',
    occurred_at: Math.floor(clock.nowMs() / 1000),
    content,
  });
  const parsed = { eventType: 'import', content: normalizeChargebeeEvent(event) };
  const result = await getDb().$transaction(
    (tx) => applyChargebeeContent({ tx, inboxId: `chargebee_import:${context.runId}`, ...parsed }),
    { maxWait: 10_000, timeout: 30_000 },
  );
  return result.note ?? null;
}
