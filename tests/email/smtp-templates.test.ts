import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import type { World } from '../actions/world';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// Every template, approved and executed like any action, sent by the outbox over real SMTP (with
// AUTH) to a local smtp-server, then parsed with mailparser: what a recipient's mail client reads.

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  smtp = await startSmtpSink({ user: 'relay-user', password: 'p@ss word' });
  w = await newEmailWorld();
  await getDb().customer.update({
    where: { id: w.customer.id },
    data: { metadata: { accountOwnerEmail: 'olivia.owner@acme.test' } },
  });
  await selectEmailDestination(w, smtp.url);
});
afterAll(() => smtp.close());

const LINKS = {
  plain: null,
  upgrade_offer: 'https://checkout.acme.test/c/pay/cs_test_123',
  dunning_step: 'https://invoice.stripe.test/i/acct_1/test_abc',
  sla_credit: null,
  weekly_digest: 'https://console.acme.test/usage',
} as const;

const FACTS = {
  plain: ['Thanks for being a customer.'],
  upgrade_offer: ['Scale', 'Growth', '$799.00 / month', '2027-01-31'],
  dunning_step: ['$250.00', '2026-12-10'],
  sla_credit: ['99.9%', '99.42%', '250 min', '$799.00 × 10% = $79.90'],
  weekly_digest: ['1.2M (+8%)', '$412.00', '2026-11-23'],
} as const;

describe('templates over SMTP', () => {
  for (const template of Object.keys(LINKS) as (keyof typeof LINKS)[]) {
    it(`${template}: subject, HTML and text parts, links and headers`, async () => {
      const payload = SAMPLE_PAYLOADS(w)[template];
      const before = smtp.received.length;
      const actionId = await approveEmail(w, payload);
      const action = await getDb().action.findUniqueOrThrow({ where: { id: actionId } });
      const stored = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
      // The Message-ID exists (on the action and its row) before any delivery.
      expect((action.result as { messageId?: string }).messageId).toBe(stored.messageId);
      expect(stored.status).toBe('queued');
      expect(stored.messageId).toMatch(/^<[0-9a-f]{32}@acme\.test>$/);

      await deliverDueOutbox();
      expect(smtp.received.length).toBe(before + 1);
      const mail = smtp.received.at(-1)!;
      const m = mail.parsed;
      expect(mail.envelope.to).toEqual([w.customer.email]);
      expect(m.subject).toBe(payload.subject);
      expect(m.messageId).toBe(stored.messageId);
      expect(m.from?.value).toEqual([{ name: 'Acme Billing', address: 'billing@acme.test' }]);
      const transactional = template === 'dunning_step' || template === 'sla_credit';
      expect(m.replyTo?.value[0]?.address).toBe(transactional ? 'billing-desk@acme.test' : 'olivia.owner@acme.test');

      const html = String(m.html);
      const text = String(m.text);
      expect(html).toContain('Acme Cloud'); // alt text of the logo
      expect(html).toContain('https://cdn.acme.test/logo.png');
      expect(html).toContain('#0e7490');
      for (const fact of FACTS[template]) {
        expect(html).toContain(fact);
        expect(text).toContain(fact);
      }
      const link = LINKS[template];
      if (link) {
        expect(html).toContain(`href="${link}"`);
        expect(text).toContain(link);
      }
      expect(text).toContain(payload.body.split('\n')[0]);

      // mailparser folds List-* headers into one `list` header object.
      const unsubscribe = (m.headers.get('list') as { unsubscribe?: { url?: string } } | undefined)?.unsubscribe;
      if (transactional) {
        expect(unsubscribe).toBeUndefined();
        expect(mail.raw).not.toMatch(/^List-Unsubscribe/m);
        expect(html).not.toContain('Unsubscribe');
      } else {
        expect(mail.raw).toMatch(
          /^List-Unsubscribe:\s+<https:\/\/console\.acme\.test\/api\/v1\/email\/unsubscribe\?token=[^>]+>\r?$/m,
        );
        expect(unsubscribe?.url).toMatch(/^https:\/\/console\.acme\.test\/api\/v1\/email\/unsubscribe\?token=/);
        expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
        expect(html).toMatch(/href="https:\/\/console\.acme\.test\/unsubscribe\?token=[^"]+"/);
      }

      const after = await getDb().emailMessage.findUniqueOrThrow({ where: { id: stored.id } });
      expect(after).toMatchObject({ status: 'accepted', transport: 'smtp', template });
      expect(after.detail).toMatch(/^250/);
      const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: stored.outboxMessageId! } });
      expect(outbox.status).toBe('sent');
    });
  }

  it('a 550 from the server fails the e-mail permanently, with the server’s answer', async () => {
    const payload = { ...SAMPLE_PAYLOADS(w).plain, to: `nobody-${w.tag}@example.test` };
    smtp.rejectRecipients.add(payload.to);
    const actionId = await approveEmail(w, payload);
    await deliverDueOutbox();
    const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
    expect(row.status).toBe('failed');
    expect(row.detail).toMatch(/rejected|550/);
    const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: row.outboxMessageId! } });
    expect(outbox.status).toBe('dead');
  });
});
