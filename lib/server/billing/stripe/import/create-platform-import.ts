import { getDb } from '@/lib/db';
import { conflict } from '@/lib/errors';
import { appendAuditEvent, type Actor } from '@/lib/server/audit/append-audit-event';
import type { SyncedPlatform } from '../stripe-handler-context';
import { activeImport } from './start-stripe-import';

/**
 * Creates an import run of another platform (Chargebee, Recurly) with one step per list, in the
 * order given, audited as `<platform>_import.started`; the caller runs or enqueues it. One run per
 * platform at a time: a second would only race the first.
 */
export async function createPlatformImport(
  platform: SyncedPlatform,
  steps: readonly { type: string }[],
  actor: Actor,
  months: number,
  requestId?: string,
): Promise<string> {
  const active = await activeImport(platform);
  if (active) throw conflict('import_in_progress', `Import ${active} is still running; wait for it or resume it`);
  return getDb().$transaction(async (tx) => {
    const run = await tx.stripeImportRun.create({
      data: {
        platform,
        sinceMonths: months,
        requestedBy: actor.type === 'user' ? actor.id : (actor.id ?? 'system'),
        steps: { create: steps.map((step, position) => ({ objectType: step.type, position })) },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      actor,
      action: `${platform}_import.started`,
      target: { type: 'stripe_import_run', id: run.id },
      requestId,
      after: { months },
    });
    return run.id;
  });
}
