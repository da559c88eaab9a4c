import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { proposeAction } from '@/lib/server/actions/propose-action';
import { editAction } from '@/lib/server/actions/edit-action';
import { decideAction } from '@/lib/server/actions/decide-action';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { suppressAddress } from '@/lib/server/email/suppression';
import { signUnsubscribeToken } from '@/lib/server/email/unsubscribe-token';
import type { World } from '../actions/world';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// The public one-click unsubscribe, and the suppression list at every gate: drafting (agents get a
// `suppressed` outcome), editing and approving (409), and sending (an address suppressed after
// approval is never handed to the server).

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  smtp = await startSmtpSink();
  w = await newEmailWorld();
  await selectEmailDestination(w, smtp.url);
});
afterAll(() => smtp.close());

const unsubscribe = async (token: string, init: RequestInit = {}) => {
  const { POST } = await import('@/app/api/v1/email/unsubscribe/route');
  return POST(
    new Request(`http://x/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
      ...init,
    }),
  );
};

const draft = (payload: Record<string, unknown>) =>
  getDb().$transaction((tx) =>
    proposeAction(tx, {
      kind: 'email',
      customerId: w.customer.id,
      title: 'Draft',
      payload,
      actor: { type: 'agent', id: 'email-test', version: '0.1.0' },
    }),
  );

describe('one-click unsubscribe', () => {
  it('the signed List-Unsubscribe URL suppresses offers and digests, not invoices; a forged token is refused', async () => {
    const address = `reader-${w.tag}@example.test`;
    const forged = signUnsubscribeToken(`other-${w.tag}@example.test`).split('.')[1];
    const bad = await unsubscribe(`${Buffer.from(address).toString('base64url')}.${forged}`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
    expect(await getDb().emailSuppression.findUnique({ where: { address } })).toBeNull();

    const res = await unsubscribe(signUnsubscribeToken(address));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ unsubscribed: true, address: `r•••@example.test` });
    expect((await unsubscribe(signUnsubscribeToken(address))).status).toBe(200); // repeat: no change
    expect(await getDb().emailSuppression.findUnique({ where: { address } })).toMatchObject({ reason: 'unsubscribe' });
    const audits = await getDb().auditEvent.count({ where: { action: 'email.unsubscribed', targetId: address } });
    expect(audits).toBe(1);

    const offer = await draft({ ...SAMPLE_PAYLOADS(w).upgrade_offer, to: address });
    expect(offer).toMatchObject({ outcome: 'suppressed', actionId: null });
    expect(offer.reason).toContain('unsubscribe');
    const reminder = await draft({ ...SAMPLE_PAYLOADS(w).dunning_step, to: address });
    expect(reminder.outcome).toBe('drafted');
  });
});

describe('suppression at every gate', () => {
  it('an edit to a suppressed address is refused; approval after a suppression is refused', async () => {
    const blocked = `blocked-${w.tag}@example.test`;
    await getDb().$transaction((tx) => suppressAddress(tx, blocked, 'complaint', 'spam report', clock.now()));
    const ok = await draft(SAMPLE_PAYLOADS(w).plain);
    await expect(
      editAction(
        w.revops,
        ok.actionId!,
        { expectedRevision: 1, payload: { ...SAMPLE_PAYLOADS(w).plain, to: blocked } },
        'r',
      ),
    ).rejects.toMatchObject({ status: 409, code: 'recipient_suppressed' });

    const later = `later-${w.tag}@example.test`;
    const pending = await draft({ ...SAMPLE_PAYLOADS(w).plain, to: later });
    await getDb().$transaction((tx) => suppressAddress(tx, later, 'hard_bounce', '550 no such user', clock.now()));
    await expect(
      decideAction(w.revops, pending.actionId!, { revision: 1, decision: 'approved' }, 'r'),
    ).rejects.toMatchObject({ status: 409, code: 'recipient_suppressed' });
  });

  it('an address suppressed after approval is never handed to the SMTP server', async () => {
    const address = `bounced-after-${w.tag}@example.test`;
    const actionId = await approveEmail(w, { ...SAMPLE_PAYLOADS(w).sla_credit, to: address });
    await getDb().$transaction((tx) => suppressAddress(tx, address, 'hard_bounce', 'bounced elsewhere', clock.now()));
    const before = smtp.received.length;
    await deliverDueOutbox();
    expect(smtp.received.length).toBe(before);
    const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
    expect(row.status).toBe('suppressed');
    expect(row.detail).toContain('hard bounce');
    const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: row.outboxMessageId! } });
    expect(outbox).toMatchObject({ status: 'dead' });
  });
});
