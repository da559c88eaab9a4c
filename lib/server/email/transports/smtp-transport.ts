import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { TransportError, codeForNetworkError, type EmailTransport } from './email-transport';

// SMTP through nodemailer. `smtps://` is TLS from the first byte (465); `smtp://` upgrades with
// STARTTLS whenever the server offers it (nodemailer's default), and `?requireTLS=true` refuses
// a server that does not. The message keeps our Message-ID, so the copy a recipient sees and the
// row in email_messages name the same message.
export function smtpTransport(url: URL): EmailTransport {
  const secure = url.protocol === 'smtps:';
  const options: SMTPTransport.Options = {
    host: url.hostname,
    port: Number(url.port || (secure ? 465 : 587)),
    secure,
    requireTLS: url.searchParams.get('requireTLS') === 'true',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  };
  return {
    name: 'smtp',
    idempotent: false,
    async send(mail, deadlineMs) {
      const transporter = nodemailer.createTransport({
        ...options,
        connectionTimeout: deadlineMs,
        greetingTimeout: deadlineMs,
        socketTimeout: deadlineMs,
      });
      try {
        const info = await transporter.sendMail({
          from: mail.from,
          to: mail.to,
          replyTo: mail.replyTo ?? undefined,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
          messageId: mail.messageId,
          headers: mail.headers,
        });
        if (info.rejected.length)
          throw new TransportError(`SMTP server rejected ${info.rejected.join(', ')}`, true, 'recipient_rejected');
        return { providerMessageId: null, response: info.response };
      } catch (err) {
        if (err instanceof TransportError) throw err;
        // 5xx replies are permanent (RFC 5321 §4.2.1); connection errors and 4xx are worth a retry.
        const code = (err as { responseCode?: number }).responseCode;
        throw new TransportError(
          `SMTP: ${(err as Error).message}`,
          code !== undefined && code >= 500,
          smtpErrorCode(err),
        );
      } finally {
        transporter.close();
      }
    },
  };
}

// nodemailer's error types (EAUTH, ETLS, ESOCKET, EENVELOPE, …) and reply codes as our codes.
function smtpErrorCode(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; command?: string };
  if (e.code === 'EAUTH') return 'auth_failed';
  if (e.code === 'ETLS') return 'tls_failed';
  if (e.code === 'EENVELOPE' || (e.responseCode && e.responseCode >= 500 && /RCPT/.test(e.command ?? '')))
    return 'recipient_rejected';
  const network = codeForNetworkError(err);
  if (network) return network;
  if (e.responseCode && e.responseCode >= 500) return 'rejected';
  if (e.responseCode && e.responseCode >= 400) return 'temporarily_rejected';
  return 'smtp_error';
}
