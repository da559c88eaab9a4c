'use client';
import type { CreatePlanInput, UnmappedPriceView } from '@/lib/schemas/catalog';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

// Stripe prices that subscriptions use and no plan maps. Their webhook events wait here instead of
// failing; creating the plan replays them.
export function UnmappedPrices({
  items,
  onCreate,
}: {
  items: UnmappedPriceView[];
  onCreate: (draft: CreatePlanInput) => void;
}) {
  if (!items.length) return null;
  return (
    <Card title={`Map these prices (${items.length})`}>
      <ul className="flex flex-col divide-y divide-slate-100 text-sm" data-testid="unmapped-prices">
        {items.map((item) => (
          <li key={item.priceExternalId} className="flex items-center justify-between gap-4 py-2">
            <div>
              <code>{item.priceExternalId}</code> — {item.draft.name}
              <div className="text-xs text-slate-500">
                named by {item.subscriptionExternalId ?? 'a subscription'}
                {item.heldEvents
                  ? ` · ${item.heldEvents} webhook event${item.heldEvents === 1 ? '' : 's'} waiting`
                  : ''}{' '}
                · last seen {new Date(item.lastSeenAt).toLocaleString()}
              </div>
            </div>
            <Button variant="secondary" onClick={() => onCreate(item.draft)}>
              Create plan from this price
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
