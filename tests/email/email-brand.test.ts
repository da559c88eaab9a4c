import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { emailBrandBody } from '@/lib/schemas/email-brand';
import { previewEmail } from '@/lib/server/email/preview-email';
import { getEmailBrandView, resetEmailBrand, saveEmailBrand } from '@/lib/server/email/save-email-brand';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import type { World } from '../actions/world';
import { approveEmail, configureEmailEnv, newEmailWorld, SAMPLE_PAYLOADS, selectEmailDestination } from './email-world';
import { startSmtpSink } from './smtp-sink';

// The brand saved in Settings is what every render and the sender use: the preview, the HTML and
// text parts, and the From header and Message-ID domain a real SMTP server receives. Nothing
// saved (or reset): the EMAIL_* environment values.

let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let w: World;

const SAVED = {
  companyName: 'Globex Payments',
  logoUrl: 'https://static.globex.test/mark.png',
  color: '#B91C1C',
  from: '"Globex, Billing" <accounts@globex.test>',
  replyTo: 'help@globex.test',
};

beforeAll(async () => {
  configureEmailEnv();
  smtp = await startSmtpSink();
  w = await newEmailWorld();
  await selectEmailDestination(w, smtp.url);
});
afterAll(async () => {
  await resetEmailBrand(w.admin, 'r');
  await smtp.close();
});

describe('e-mail branding from settings', () => {
  it('validates each field and names it', () => {
    const bad = emailBrandBody.safeParse({
      companyName: ' ',
      logoUrl: 'javascript:alert(1)',
      color: 'red',
      from: 'Globex <not an address>',
      replyTo: 'help@globex.test\r\nBcc: everyone@example.test',
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['color', 'companyName', 'from', 'logoUrl', 'replyTo']);
    expect(emailBrandBody.parse({ ...SAVED, logoUrl: '', replyTo: '' })).toMatchObject({
      logoUrl: null,
      replyTo: null,
    });
    expect(emailBrandBody.safeParse({ ...SAVED, from: 'accounts@globex.test' }).success).toBe(true);
  });

  it('environment defaults until saved; a save is audited with before and after', async () => {
    const before = await getEmailBrandView();
    expect(before).toMatchObject({
      source: 'environment',
      companyName: 'Acme Cloud',
      from: 'Acme Billing <billing@acme.test>',
    });
    const saved = await saveEmailBrand(w.admin, emailBrandBody.parse(SAVED), 'req-brand-1');
    expect(saved).toMatchObject({ source: 'settings', companyName: 'Globex Payments', color: '#b91c1c' });
    expect(saved.defaults.companyName).toBe('Acme Cloud');
    const audit = await getDb().auditEvent.findFirstOrThrow({
      where: { action: 'email_brand.updated', requestId: 'req-brand-1' },
    });
    expect(audit.actorId).toBe(w.admin.id);
    expect(audit.before).toMatchObject({ source: 'environment', companyName: 'Acme Cloud' });
    expect(audit.after).toMatchObject({ companyName: 'Globex Payments', from: SAVED.from });
  });

  it('the preview, the sent HTML/text and the From header received over SMTP carry the stored brand', async () => {
    const payload = SAMPLE_PAYLOADS(w).upgrade_offer;
    const preview = await previewEmail(payload as never, w.customer.id);
    expect(preview.from).toBe(SAVED.from);
    expect(preview.html).toContain('#b91c1c');
    expect(preview.html).toContain('https://static.globex.test/mark.png');
    expect(preview.html).not.toContain('Acme Cloud');

    const actionId = await approveEmail(w, payload);
    await deliverDueOutbox();
    const row = await getDb().emailMessage.findFirstOrThrow({ where: { actionId } });
    const mail = smtp.received.find((m) => m.parsed.messageId === row.messageId)!;
    expect(mail).toBeDefined();
    expect(mail.parsed.from?.value).toEqual([{ name: 'Globex, Billing', address: 'accounts@globex.test' }]);
    expect(mail.envelope.from).toBe('accounts@globex.test');
    expect(row.messageId).toMatch(/@globex\.test>$/);
    const html = String(mail.parsed.html);
    expect(html).toContain('Globex Payments');
    expect(html).toContain('#b91c1c');
    expect(html).not.toContain('Acme Cloud');
    expect(String(mail.parsed.text)).toContain('Globex Payments');
  });

  it('reset goes back to the environment brand (audited)', async () => {
    const view = await resetEmailBrand(w.admin, 'req-brand-2');
    expect(view.source).toBe('environment');
    expect(await getDb().auditEvent.count({ where: { action: 'email_brand.reset', requestId: 'req-brand-2' } })).toBe(
      1,
    );
    const preview = await previewEmail(SAMPLE_PAYLOADS(w).plain as never, w.customer.id);
    expect(preview.from).toBe('Acme Billing <billing@acme.test>');
    expect(preview.html).toContain('Acme Cloud');
  });
});
