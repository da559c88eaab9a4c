import type Stripe from 'stripe';

// Re-fetches the object a webhook event is about (convention 6: the payload is a trigger, the
// billing API is the truth). Returns the object as plain JSON-like data for the normalizers.

export type RefetchableObjectType =
  'customer' | 'subscription' | 'invoice' | 'charge' | 'payment_intent' | 'dispute' | 'payment_method';

export const REFETCHABLE_OBJECT_TYPES: readonly string[] = [
  'customer',
  'subscription',
  'invoice',
  'charge',
  'payment_intent',
  'dispute',
  'payment_method',
];

type StripeObject = Record<string, unknown>;

async function retrieve(stripe: Stripe, type: RefetchableObjectType, id: string): Promise<unknown> {
  switch (type) {
    case 'customer':
      return stripe.customers.retrieve(id);
    case 'subscription':
      return stripe.subscriptions.retrieve(id);
    case 'invoice':
      // payments (basil+) links the invoice to its payment intents, to merge failure events.
      return stripe.invoices.retrieve(id, { expand: ['payments'] });
    case 'charge':
      return stripe.charges.retrieve(id);
    case 'payment_intent':
      return stripe.paymentIntents.retrieve(id);
    case 'dispute':
      // A dispute names only its charge; expanding it tells us the customer.
      return stripe.disputes.retrieve(id, { expand: ['charge'] });
    case 'payment_method':
      // Still readable once detached (with `customer: null`): the detach is then the truth.
      return stripe.paymentMethods.retrieve(id);
  }
}

function linesOf(invoice: StripeObject): { data?: unknown[]; has_more?: boolean } | null {
  const lines = invoice.lines;
  return typeof lines === 'object' && lines !== null ? (lines as { data?: unknown[]; has_more?: boolean }) : null;
}

export async function fetchStripeObject(
  stripe: Stripe,
  type: RefetchableObjectType,
  id: string,
): Promise<StripeObject> {
  const object = { ...((await retrieve(stripe, type, id)) as StripeObject) };
  // An invoice embeds only the first page of its lines: read them all, or replacing the stored
  // lines with a partial page would drop charges.
  if (type === 'invoice' && linesOf(object)?.has_more === true) {
    const data = await stripe.invoices.listLineItems(id, { limit: 100 }).autoPagingToArray({ limit: 10_000 });
    object.lines = { object: 'list', data, has_more: false };
  }
  return object;
}
