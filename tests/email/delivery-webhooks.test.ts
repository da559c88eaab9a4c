import { generateKeyPairSync, sign } from 'node:crypto';
import { Webhook } from 'svix';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { processWebhookEvent } from '@/lib/server/webhooks/process-webhook-event';
import type { World } from '../actions/world';
import { FakeEmailProviders } from '../fixtures/fake-email-providers';
import { postRequest } from '../webhooks/helpers';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';

// Delivery reports from each provider through the real /api/webhooks/:source route, verified the
// way each provider signs (Postmark basic auth, SendGrid ECDSA, Resend/Svix HMAC), stored once in
// the inbox and applied to the e-mail's row; a hard bounce suppresses the address and tells the
// approver.

const POSTMARK_CREDENTIALS = 'pm-hook:s3cret-pass';
const RESEND_SECRET = `whsec_${Buffer.from('resend-test-secret-0123456789ab').toString('base64')}`;
const sendgridKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const SENDGRID_PUBLIC = sendgridKeys.publicKey.export({ format: 'der', type: 'spki' }).toString('base64');

let fake: FakeEmailProviders;
let w: World;

beforeAll(async () => {
  configureEmailEnv({
    POSTMARK_WEBHOOK_CREDENTIALS: POSTMARK_CREDENTIALS,
    RESEND_WEBHOOK_SECRET: RESEND_SECRET,
    SENDGRID_WEBHOOK_PUBLIC_KEY: SENDGRID_PUBLIC,
  });
  fake = await new FakeEmailProviders().start();
  w = await newEmailWorld();
});
afterAll(() => fake.close());

async function sent(
  provider: 'postmark' | 'sendgrid' | 'resend',
  payload: Record<string, unknown> = SAMPLE_PAYLOADS(w).upgrade_offer,
) {
  await selectEmailDestination(w, fake.destination(provider));
  const actionId = await approveEmail(w, payload);
  await deliverDueOutbox();
  return getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
}

