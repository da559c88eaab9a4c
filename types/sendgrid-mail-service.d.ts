// @sendgrid/mail exports a singleton; its MailService class (one per API key and base URL, so
// two configurations never share state) lives at this path, which its typings do not declare.
declare module '@sendgrid/mail/src/classes/mail-service' {
  import type { MailService } from '@sendgrid/mail';
  const MailServiceClass: new () => MailService;
  export = MailServiceClass;
}
