import { ServerClient } from 'postmark';
import {
  TransportError,
  codeForNetworkError,
  codeForStatus,
  permanentStatus,
  type EmailTransport,
} from './email-transport';

// Postmark's official client. `requestHost`/`useHttps` are the client's own options, which is how
// tests point it at a local fake API. Non-transactional mail goes to the "broadcast" stream, as
// Postmark requires for bulk mail; the row id travels as Metadata and comes back on every webhook.
export function postmarkTransport(token: string, host: string, useHttps: boolean): EmailTransport {
  return {
    name: 'postmark',
    idempotent: false,
    async send(mail, deadlineMs) {
      const client = new ServerClient(token, { requestHost: host, useHttps, timeout: Math.ceil(deadlineMs / 1000) });
      try {
        const res = await client.sendEmail({
          From: mail.from,
          To: mail.to,
          ReplyTo: mail.replyTo ?? undefined,
          Subject: mail.subject,
          HtmlBody: mail.html,
          TextBody: mail.text,
          MessageStream: mail.transactional ? 'outbound' : 'broadcast',
          TrackOpens: true,
          Headers: [
            { Name: 'Message-ID', Value: mail.messageId },
            ...Object.entries(mail.headers).map(([Name, Value]) => ({ Name, Value })),
          ],
          Metadata: { tollgate_email_id: mail.emailId },
        });
        return { providerMessageId: res.MessageID, response: `Postmark ${res.ErrorCode}: ${res.Message}` };
      } catch (err) {
        const e = err as { statusCode?: number; code?: number; message: string };
        throw new TransportError(
          `Postmark: ${e.message}`,
          permanentStatus(e.statusCode),
          codeForNetworkError(err) ?? codeForStatus(e.statusCode),
        );
      }
    },
  };
}
