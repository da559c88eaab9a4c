import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { ApiError } from '@/lib/errors';
import { listEmailDeliveries } from '@/lib/server/email/list-email-deliveries';
import { resendEmail } from '@/lib/server/email/resend-email';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import type { World } from '../actions/world';
import { FakeEmailProviders } from '../fixtures/fake-email-providers';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// An SMTP hand-off interrupted by a crash leaves the row 'handing_off' (what a killed worker
// leaves; tests/email/crash-exactly-once.test.ts kills a real one). Recovery marks it unknown;
// a person then resends it once, with the same Message-ID; two concurrent resends send one copy.

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let fake: FakeEmailProviders;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  smtp = await startSmtpSink();
  fake = await new FakeEmailProviders().start();
  w = await newEmailWorld();
});
afterAll(async () => {
  await smtp.close();
  await fake.close();
});

// Approve, then leave the row as a worker killed mid-hand-off does, and let recovery run.
async function interruptedEmail(destination: string) {
  await selectEmailDestination(w, destination);
  const actionId = await approveEmail(w, { ...SAMPLE_PAYLOADS(w).dunning_step, subject: `Unknown ${Math.random()}` });
  const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
  await getDb().emailMessage.update({
    where: { id: row.id },
    data: { status: 'handing_off', transport: 'smtp', handedOffAt: clock.now() },
  });
  await deliverDueOutbox();
  return getDb().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
}

const copiesOf = (messageId: string) => smtp.received.filter((m) => m.parsed.messageId === messageId).length;

describe('resending an e-mail whose delivery is unknown', () => {
  it('shows delivery unknown with a resend for revops, not for support', async () => {
    const row = await interruptedEmail(smtp.url);
    expect(row.status).toBe('unknown');
    expect(row.detail).toMatch(/^Delivery unknown — the worker stopped during the hand-off/);
    expect(copiesOf(row.messageId)).toBe(0);
    const [asRevops] = await listEmailDeliveries({ actionId: row.actionId! }, w.revops);
    expect(asRevops).toMatchObject({ status: 'unknown', canResend: true, resend: null });
    const [asSupport] = await listEmailDeliveries({ actionId: row.actionId! }, { role: 'support' });
    expect(asSupport!.canResend).toBe(false);
  });

  it('two concurrent resends: one copy over SMTP with the stored Message-ID, the other refused (409), audited', async () => {
    const row = await interruptedEmail(smtp.url);
    const results = await Promise.allSettled([
      resendEmail(w.revops, row.id, 'req-resend-a'),
      resendEmail(w.admin, row.id, 'req-resend-b'),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(ApiError);
    expect((refused[0]!.reason as ApiError).status).toBe(409);
    expect(copiesOf(row.messageId)).toBe(1);
    const after = await getDb().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after.status).toBe('accepted');
    expect(after.detail).toMatch(/^Resent by hand: 250/);
    const audit = await getDb().auditEvent.findMany({ where: { targetId: row.id }, orderBy: { sequence: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['email.resend_requested', 'email.resent']);
    // Never a second time, even later.
    await expect(resendEmail(w.revops, row.id, 'r')).rejects.toMatchObject({ status: 409, code: 'already_resent' });
    const [view] = await listEmailDeliveries({ actionId: row.actionId! }, w.revops);
    expect(view).toMatchObject({ canResend: false, resend: { status: 'accepted' } });
  });

  it('an e-mail that was delivered is not resent', async () => {
    await selectEmailDestination(w, smtp.url);
    const actionId = await approveEmail(w, SAMPLE_PAYLOADS(w).plain);
    await deliverDueOutbox();
    const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
    await expect(resendEmail(w.revops, row.id, 'r')).rejects.toMatchObject({ status: 409, code: 'not_unknown' });
  });

  it('through Resend, the resend carries the action’s Idempotency-Key, so Resend keeps one e-mail', async () => {
    await selectEmailDestination(w, fake.destination('resend'));
    const actionId = await approveEmail(w, SAMPLE_PAYLOADS(w).plain);
    await deliverDueOutbox();
    const first = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
    // Marked unknown as an interrupted non-idempotent hand-off would be (e.g. the integration was SMTP then).
    await getDb().emailMessage.update({ where: { id: first.id }, data: { status: 'unknown' } });
    const before = fake.requests.length;
    const outcome = await resendEmail(w.revops, first.id, 'r');
    const sends = fake.requests.slice(before).filter((r) => r.path === '/emails');
    expect(sends).toHaveLength(1);
    const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: first.outboxMessageId! } });
    expect(sends[0]!.headers['idempotency-key']).toBe(outbox.idempotencyKey);
    expect(outcome).toMatchObject({ status: 'accepted', transport: 'resend' });
    expect(outcome.providerMessageId).toBe(first.providerMessageId); // the provider deduplicated it
  });
});
