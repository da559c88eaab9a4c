import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { checkOutboundUrl } from '@/lib/server/outbound-http/check-outbound-url';
import { postJson } from '@/lib/server/outbound-http/post-json';
import { CRM_ADAPTERS, parseCrmSecret, providerOf } from './crm/crm-adapters';
import { withDeadline } from './crm/deliver-crm-task';
import { openSecret } from './secret-box';

const TEST_PAYLOAD = {
  slack: { text: 'Tollgate test message: this Slack integration works.' },
  crm: { type: 'test', title: 'Tollgate test', body: 'This CRM integration works.' },
  email: { test: true, subject: 'Tollgate test', body: 'This e-mail integration works.' },
} as const;

// Settings → Integrations → "Send test": one POST through the same SSRF guard and deadline as
// the outbox, answered with what the receiver said (not the URL).
export async function sendIntegrationTest(
  id: string,
): Promise<{ ok: boolean; status: number | null; message: string }> {
  const row = await getDb().integration.findUnique({ where: { id } });
  if (!row) throw notFound('Integration');
  const env = getEnv();
  const provider = row.kind === 'crm' ? providerOf(row.config) : 'webhook';
  if (provider !== 'webhook') {
    // A vendor API is tested with a read (token + a list or describe call): nothing is created in the CRM.
    try {
      const secret = parseCrmSecret(provider, openSecret(row.secretCiphertext, row.id));
      const deadline = env.OUTBOX_DELIVERY_DEADLINE_MS;
      const res = await withDeadline(CRM_ADAPTERS[provider].adapter.test(secret, deadline), deadline);
      const ok = res.status >= 200 && res.status < 300;
      return {
        ok,
        status: res.status,
        message: ok
          ? `${CRM_ADAPTERS[provider].label} accepted the credentials`
          : `${CRM_ADAPTERS[provider].label} answered ${res.status}: ${res.body.slice(0, 200)}`,
      };
    } catch (err) {
      return { ok: false, status: null, message: (err as Error).message };
    }
  }
  try {
    const url = openSecret(row.secretCiphertext, row.id);
    // SMTP and provider e-mail destinations are not webhooks; a test POST would prove nothing.
    if (!/^https?:/i.test(url))
      return {
        ok: false,
        status: null,
        message: `${new URL(url).protocol.replace(':', '')} destinations are tested with a real e-mail: POST /api/v1/integrations/${row.id}/test-email with a recipient`,
      };
    const target = await checkOutboundUrl(url, {
      allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
      allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
    });
    const res = await postJson(target, TEST_PAYLOAD[row.kind], {}, env.OUTBOX_DELIVERY_DEADLINE_MS);
    const ok = res.status >= 200 && res.status < 300;
    return { ok, status: res.status, message: ok ? 'Delivered' : `Receiver answered ${res.status}` };
  } catch (err) {
    return { ok: false, status: null, message: (err as Error).message };
  }
}