const request = (source: string, body: string, headers: Record<string, string>) =>
  postRequest(
    new Request(`http://x/api/webhooks/${source}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }),
    source,
  );

async function deliver(source: string, body: string, headers: Record<string, string>) {
  const res = await request(source, body, headers);
  const json = (await res.json()) as { id: string; duplicate: boolean };
  expect(res.status).toBe(200);
  await processWebhookEvent(json.id);
  return json;
}

const basic = (credentials: string) => ({ authorization: `Basic ${Buffer.from(credentials).toString('base64')}` });

function sendgridHeaders(body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = sign('sha256', Buffer.from(`${timestamp}${body}`), sendgridKeys.privateKey).toString('base64');
  return {
    'x-twilio-email-event-webhook-signature': signature,
    'x-twilio-email-event-webhook-timestamp': String(timestamp),
  };
}

function svixHeaders(body: string, secret = RESEND_SECRET, at = new Date()) {
  const id = `msg_${Math.random().toString(36).slice(2)}`;
  return {
    'svix-id': id,
    'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
    'svix-signature': new Webhook(secret).sign(id, at, body),
  };
}

const message = (id: string) => getDb().emailMessage.findUniqueOrThrow({ where: { id }, include: { events: true } });

describe('Postmark (basic auth)', () => {
  it('refuses missing or wrong credentials and stores nothing; applies a delivery once', async () => {
    const row = await sent('postmark');
    const body = JSON.stringify({
      RecordType: 'Delivery',
      MessageID: row.providerMessageId,
      Recipient: row.toAddress,
      DeliveredAt: '2026-12-02T01:05:00Z',
      Details: 'Test delivery',
      Metadata: { tollgate_email_id: row.id },
    });
    expect((await request('postmark', body, {})).status).toBe(400);
    expect((await request('postmark', body, basic('pm-hook:wrong'))).status).toBe(400);
    const first = await deliver('postmark', body, basic(POSTMARK_CREDENTIALS));
    const again = await deliver('postmark', body, basic(POSTMARK_CREDENTIALS));
    expect(again).toMatchObject({ id: first.id, duplicate: true });
    const after = await message(row.id);
    expect(after.status).toBe('delivered');
    expect(after.events.map((e) => e.type)).toEqual(['delivered']);
  });
});

describe('SendGrid (signed event webhook)', () => {
  it('refuses a forged or stale signature; applies a batch matched by sg_message_id', async () => {
    const row = await sent('sendgrid');
    const ts = Math.floor(Date.now() / 1000);
    const body = JSON.stringify([
      {
        email: row.toAddress,
        timestamp: ts - 60,
        event: 'processed',
        sg_event_id: 'e0',
        sg_message_id: `${row.providerMessageId}.filter0001`,
      },
      {
        email: row.toAddress,
        timestamp: ts - 30,
        event: 'delivered',
        sg_event_id: 'e1',
        sg_message_id: `${row.providerMessageId}.filter0001`,
        response: '250 OK',
      },
      {
        email: row.toAddress,
        timestamp: ts - 10,
        event: 'open',
        sg_event_id: 'e2',
        sg_message_id: `${row.providerMessageId}.filter0001`,
      },
    ]);
    const forged = sendgridHeaders(body.replace('delivered', 'bounce'));
    expect((await request('sendgrid', body, forged)).status).toBe(400);
    expect((await request('sendgrid', body, sendgridHeaders(body, ts - 3600))).status).toBe(400);
    expect((await request('sendgrid', body, {})).status).toBe(400);
    await deliver('sendgrid', body, sendgridHeaders(body));
    const after = await message(row.id);
    expect(after.status).toBe('opened');
    expect(after.events.map((e) => e.type).sort()).toEqual(['delivered', 'opened']);
  });
});

describe('Resend (Svix)', () => {
  it('refuses a wrong signature; a hard bounce suppresses the address, tells the approver, and later drafts are suppressed', async () => {
    const payload = { ...SAMPLE_PAYLOADS(w).dunning_step, to: `gone-${w.tag}@example.test` };
    const row = await sent('resend', payload);
    const body = JSON.stringify({
      type: 'email.bounced',
      created_at: '2026-12-02T01:06:00.000Z',
      data: {
        email_id: row.providerMessageId,
        to: [row.toAddress],
        subject: row.subject,
        tags: { tollgate_email_id: row.id },
        bounce: { type: 'Permanent', subType: 'General', message: 'The mailbox does not exist' },
      },
    });
    const wrong = `whsec_${Buffer.from('another-secret-entirely-0000000').toString('base64')}`;
    expect((await request('resend', body, svixHeaders(body, wrong))).status).toBe(400);
    expect(
      (await request('resend', body, svixHeaders(body, RESEND_SECRET, new Date(Date.now() - 3_600_000)))).status,
    ).toBe(400);
    await deliver('resend', body, svixHeaders(body));

    const after = await message(row.id);
    expect(after.status).toBe('bounced');
    expect(after.detail).toContain('The mailbox does not exist');
    const suppression = await getDb().emailSuppression.findUniqueOrThrow({ where: { address: row.toAddress } });
    expect(suppression.reason).toBe('hard_bounce');
    const notice = await getDb().outboxMessage.findFirstOrThrow({
      where: { idempotencyKey: { startsWith: `bounce-notice:${row.id}:` } },
    });
    expect(notice.payload).toMatchObject({ to: w.revops.email });
    expect(String((notice.payload as { subject: string }).subject)).toContain(row.toAddress);

    // Agents (and people) cannot draft mail to it any more — even transactional mail.
    const again = await getDb().$transaction((tx) =>
      proposeAction(tx, {
        kind: 'email',
        customerId: w.customer.id,
        title: 'Another reminder',
        payload,
        actor: { type: 'agent', id: 'email-test', version: '0.1.0' },
      }),
    );
    expect(again.outcome).toBe('suppressed');
    expect(again.reason).toContain('hard bounce');
  });
});
