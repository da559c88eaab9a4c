import { randomUUID } from 'node:crypto';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { clock } from '@/lib/clock';
import { notFound } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { EmailTestResult } from '@/lib/schemas/integrations';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { openSecret } from '@/lib/server/integrations/secret-box';
import { getEmailBrand } from './brand';
import { renderEmail } from './render-email';
import { TransportError } from './transports/email-transport';
import { transportForUrl } from './transports/email-transport-url';

// Settings → Integrations → "Send test" for an e-mail integration: a rendered, branded e-mail
// through the integration's real transport (SMTP, Postmark, SendGrid, Resend or the relay) to the
// address the admin typed, answered with what the transport said — the SMTP reply line or the
// provider's message id — or the failure with a machine-readable code. Audited (who sent where).
export async function sendTestEmail(
  actor: SessionUser,
  integrationId: string,
  to: string,
  requestId: string,
): Promise<EmailTestResult> {
  const db = getDb();
  const row = await db.integration.findUnique({ where: { id: integrationId } });
  if (!row || row.kind !== 'email') throw notFound('E-mail integration');
  const brand = await getEmailBrand(db);
  let result: EmailTestResult;
  let transportName: string | null = null;
  try {
    const transport = await transportForUrl(openSecret(row.secretCiphertext, row.id));
    transportName = transport.name;
    const payload = {
      to,
      subject: `Test e-mail from ${brand.companyName}`,
      body: `This is a test of the ${row.name} e-mail integration, sent from Tollgate's settings.\n\nIf you can read it, e-mail from this integration reaches this address.`,
    };
    const rendered = await renderEmail(payload, { brand, unsubscribeUrl: null });
    const domain = brand.from.match(/@([^>\s]+)>?\s*$/)?.[1] ?? 'tollgate.local';
    const sent = await transport.send(
      {
        emailId: `test_${row.id}`,
        messageId: `<test-${randomUUID()}@${domain}>`,
        idempotencyKey: `integration-test-${randomUUID()}`,
        from: brand.from,
        replyTo: brand.replyTo,
        to,
        subject: rendered.subject,
        html: rendered.html,
        text: rendered.text,
        headers: {},
        transactional: true,
        payload: { ...payload, test: true },
      },
      getEnv().OUTBOX_DELIVERY_DEADLINE_MS,
    );
    result = {
      ok: true,
      status: null,
      code: null,
      transport: transport.name,
      response: sent.response,
      providerMessageId: sent.providerMessageId,
      message: `${transport.name} accepted the test e-mail to ${to}: ${sent.providerMessageId ? `message id ${sent.providerMessageId}` : sent.response}`,
    };
  } catch (err) {
    const e = err instanceof TransportError ? err : null;
    result = {
      ok: false,
      status: null,
      code: e?.code ?? 'transport_error',
      transport: transportName,
      response: null,
      providerMessageId: null,
      message: (err as Error).message,
    };
  }
  await db.$transaction((tx) =>
    appendAuditEvent(tx, {
      actor: { type: 'user', id: actor.id },
      action: 'integration.test_email_sent',
      target: { type: 'integration', id: row.id },
      requestId,
      data: { to, ok: result.ok, code: result.code, transport: result.transport, at: clock.now().toISOString() },
    }),
  );
  return result;
}
