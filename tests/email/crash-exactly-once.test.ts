import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { clock } from '@/lib/clock';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { setPolicy, type World } from '../actions/world';
import { FakeEmailProviders } from '../fixtures/fake-email-providers';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// A real worker process is SIGKILLed at each point of an e-mail's hand-off; then the lease is
// treated as lapsed and a healthy delivery pass recovers. The receiving SMTP server (or provider)
// must never hold two copies:
//   after_handoff  killed before the transport saw anything → not resent over SMTP ('unknown':
//                  the row cannot tell this from after_accept, and a duplicate is the worse error)
//   after_accept   SMTP server took it, nothing recorded     → not resent ('unknown'), one copy
//   after_record   'accepted' recorded, outbox not settled   → settled as sent, one copy
//   Resend after_accept → re-sent with the same Idempotency-Key: Resend keeps one e-mail.

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let fake: FakeEmailProviders;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  for (const kind of ['plan_change', 'credit', 'dunning_step', 'email', 'crm_task', 'slack_post'] as const)
    await setPolicy(kind, { mode: 'assist' });
  smtp = await startSmtpSink();
  fake = await new FakeEmailProviders().start();
  w = await newEmailWorld();
});
afterAll(async () => {
  await smtp.close();
  await fake.close();
});

async function crashWorkerAt(fault: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, FAULT_INJECTION: fault, EXECUTOR_POLL_MS: '100' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const ended = await new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  if (ended !== 'SIGKILL') throw new Error(`worker ended with ${ended}, not at the fault: ${stderr.slice(-2000)}`);
}

// The killed worker's claim would lapse after its lease; move that moment to now instead of waiting.
const lapseLease = (outboxId: string) =>
  getDb().outboxMessage.update({ where: { id: outboxId }, data: { nextAttemptAt: clock.now() } });

async function crashAndRecover(fault: string, destination: string) {
  await selectEmailDestination(w, destination);
  const actionId = await approveEmail(w, {
    ...SAMPLE_PAYLOADS(w).dunning_step,
    subject: `Crash ${fault} ${Math.random()}`,
  });
  const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
  await crashWorkerAt(fault);
  const atCrash = await getDb().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
  await lapseLease(row.outboxMessageId!);
  await deliverDueOutbox();
  await deliverDueOutbox(); // a second pass finds nothing left to do
  const after = await getDb().emailMessage.findUniqueOrThrow({ where: { id: row.id } });
  const outbox = await getDb().outboxMessage.findUniqueOrThrow({ where: { id: row.outboxMessageId! } });
  return { row, atCrash, after, outbox };
}

const copiesOf = (messageId: string) => smtp.received.filter((m) => m.parsed.messageId === messageId).length;

describe('exactly-once e-mail across a worker crash', () => {
  it('killed after the SMTP server accepted: one copy, recorded as unknown, never re-sent', async () => {
    const { row, atCrash, after, outbox } = await crashAndRecover('email_after_accept', smtp.url);
    expect(atCrash.status).toBe('handing_off');
    expect(copiesOf(row.messageId)).toBe(1);
    expect(after.status).toBe('unknown');
    expect(after.detail).toContain(row.messageId);
    expect(outbox.status).toBe('dead');
  }, 120_000);

  it('killed after recording the acceptance: one copy, settled as sent', async () => {
    const { row, atCrash, after, outbox } = await crashAndRecover('email_after_record', smtp.url);
    expect(atCrash.status).toBe('accepted');
    expect(copiesOf(row.messageId)).toBe(1);
    expect(after.status).toBe('accepted');
    expect(outbox.status).toBe('sent');
  }, 120_000);

  it('killed before the hand-off reached the server: no copy, and no blind re-send (unknown)', async () => {
    const { row, after, outbox } = await crashAndRecover('email_after_handoff', smtp.url);
    expect(copiesOf(row.messageId)).toBe(0);
    expect(after.status).toBe('unknown');
    expect(outbox.status).toBe('dead');
  }, 120_000);

  it('Resend, killed after it accepted: re-sent with the same Idempotency-Key, so Resend holds one e-mail', async () => {
    const before = fake.requests.length;
    const { after, outbox } = await crashAndRecover('email_after_accept', fake.destination('resend'));
    const sends = fake.requests.slice(before).filter((r) => r.path === '/emails');
    expect(sends).toHaveLength(2);
    expect(new Set(sends.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(after.status).toBe('accepted');
    expect(outbox.status).toBe('sent');
  }, 120_000);
});
