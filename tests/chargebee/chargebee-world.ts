import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import { uniq } from '../helpers/fresh-database';
import { postRequest } from '../webhooks/helpers';

// Shared by the Chargebee tests: the webhook samples (tests/fixtures/chargebee/events, in the
// shape of Chargebee's documented event samples) with ids made unique per test, Basic-auth
// deliveries to the real route handler, and processing without a worker.

export const WEBHOOK_USER = 'tollgate-hooks';
export const WEBHOOK_PASSWORD = 'cb-hook-password-0123456789';

export function configureChargebeeWebhookEnv(credentials: { username?: string; password?: string } = {}) {
  const username = 'username' in credentials ? credentials.username : WEBHOOK_USER;
  const password = 'password' in credentials ? credentials.password : WEBHOOK_PASSWORD;
  if (username) process.env.CHARGEBEE_WEBHOOK_USERNAME = username;
  else delete process.env.CHARGEBEE_WEBHOOK_USERNAME;
  if (password) process.env.CHARGEBEE_WEBHOOK_PASSWORD = password;
  else delete process.env.CHARGEBEE_WEBHOOK_PASSWORD;
  resetEnvForTests();
}

export type ChargebeeEventJson = {
  id: string;
  event_type: string;
  occurred_at: number;
  content: Record<string, Record<string, any>>;
} & Record<string, unknown>;

export const suffix = () => uniq('cb').replace(/[^A-Za-z0-9]/g, '');

/** A sample event whose every object (and item price) id carries `sfx`: one world per test. */
export const itemPriceId = (name: string, sfx: string) => `${name}-USD-monthly-${sfx}`;

export function sampleEvent(type: string, sfx: string): ChargebeeEventJson {
  const raw = readFileSync(join(process.cwd(), 'tests/fixtures/chargebee/events', `${type}.json`), 'utf8');
  return JSON.parse(
    raw
      .replaceAll('__test__', `__test__${sfx}`)
      .replaceAll('__demo_inv__1', `inv_${sfx}`)
      .replaceAll('-USD-monthly', `-USD-monthly-${sfx}`),
  );
}

/** The same event for a later (or earlier) version of its objects: a new event id, as Chargebee sends. */
export function laterVersion(
  event: ChargebeeEventJson,
  deltaMs: number,
  changes: Record<string, Record<string, unknown>> = {},
) {
  const content = Object.fromEntries(
    Object.entries(event.content).map(([kind, object]) => [
      kind,
      { ...object, ...changes[kind], resource_version: object.resource_version + deltaMs },
    ]),
  );
  return { ...event, id: `${event.id}_v${deltaMs}`, content } as ChargebeeEventJson;
}

export function basicAuth(username: string, password: string) {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}

export async function postChargebee(
  body: unknown,
  authorization: string | null = basicAuth(WEBHOOK_USER, WEBHOOK_PASSWORD),
) {
  const req = new Request('http://x/api/webhooks/chargebee', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const res = await postRequest(req, 'chargebee');
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** Posts an event with good credentials and processes it: the inbox row after. */
export async function deliverChargebee(event: ChargebeeEventJson) {
  const { status, body } = await postChargebee(event);
  if (status !== 200) throw new Error(`delivery failed: ${status} ${JSON.stringify(body)}`);
  const outcome = await processWebhookEvent(body.id);
  const inbox = await getDb().webhookEvent.findUniqueOrThrow({ where: { id: body.id } });
  return { inboxId: body.id as string, outcome, inbox };
}

export const chargebeeCustomer = (externalId: string) =>
  getDb().customer.findUniqueOrThrow({
    where: { billingProvider_externalId: { billingProvider: 'chargebee', externalId } },
  });
