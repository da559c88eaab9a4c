import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';

// A Stripe price that a subscription named and no plan maps: listed on the Catalog page as "map
// this price", with the inbox events waiting for it (replayed when a plan maps the price). A price
// seen again after it was resolved (its plan archived or re-pointed) opens again. The append is
// one statement, so two events held at once both stay remembered.
export async function recordUnmappedPrice(input: {
  priceExternalId: string;
  productExternalId: string | null;
  subscriptionExternalId: string | null;
  inboxId: string | null;
}): Promise<void> {
  const now = clock.now();
  const held = input.inboxId ? [input.inboxId] : [];
  await getDb().$executeRaw`
    INSERT INTO unmapped_stripe_prices
      (price_external_id, product_external_id, subscription_external_id, held_inbox_ids, first_seen_at, last_seen_at)
    VALUES (${input.priceExternalId}, ${input.productExternalId}, ${input.subscriptionExternalId}, ${held}::text[],
            ${now}::timestamptz AT TIME ZONE 'UTC', ${now}::timestamptz AT TIME ZONE 'UTC')
    ON CONFLICT (price_external_id) DO UPDATE SET
      product_external_id = COALESCE(EXCLUDED.product_external_id, unmapped_stripe_prices.product_external_id),
      subscription_external_id = COALESCE(EXCLUDED.subscription_external_id, unmapped_stripe_prices.subscription_external_id),
      held_inbox_ids = ARRAY(SELECT DISTINCT unnest(unmapped_stripe_prices.held_inbox_ids || EXCLUDED.held_inbox_ids)),
      last_seen_at = EXCLUDED.last_seen_at,
      resolved_at = NULL,
      plan_id = NULL`;
}
