import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { sendTestEmail } from '@/lib/server/email/send-test-email';
import type { World } from '../actions/world';
import { FakeEmailProviders } from '../fixtures/fake-email-providers';
import { configureEmailEnv, newEmailWorld, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// Settings' "Send test" for an e-mail integration goes through the real transport: a real SMTP
// server with AUTH (accepted, and refused credentials), a closed port, and the fake providers.

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let fake: FakeEmailProviders;
let w: World;

beforeAll(async () => {
  configureEmailEnv();
  smtp = await startSmtpSink({ user: 'relay', password: 'right' });
  fake = await new FakeEmailProviders().start();
  w = await newEmailWorld();
});
afterAll(async () => {
  await smtp.close();
  await fake.close();
});

const TO = 'ops-check@acme.test';

describe('sending a test e-mail through an e-mail integration', () => {
  it('SMTP: the server receives a branded e-mail; the answer is its reply line (audited)', async () => {
    const id = await selectEmailDestination(w, smtp.url);
    const result = await sendTestEmail(w.admin, id, TO, 'req-test-1');
    expect(result).toMatchObject({ ok: true, code: null, transport: 'smtp' });
    expect(result.response).toMatch(/^250 /);
    const mail = smtp.received.at(-1)!;
    expect(mail.envelope.to).toEqual([TO]);
    expect(mail.parsed.subject).toBe('Test e-mail from Acme Cloud');
    expect(mail.parsed.from?.value[0]?.address).toBe('billing@acme.test');
    expect(String(mail.parsed.html)).toContain('#0e7490');
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { requestId: 'req-test-1' } });
    expect(audit).toMatchObject({ action: 'integration.test_email_sent', targetId: id });
  });

  it('SMTP with a wrong password: auth_failed with the server’s refusal, nothing received', async () => {
    const before = smtp.received.length;
    const id = await selectEmailDestination(w, `smtp://relay:wrong@127.0.0.1:${smtp.port}`);
    const result = await sendTestEmail(w.admin, id, TO, 'r');
    expect(result).toMatchObject({ ok: false, code: 'auth_failed', transport: 'smtp' });
    expect(result.message).toMatch(/535|Invalid username or password/);
    expect(smtp.received.length).toBe(before);
  });

  it('SMTP on a port nobody listens on: connection_refused', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const id = await selectEmailDestination(w, `smtp://127.0.0.1:${port}`);
    const result = await sendTestEmail(w.admin, id, TO, 'r');
    expect(result).toMatchObject({ ok: false, code: 'connection_refused' });
  });

  it('a provider: its message id comes back; a bad key is auth_failed', async () => {
    const ok = await sendTestEmail(w.admin, await selectEmailDestination(w, fake.destination('postmark')), TO, 'r');
    expect(ok).toMatchObject({ ok: true, transport: 'postmark' });
    expect(ok.providerMessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.requests.at(-1)!.body).toMatchObject({ To: TO, Subject: 'Test e-mail from Acme Cloud' });
    const bad = await sendTestEmail(
      w.admin,
      await selectEmailDestination(w, fake.destination('resend', 're_wrong')),
      TO,
      'r',
    );
    expect(bad).toMatchObject({ ok: false, code: 'auth_failed', transport: 'resend' });
  });
});
