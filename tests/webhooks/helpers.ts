import Stripe from 'stripe';
import { getDb } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/roles';
import { resetEnvForTests } from '@/lib/env';
import { readFixture, wrapInEvent } from '@/tests/fixtures/stripe-fixture-files';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { recordWebhookEvent } from '@/lib/server/webhooks/record-webhook-event';
import { stripeWebhookSource } from '@/lib/server/billing/stripe/stripe-webhook-source';
import { uniq } from '../helpers/fresh-database';

// Shared by the webhook integration tests: env, unique ids over the shared fixtures, signing,
// delivering to the real route handler and processing.

export const PRIMARY_SECRET = 'whsec_test_primary_0123456789';
export const ROTATED_SECRET = 'whsec_test_rotated_9876543210';

/** Must run before the first getEnv() of a test file (lib/env caches the parse). */
export function configureWebhookEnv(stripe: { secretKey?: string; apiBase?: string } = {}) {
  process.env.STRIPE_WEBHOOK_SECRETS = `${PRIMARY_SECRET}, ${ROTATED_SECRET}`;
  delete process.env.STRIPE_WEBHOOK_SECRET;
  if (stripe.secretKey) process.env.STRIPE_SECRET_KEY = stripe.secretKey;
  else delete process.env.STRIPE_SECRET_KEY;
  if (stripe.apiBase) process.env.STRIPE_API_BASE = stripe.apiBase;
  else delete process.env.STRIPE_API_BASE;
  resetEnvForTests();
}

export type StripeEvent = {
  id: string;
  type: string;
  created: number;
  data: { object: Record<string, unknown> };
} & Record<string, unknown>;

const STRIPE_ID = /^(evt|cus|sub|si|in|il|ch|pi|dp|price|prod|ii|card|txn|src|pm)_[A-Za-z0-9]+$/;

/**
 * The fixtures share ids across files (evt_000…, cus_000…, in_000…): suffix every Stripe id so
 * each test has its own objects in the shared test database.
 */
export function uniquify<T>(value: T, suffix: string): T {
  return JSON.parse(JSON.stringify(value), (_key, v) =>
    typeof v === 'string' && STRIPE_ID.test(v) ? `${v}x${suffix}` : v,
  ) as T;
}

export const suffix = () => uniq('t').replace(/[^A-Za-z0-9]/g, '');

/** A stripe-ruby-mock event envelope (API 2020-08-27), with unique ids. */
export function rubyMockEvent(type: string, sfx = suffix()): StripeEvent {
  const event = uniquify(readFixture<StripeEvent>(`events/${type}.stripe-ruby-mock.json`), sfx);
  // Every ruby-mock file has the same event id: objects may be shared (same sfx), events not.
  return { ...event, id: `evt_${type.replace(/\W/g, '')}x${suffix()}` };
}

/** A basil-shaped event built from an objects-current-schema/ object, with unique ids. */
export function basilEvent(type: string, objectFile: string, sfx = suffix(), created = 1_735_689_600): StripeEvent {
  const object = uniquify(readFixture(`objects-current-schema/${objectFile}.fixtures3.json`), sfx);
  return { ...wrapInEvent(type, object, created), id: `evt_basil${type.replace(/\W/g, '')}x${sfx}` } as StripeEvent;
}

/** A variant of an event: same object id, new event id, other created time and object fields. */
export function variant(
  event: StripeEvent,
  created: number,
  changes: Record<string, unknown> = {},
  type = event.type,
): StripeEvent {
  return {
    ...event,
    id: `${event.id}v${created}`,
    type,
    created,
    data: { ...event.data, object: { ...event.data.object, ...changes } },
  };
}

export function signedRequest(
  body: string,
  opts: { secret?: string; timestamp?: number; header?: string | null } = {},
) {
  const header =
    opts.header !== undefined
      ? opts.header
      : Stripe.webhooks.generateTestHeaderString({
          payload: body,
          secret: opts.secret ?? PRIMARY_SECRET,
          timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000),
        });
  return new Request('http://x/api/webhooks/stripe', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header === null ? {} : { 'stripe-signature': header }) },
    body,
  });
}

/** Calls the real route handler of /api/webhooks/:source, as Next does. */
export async function postRequest(req: Request, source = 'stripe') {
  const { POST } = await import('@/app/api/webhooks/[source]/route');
  return POST(req, { params: Promise.resolve({ source }) });
}

export async function post(event: unknown, opts: Parameters<typeof signedRequest>[1] = {}) {
  const res = await postRequest(signedRequest(typeof event === 'string' ? event : JSON.stringify(event), opts));
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Stores an event in the inbox as a verified delivery would (no route, no job): its inbox id. */
export async function recordStripe(event: unknown): Promise<string> {
  return (await recordWebhookEvent(stripeWebhookSource, JSON.stringify(event))).id;
}

/** Posts a signed event and processes it right away (no worker): returns the inbox row after. */
export async function deliver(event: StripeEvent) {
  const { status, body } = await post(event);
  if (status !== 200) throw new Error(`delivery failed: ${status} ${JSON.stringify(body)}`);
  const outcome = await processWebhookEvent(body.id);
  const inbox = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: body.id } });
  return { inboxId: body.id as string, outcome, inbox };
}

export async function createPlan(priceId: string, name = 'Plan') {
  const key = uniq('plan');
  return getDb().plan.create({ data: { key, name, externalId: priceId, basePriceMinor: 1500 } });
}

export const customerByExternalId = (externalId: string) =>
  getDb().customer.findUniqueOrThrow({
    where: { billingProvider_externalId: { billingProvider: 'stripe', externalId } },
  });

export const obj = (event: StripeEvent) => event.data.object as Record<string, any>;

/** An admin user, as the session would name them. */
export async function createAdmin(): Promise<SessionUser> {
  const u = await getDb().user.create({
    data: { email: `${uniq('wh-admin')}@example.test`, name: 'Webhook Admin', role: 'admin' },
  });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}
