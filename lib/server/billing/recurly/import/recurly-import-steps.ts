import type { Account, Client, Invoice, Plan, Subscription } from 'recurly';
import { applyRecurlySnapshot } from './apply-recurly-snapshot';
import { paramsOfNext, readRecurlyPage, type RecurlyPage } from './read-recurly-page';
import { upsertRecurlyPlan } from './upsert-recurly-plan';

type Listed = Plan | Account | Subscription | Invoice;

export interface RecurlyListParams {
  limit: number;
  /** The checkpointed `next` of the previous page; absent on the first. */
  next?: string;
  /** The history window's start (invoices). */
  since: Date;
}

export interface RecurlyImportStep {
  type: string;
  label: string;
  list: (client: Client, params: RecurlyListParams) => Promise<RecurlyPage<Listed>>;
  /** Writes one object; returns a note worth showing (recorded with the object id), or null. */
  apply: (object: Listed, runId: string) => Promise<string | null>;
}

// The first page's params (oldest change first, so records updated during the read move ahead
// of the cursor, never behind it), or the checkpointed next page's, which carry them all.
const params = (p: RecurlyListParams, extra: Record<string, string> = {}) => ({
  params: p.next ? paramsOfNext(p.next) : { limit: p.limit, sort: 'updated_at', order: 'asc', ...extra },
});

// What a Recurly import reads, in dependency order: plans first, then accounts before their
// subscriptions and invoices. Lists are read through the SDK page by page; the `next` cursor is
// the step's checkpoint.
export const RECURLY_IMPORT_STEPS: readonly RecurlyImportStep[] = [
  {
    type: 'plans',
    label: 'Plans',
    list: (client, p) => readRecurlyPage(client.listPlans(params(p))),
    apply: (plan, runId) => upsertRecurlyPlan(plan as Plan, runId),
  },
  {
    type: 'accounts',
    label: 'Accounts',
    list: (client, p) => readRecurlyPage(client.listAccounts(params(p))),
    apply: (account, runId) => applyRecurlySnapshot({ account: account as Account }, runId),
  },
  {
    type: 'subscriptions',
    label: 'Subscriptions',
    list: (client, p) => readRecurlyPage(client.listSubscriptions(params(p))),
    apply: (subscription, runId) => applyRecurlySnapshot({ subscription: subscription as Subscription }, runId),
  },
  {
    type: 'invoices',
    label: 'Invoices',
    // Charge invoices created in the window; credit invoices are not stored as invoices.
    list: (client, p) =>
      readRecurlyPage(
        client.listInvoices(params(p, { sort: 'created_at', begin_time: p.since.toISOString(), type: 'charge' })),
      ),
    apply: (invoice, runId) => applyRecurlySnapshot({ invoice: invoice as Invoice }, runId),
  },
];

export function recurlyImportStep(type: string): RecurlyImportStep {
  const step = RECURLY_IMPORT_STEPS.find((s) => s.type === type);
  if (!step) throw new Error(`Unknown Recurly import step ${type}`);
  return step;
}
