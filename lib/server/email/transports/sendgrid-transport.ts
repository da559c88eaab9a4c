import { Client } from '@sendgrid/client';
import MailService from '@sendgrid/mail/src/classes/mail-service';
import {
  TransportError,
  codeForNetworkError,
  codeForStatus,
  permanentStatus,
  type EmailTransport,
} from './email-transport';

// SendGrid's official mail client, on its own Client (API key and base URL per configuration;
// tests set the base URL to a local fake API). The row id goes in custom_args, which SendGrid
// copies onto every event it posts back.
export function sendgridTransport(apiKey: string, baseUrl: string): EmailTransport {
  return {
    name: 'sendgrid',
    idempotent: false,
    async send(mail, deadlineMs) {
      const client = new Client();
      client.setApiKey(apiKey);
      client.setDefaultRequest('baseUrl', baseUrl);
      const service = new MailService();
      service.setClient(client);
      service.setTimeout(deadlineMs);
      try {
        const [res] = await service.send({
          from: mail.from,
          to: mail.to,
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: { 'Message-ID': mail.messageId, ...mail.headers },
          customArgs: { tollgate_email_id: mail.emailId },
          trackingSettings: { openTracking: { enable: true } },
        });
        const id = res.headers['x-message-id'];
        return { providerMessageId: typeof id === 'string' ? id : null, response: `SendGrid ${res.statusCode}` };
      } catch (err) {
        const e = err as { code?: number; message: string; response?: { body?: unknown } };
        const detail = e.response?.body ? ` ${JSON.stringify(e.response.body).slice(0, 300)}` : '';
        throw new TransportError(
          `SendGrid: ${e.message}${detail}`,
          permanentStatus(e.code),
          codeForNetworkError(err) ?? codeForStatus(e.code),
        );
      }
    },
  };
}
