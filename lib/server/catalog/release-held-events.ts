import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import { resetForReplay } from '@/lib/server/webhooks/replay-webhook-event';

/*
 * A plan now maps these Stripe prices: their "map this price" items are resolved and the webhook
 * events held for them go back to 'received' (a fresh retry budget), in the caller's transaction —
 * so the plan, the release and its audit record commit together. Returns the inbox ids for the
 * caller to enqueue after commit (the sweep picks them up anyway if that fails).
 */
export async function releaseHeldEvents(tx: Tx, planId: string, priceIds: string[]): Promise<string[]> {
  if (!priceIds.length) return [];
  const items = await tx.unmappedStripePrice.findMany({
    where: { priceExternalId: { in: priceIds }, resolvedAt: null },
    select: { priceExternalId: true, heldInboxIds: true },
  });
  if (!items.length) return [];
  await tx.unmappedStripePrice.updateMany({
    where: { priceExternalId: { in: items.map((i) => i.priceExternalId) } },
    data: { resolvedAt: clock.now(), planId, heldInboxIds: [] },
  });
  const held = [...new Set(items.flatMap((i) => i.heldInboxIds))];
  if (!held.length) return [];
  // Only events still parked: one processed or being processed meanwhile is left alone.
  const parked = await tx.webhookEvent.findMany({
    where: { id: { in: held }, status: { in: ['failed', 'dead'] } },
    select: { id: true },
  });
  const ids = parked.map((e) => e.id);
  if (ids.length) await tx.webhookEvent.updateMany({ where: { id: { in: ids } }, data: resetForReplay() });
  return ids;
}
