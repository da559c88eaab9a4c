import { describe, expect, it } from 'vitest';
import { emailPayload } from './action-payloads';
import { createIntegrationBody } from './integrations';

describe('email payload', () => {
  it('keeps the plain shape valid and checks template data against its template', () => {
    expect(emailPayload.safeParse({ to: 'a@b.co', subject: 'Hi', body: 'Hello' }).success).toBe(true);
    const offer = { to: 'a@b.co', subject: 'Hi', body: 'Hello', template: 'upgrade_offer' };
    const missing = emailPayload.safeParse(offer);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toContain('templateData.link');
    const ok = emailPayload.safeParse({ ...offer, templateData: { planName: 'Scale', link: 'https://x.test/c' } });
    expect(ok.success).toBe(true);
    expect(
      emailPayload.safeParse({ ...offer, templateData: { planName: 'Scale', link: 'javascript:alert(1)' } }).success,
    ).toBe(false);
  });

  it('refuses a subject with a line break (header injection)', () => {
    expect(emailPayload.safeParse({ to: 'a@b.co', subject: 'Hi\r\nBcc: x@y.z', body: 'Hello' }).success).toBe(false);
  });
});

describe('integration URLs', () => {
  it('accepts SMTP and provider URLs for e-mail integrations only', () => {
    const email = (url: string) => createIntegrationBody.safeParse({ kind: 'email', name: 'm', url }).success;
    expect(email('smtps://u:p@smtp.example.com:465')).toBe(true);
    expect(email('postmark://token@api.postmarkapp.com')).toBe(true);
    expect(email('ftp://example.com')).toBe(false);
    expect(createIntegrationBody.safeParse({ kind: 'slack', name: 's', url: 'smtp://h:25' }).success).toBe(false);
  });
});
