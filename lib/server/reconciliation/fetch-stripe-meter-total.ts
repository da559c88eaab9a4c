import type Stripe from 'stripe';
import { stripeCall } from '@/lib/server/billing/stripe/stripe-call';

// Stripe's own total for a customer on a billing meter over [from, to): the sum of its event
// summaries (the SDK pages through all of them). Bounds are whole minutes, as Stripe wants them.
export async function fetchStripeMeterTotal(
  stripe: Stripe,
  stripeMeterId: string,
  stripeCustomerId: string,
  from: Date,
  to: Date,
): Promise<number> {
  const minute = (d: Date) => Math.floor(d.getTime() / 60_000) * 60;
  return stripeCall(async () => {
    let total = 0;
    for await (const s of stripe.billing.meters.listEventSummaries(stripeMeterId, {
      customer: stripeCustomerId,
      start_time: minute(from),
      end_time: minute(to),
    }))
      total += s.aggregated_value;
    return total;
  });
}
