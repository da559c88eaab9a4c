import { createHmac } from 'node:crypto';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { uniq } from '../helpers/fresh-database';
import type { FakeRecurlyServer, RecurlyJson } from '../fixtures/fake-recurly-server';
import { postRequest } from '../webhooks/helpers';

// Shared by the Recurly tests: Recurly objects in the API's v2021-02-25 JSON shape (what the
// fake serves), JSON notifications in the shape of Recurly's documented samples (ids only),
// signed deliveries to the real route handler, and processing without a worker.

export const WEBHOOK_SECRET = 'rcly-endpoint-key-0123456789abcdef';
export const API_KEY = 'rcly_private_key_0123456789abcdef';
export const SITE_ID = 'qc326l1hl8k9';

export function configureRecurlyEnv(options: { secret?: string | null; apiBase?: string } = {}) {
  const secret = options.secret === undefined ? WEBHOOK_SECRET : options.secret;
  if (secret) process.env.RECURLY_WEBHOOK_SECRET = secret;
  else delete process.env.RECURLY_WEBHOOK_SECRET;
  if (options.apiBase) {
    process.env.RECURLY_API_BASE = options.apiBase;
    process.env.RECURLY_API_KEY = API_KEY;
  }
  resetEnvForTests();
}

export function clearRecurlyEnv() {
  for (const name of ['RECURLY_WEBHOOK_SECRET', 'RECURLY_API_BASE', 'RECURLY_API_KEY']) delete process.env[name];
  resetEnvForTests();
}

/** A Recurly-looking id (12 lowercase base-36 characters), unique per test run. */
export const recurlyId = () =>
  uniq('r')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(-12)
    .padStart(12, 'r');

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const mini = (account: RecurlyJson) => ({
  id: account.id,
  object: 'account',
  code: account.code,
  email: account.email,
});

/** One customer's account, subscription on `planId` and its paid first invoice, as Recurly returns them. */
export function recurlyWorld(planId: string, at = Date.now() - 60_000) {
  const account: RecurlyJson = {
    id: recurlyId(),
    object: 'account',
    code: `acct-${recurlyId()}`,
    state: 'active',
    email: `verena-${recurlyId()}@example.com`,
    first_name: 'Verena',
    last_name: 'Example',
    company: 'Example Inc',
    has_past_due_invoice: false,
    created_at: iso(at),
    updated_at: iso(at),
  };
  const periodEnd = at + 30 * 86_400_000;
  const subscription: RecurlyJson = {
    id: recurlyId(),
    object: 'subscription',
    uuid: `${recurlyId()}${recurlyId()}`.slice(0, 32),
    account: mini(account),
    plan: { id: planId, object: 'plan', code: 'basic', name: 'Basic' },
    state: 'active',
    currency: 'USD',
    unit_amount: 10,
    quantity: 1,
    add_ons: [],
    current_period_started_at: iso(at),
    current_period_ends_at: iso(periodEnd),
    created_at: iso(at),
    updated_at: iso(at),
  };
  const invoice: RecurlyJson = {
    id: recurlyId(),
    object: 'invoice',
    type: 'charge',
    origin: 'purchase',
    state: 'paid',
    account: mini(account),
    subscription_ids: [subscription.id],
    number: String(1000 + Math.floor(Math.random() * 9000)),
    currency: 'USD',
    subtotal: 10,
    discount: 0,
    tax: 0,
    total: 10,
    paid: 10,
    balance: 0,
    line_items: [
      {
        id: recurlyId(),
        object: 'line_item',
        type: 'charge',
        origin: 'plan',
        plan_id: planId,
        currency: 'USD',
        amount: 10,
        unit_amount: 10,
        quantity: 1,
        description: 'Basic',
        start_date: iso(at),
        end_date: iso(periodEnd),
      },
    ],
    has_more_line_items: false,
    transactions: [],
    credit_payments: [],
    created_at: iso(at),
    updated_at: iso(at),
    closed_at: iso(at),
    due_at: iso(at),
  };
  return { account, subscription, invoice };
}

/** Serves the objects from the fake, as Recurly would have them. */
export function serve(
  fake: FakeRecurlyServer,
  objects: { account?: RecurlyJson; subscription?: RecurlyJson; invoice?: RecurlyJson },
) {
  if (objects.account) fake.objects.accounts.push(objects.account);
  if (objects.subscription) fake.objects.subscriptions.push(objects.subscription);
  if (objects.invoice) fake.objects.invoices.push(objects.invoice);
}

/** A JSON notification as Recurly sends it: the object's ids, never the object. */
export function notification(objectType: string, eventType: string, object: RecurlyJson, eventTime = Date.now()) {
  const ids: Record<string, unknown> =
    objectType === 'account'
      ? { account_code: object.code }
      : objectType === 'subscription'
        ? { uuid: object.uuid }
        : { invoice_number: Number(object.number) };
  return {
    id: object.id as string,
    object_type: objectType,
    site_id: SITE_ID,
    event_type: eventType,
    event_time: iso(eventTime),
    ...ids,
  };
}

/** `recurly-signature: <ms>,<hex>`: HMAC-SHA256 of "<ms>.<body>" under each key given. */
export function sign(body: string, keys: string[] = [WEBHOOK_SECRET], timestampMs = Date.now()) {
  const signatures = keys.map((key) => createHmac('sha256', key).update(`${timestampMs}.${body}`).digest('hex'));
  return [String(timestampMs), ...signatures].join(',');
}

export async function postRecurly(body: unknown, signature?: string | null) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const header = signature === undefined ? sign(raw) : signature;
  const req = new Request('http://x/api/webhooks/recurly', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'recurly-signature': header }) },
    body: raw,
  });
  const res = await postRequest(req, 'recurly');
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Posts a notification, signed, and processes it: the inbox row after. */
export async function deliverRecurly(body: unknown) {
  const { status, body: answer } = await postRecurly(body);
  if (status !== 200) throw new Error(`delivery failed: ${status} ${JSON.stringify(answer)}`);
  const outcome = await processWebhookEvent(answer.id);
  const inbox = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: answer.id } });
  return { inboxId: answer.id as string, outcome, inbox };
}

export const recurlyCustomer = (externalId: string) =>
  getDb().customer.findUniqueOrThrow({
    where: { billingProvider_externalId: { billingProvider: 'recurly', externalId } },
  });
