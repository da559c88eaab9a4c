import type Chargebee from 'chargebee';
import { applyChargebeeSnapshot } from './apply-chargebee-snapshot';
import { upsertChargebeeItemPrice } from './upsert-chargebee-item-price';

type Entry = Record<string, Record<string, unknown> | undefined>;
export type ChargebeePage = { list: Entry[]; next_offset?: string };
export interface ChargebeeListParams {
  limit: number;
  offset?: string;
  /** Unix seconds: the history window (invoices). */
  since: number;
}

export interface ChargebeeImportStep {
  type: string;
  label: string;
  /** The list entry's main object (customer for customers …): its id names errors. */
  resource: string;
  list: (cb: Chargebee, params: ChargebeeListParams) => Promise<ChargebeePage>;
  /** Writes one list entry; returns a note worth showing (recorded with the object id), or null. */
  apply: (entry: Entry, ctx: { runId: string; objectId: string }) => Promise<string | null>;
}

const page = (p: Promise<unknown>) => p as Promise<ChargebeePage>;
const cursor = ({ limit, offset }: ChargebeeListParams) => ({ limit, ...(offset ? { offset } : {}) });

// What a Chargebee import reads, in dependency order: item prices (plans) first, then customers
// before their subscriptions and invoices. Lists are read through the SDK, page by page on
// Chargebee's next_offset, which is the step's checkpoint.
export const CHARGEBEE_IMPORT_STEPS: readonly ChargebeeImportStep[] = [
  {
    type: 'item_prices',
    label: 'Item prices',
    resource: 'item_price',
    list: (cb, p) => page(cb.itemPrice.list(cursor(p))),
    apply: (entry, ctx) => upsertChargebeeItemPrice(entry.item_price ?? {}, ctx.runId),
  },
  {
    type: 'customers',
    label: 'Customers',
    resource: 'customer',
    list: (cb, p) => page(cb.customer.list(cursor(p))),
    apply: (entry, ctx) => applyChargebeeSnapshot({ customer: entry.customer }, ctx),
  },
  {
    type: 'subscriptions',
    label: 'Subscriptions',
    resource: 'subscription',
    list: (cb, p) => page(cb.subscription.list(cursor(p))),
    apply: (entry, ctx) => applyChargebeeSnapshot({ subscription: entry.subscription, customer: entry.customer }, ctx),
  },
  {
    type: 'invoices',
    label: 'Invoices',
    resource: 'invoice',
    list: (cb, p) => page(cb.invoice.list({ ...cursor(p), date: { after: p.since } })),
    apply: (entry, ctx) => applyChargebeeSnapshot({ invoice: entry.invoice }, ctx),
  },
];

export function chargebeeImportStep(type: string): ChargebeeImportStep {
  const step = CHARGEBEE_IMPORT_STEPS.find((s) => s.type === type);
  if (!step) throw new Error(`Unknown Chargebee import step ${type}`);
  return step;
}
