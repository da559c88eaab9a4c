import type Stripe from 'stripe';
import { applyThroughWebhookHandler } from './apply-through-webhook-handler';
import { upsertStripeMeter, upsertStripePrice, upsertStripeProduct } from './upsert-stripe-catalog';
import { upsertStripeCharge } from './upsert-stripe-charge';
import { upsertStripeCreditNote } from './upsert-stripe-credit-note';
import { createPlansFromPrices } from './create-plans-from-prices';

type StripeObject = Record<string, unknown>;
type Page = { data: StripeObject[]; has_more: boolean; total_count?: number };
export interface ListParams {
  limit: number;
  starting_after?: string;
  /** Unix seconds: the history window (invoices, charges, credit notes, disputes). */
  createdGte: number;
  /** Ask for total_count (the progress bar's denominator); Stripe may ignore it. */
  withTotal?: boolean;
}
export interface ApplyContext {
  runId: string;
  /** When the page was read, Unix seconds on Stripe's (the wall) clock. */
  fetchedAtSec: number;
  stripe: Stripe;
  /** Reads Stripe with the step's rate-limit backoff (for reads an apply makes itself). */
  read: <T>(fn: () => Promise<T>) => Promise<T>;
}

export interface ImportStep {
  type: string;
  label: string;
  list: (stripe: Stripe, params: ListParams) => Promise<Page>;
  /** Writes one object; returns a note worth showing (recorded with the object id), or null. */
  apply: (object: StripeObject, ctx: ApplyContext) => Promise<string | null>;
  /** Runs once when the step has read its last page (e.g. plans from the imported prices). */
  finish?: (runId: string) => Promise<void>;
}

const page = (p: Promise<unknown>) => p as Promise<Page>;
const since = (params: ListParams) => ({ created: { gte: params.createdGte } });
// `include[]=total_count` is not in the SDK's param types: the cast keeps the typed params typed.
const cursor = ({ limit, starting_after, withTotal }: ListParams) =>
  ({ limit, ...(starting_after ? { starting_after } : {}), ...(withTotal ? { include: ['total_count'] } : {}) }) as {
    limit: number;
    starting_after?: string;
  };

// An invoice embeds only its first page of lines: read the rest, or the stored lines are partial.
async function withAllLines(stripe: Stripe, invoice: StripeObject): Promise<StripeObject> {
  const lines = invoice.lines as { has_more?: boolean } | undefined;
  if (!lines?.has_more) return invoice;
  const data = await stripe.invoices
    .listLineItems(String(invoice.id), { limit: 100 })
    .autoPagingToArray({ limit: 10_000 });
  return { ...invoice, lines: { object: 'list', data, has_more: false } };
}

// A customer and its saved cards: the customer list embeds no payment methods, so each customer's
// cards are listed and written through the payment_method handler (the webhook's ordering rule).
async function applyCustomerWithCards(customer: StripeObject, ctx: ApplyContext): Promise<string | null> {
  if (customer.deleted === true) return applyThroughWebhookHandler('customer.deleted', customer, ctx);
  const note = await applyThroughWebhookHandler('customer.updated', customer, ctx);
  const cards = await ctx.read(() =>
    ctx.stripe.customers
      .listPaymentMethods(String(customer.id), { type: 'card', limit: 100 })
      .autoPagingToArray({ limit: 1_000 }),
  );
  for (const card of cards) {
    await applyThroughWebhookHandler('payment_method.updated', card as unknown as StripeObject, ctx);
  }
  return note;
}

/*
 * What an import reads, in dependency order: the catalog first (meters before prices, which name
 * them; plans are made from prices), then customers before what belongs to them. Objects a webhook
 * also writes go through that webhook's handler (apply-through-webhook-handler.ts), so both obey
 * one ordering rule.
 */
export const IMPORT_STEPS: readonly ImportStep[] = [
  {
    type: 'products',
    label: 'Products',
    list: (s, p) => page(s.products.list(cursor(p))),
    apply: (o) => upsertStripeProduct(o),
  },
  {
    type: 'meters',
    label: 'Billing meters',
    list: (s, p) => page(s.billing.meters.list(cursor(p))),
    apply: (o) => upsertStripeMeter(o),
  },
  {
    type: 'prices',
    label: 'Prices',
    list: (s, p) => page(s.prices.list({ ...cursor(p), expand: ['data.tiers'] })),
    apply: (o) => upsertStripePrice(o),
    finish: async (runId) => void (await createPlansFromPrices(runId)),
  },
  {
    type: 'customers',
    label: 'Customers',
    list: (s, p) => page(s.customers.list(cursor(p))),
    apply: applyCustomerWithCards,
  },
  {
    type: 'subscriptions',
    label: 'Subscriptions',
    list: (s, p) => page(s.subscriptions.list({ ...cursor(p), status: 'all' })),
    apply: (o, ctx) => applyThroughWebhookHandler('customer.subscription.updated', o, ctx),
  },
  {
    type: 'invoices',
    label: 'Invoices',
    list: (s, p) => page(s.invoices.list({ ...cursor(p), ...since(p) })),
    apply: async (o, ctx) => applyThroughWebhookHandler('invoice.updated', await withAllLines(ctx.stripe, o), ctx),
  },
  {
    type: 'charges',
    label: 'Payments',
    list: (s, p) => page(s.charges.list({ ...cursor(p), ...since(p) })),
    apply: (o) => upsertStripeCharge(o),
  },
  {
    type: 'credit_notes',
    label: 'Credit notes',
    list: (s, p) => page(s.creditNotes.list({ ...cursor(p), ...since(p) })),
    apply: (o) => upsertStripeCreditNote(o),
  },
  {
    type: 'disputes',
    label: 'Disputes',
    list: (s, p) => page(s.disputes.list({ ...cursor(p), ...since(p), expand: ['data.charge'] })),
    apply: (o, ctx) => applyThroughWebhookHandler('charge.dispute.created', o, ctx),
  },
];

export function importStep(type: string): ImportStep {
  const step = IMPORT_STEPS.find((s) => s.type === type);
  if (!step) throw new Error(`Unknown import step ${type}`);
  return step;
}
