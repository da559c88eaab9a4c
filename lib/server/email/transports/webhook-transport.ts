import { getEnv } from '@/lib/env';
import { checkOutboundUrl } from '@/lib/server/outbound-http/check-outbound-url';
import { postJson } from '@/lib/server/outbound-http/post-json';
import { TransportError, type EmailTransport } from './email-transport';

// The generic relay: the action's payload as JSON (the shape relays have always received), plus
// the rendered parts and headers so a relay need not render anything. Receivers dedupe on the
// Idempotency-Key header, so a re-send after an interrupted hand-off is safe.
export function webhookTransport(url: string): EmailTransport {
  return {
    name: 'webhook',
    idempotent: true,
    async send(mail, deadlineMs) {
      const env = getEnv();
      const target = await checkOutboundUrl(url, {
        allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
        allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
      }).catch((err: Error) => {
        throw new TransportError(err.message, true);
      });
      const body = {
        ...mail.payload,
        from: mail.from,
        replyTo: mail.replyTo,
        messageId: mail.messageId,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
      };
      const res = await postJson(target, body, { 'idempotency-key': mail.idempotencyKey }, deadlineMs).catch(
        (err: Error) => {
          throw new TransportError(err.message, false);
        },
      );
      if (res.status >= 200 && res.status < 300) return { providerMessageId: null, response: `Webhook ${res.status}` };
      const permanent = res.status >= 300 && res.status < 500 && res.status !== 429 && res.status !== 408;
      throw new TransportError(
        `Receiver answered ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}: ${res.body.slice(0, 200)}`,
        permanent,
      );
    },
  };
}
