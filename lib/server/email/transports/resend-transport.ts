import { Resend } from 'resend';
import { TransportError, codeForStatus, permanentStatus, type EmailTransport } from './email-transport';

// Resend's official client (its `baseUrl` option points tests at a local fake API). Resend keeps
// an Idempotency-Key for 24 hours, so an interrupted hand-off can be sent again safely.
export function resendTransport(apiKey: string, baseUrl: string): EmailTransport {
  return {
    name: 'resend',
    idempotent: true,
    async send(mail) {
      const resend = new Resend(apiKey, { baseUrl });
      const { data, error } = await resend.emails.send(
        {
          from: mail.from,
          to: [mail.to],
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          headers: { 'Message-ID': mail.messageId, ...mail.headers },
          tags: [{ name: 'tollgate_email_id', value: mail.emailId }],
        },
        { idempotencyKey: mail.idempotencyKey },
      );
      if (error || !data) {
        const status = (error as { statusCode?: number } | null)?.statusCode ?? undefined;
        throw new TransportError(
          `Resend: ${error?.message ?? 'no answer'}`,
          permanentStatus(status ?? undefined),
          codeForStatus(status ?? undefined),
        );
      }
      return { providerMessageId: data.id, response: 'Resend accepted' };
    },
  };
}
