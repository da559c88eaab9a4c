import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import type { World } from '../actions/world';
import { FakeEmailProviders } from '../fixtures/fake-email-providers';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';

// The official Postmark, SendGrid and Resend clients, pointed (by their own base-URL options) at
// local fakes that check the real request shapes and answer as the providers do.

let fake: FakeEmailProviders;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  fake = await new FakeEmailProviders().start();
  w = await newEmailWorld();
});
afterAll(() => fake.close());

async function sendOffer(provider: 'postmark' | 'sendgrid' | 'resend', key?: string) {
  await selectEmailDestination(w, fake.destination(provider, key));
  const actionId = await approveEmail(w, SAMPLE_PAYLOADS(w).upgrade_offer);
  const before = fake.requests.length;
  await deliverDueOutbox();
  const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
  return { row, requests: fake.requests.slice(before) };
}

describe('provider transports', () => {
  it('Postmark: the client’s request shape, broadcast stream, headers and metadata; its MessageID is stored', async () => {
    const { row, requests } = await sendOffer('postmark');
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req!.path).toBe('/email');
    expect(req!.headers['x-postmark-server-token']).toBe('pm-token-123');
    expect(req!.body).toMatchObject({
      From: 'Acme Billing <billing@acme.test>',
      To: w.customer.email,
      Subject: 'An offer for the Scale plan',
      MessageStream: 'broadcast',
      Metadata: { tollgate_email_id: row.id },
    });
    expect(req!.body.HtmlBody).toContain('href="https://checkout.acme.test/c/pay/cs_test_123"');
    expect(req!.body.TextBody).toContain('https://checkout.acme.test/c/pay/cs_test_123');
    const headers = Object.fromEntries(
      (req!.body.Headers as { Name: string; Value: string }[]).map((h) => [h.Name, h.Value]),
    );
    expect(headers['Message-ID']).toBe(row.messageId);
    expect(headers['List-Unsubscribe']).toMatch(/^<https:\/\/console\.acme\.test\/api\/v1\/email\/unsubscribe\?token=/);
    expect(headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(row).toMatchObject({ status: 'accepted', transport: 'postmark' });
    expect(row.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('SendGrid: v3 mail/send with personalizations, both parts, custom_args; X-Message-Id is stored', async () => {
    const { row, requests } = await sendOffer('sendgrid');
    expect(requests).toHaveLength(1);
    const body = requests[0]!.body;
    expect(requests[0]!.path).toBe('/v3/mail/send');
    expect(requests[0]!.headers.authorization).toBe('Bearer SG.test-key.abc');
    expect(body.personalizations[0].to).toEqual([{ email: w.customer.email }]);
    expect(body.from).toEqual({ name: 'Acme Billing', email: 'billing@acme.test' });
    expect(body.subject).toBe('An offer for the Scale plan');
    expect(body.content.map((c: { type: string }) => c.type)).toEqual(['text/plain', 'text/html']);
    expect(body.headers['Message-ID']).toBe(row.messageId);
    expect(body.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(body.custom_args).toEqual({ tollgate_email_id: row.id });
    expect(row).toMatchObject({ status: 'accepted', transport: 'sendgrid' });
    expect(row.providerMessageId).toMatch(/^sg[0-9a-f]{20}$/);
  });

  it('Resend: POST /emails with tags and our Idempotency-Key; its id is stored', async () => {
    const { row, requests } = await sendOffer('resend');
    expect(requests).toHaveLength(1);
    const req = requests[0]!;
    expect(req.path).toBe('/emails');
    expect(req.headers.authorization).toBe('Bearer re_test_key');
    const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: row.outboxMessageId! } });
    expect(req.headers['idempotency-key']).toBe(outbox.idempotencyKey);
    expect(req.body).toMatchObject({
      from: 'Acme Billing <billing@acme.test>',
      to: [w.customer.email],
      subject: 'An offer for the Scale plan',
      tags: [{ name: 'tollgate_email_id', value: row.id }],
    });
    expect(req.body.reply_to ?? req.body.replyTo).toBeTruthy();
    expect(req.body.headers['Message-ID']).toBe(row.messageId);
    expect(row).toMatchObject({ status: 'accepted', transport: 'resend' });
  });

  it('a wrong API key is a permanent failure with the provider’s message, nothing retried', async () => {
    const { row, requests } = await sendOffer('postmark', 'not-the-token');
    expect(requests).toHaveLength(1);
    expect(row.status).toBe('failed');
    expect(row.detail).toContain('Bad or missing Server API token');
    const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: row.outboxMessageId! } });
    expect(outbox.status).toBe('dead');
  });
});
