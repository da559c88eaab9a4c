import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// An e-mail's journey: revops opens a drafted e-mail in the queue, reads the rendered preview at
// desktop, mobile and plain-text widths, edits the subject; an admin approves it (its editor may
// not); the e-mail server (a real local SMTP server beside the e2e app) accepts it and the delivery
// is recorded on the action. Then an admin rebrands and the preview shows the new brand.
test('revops previews and edits a drafted e-mail, an admin approves it, its delivery is recorded; a rebrand shows in the preview', async ({
  browser,
  page,
  request,
  baseURL,
}) => {
  const tag = Date.now();
  const draft = await request.post('/api/v1/actions', {
    headers: { origin: baseURL! },
    data: {
      kind: 'email',
      customerId: 'cus_demo_003',
      title: `E-mail check-in ${tag}`,
      payload: {
        to: `billing-${tag}@example.test`,
        subject: `Checking in ${tag}`,
        body: 'Hello.\n\nHow is the API going?',
      },
    },
  });
  expect(draft.status()).toBe(201);
  const { actionId } = (await draft.json()) as { actionId: string };

  await page.goto('/approvals');
  await page
    .getByTestId('action-row')
    .filter({ hasText: `E-mail check-in ${tag}` })
    .click();
  const detail = page.getByTestId('action-detail');
  const preview = detail.getByTestId('email-preview');
  await expect(preview.getByTestId('email-preview-subject')).toHaveText(`Checking in ${tag}`);
  await expect(preview.getByTestId('email-preview-frame')).toHaveCSS('width', '640px');
  await preview.getByRole('button', { name: 'Mobile' }).click();
  await expect(preview.getByTestId('email-preview-frame')).toHaveCSS('width', '375px');
  await preview.getByRole('button', { name: 'Plain text' }).click();
  await expect(preview.getByTestId('email-preview-text')).toContainText('How is the API going?');

  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Subject').fill(`Checking in on your API usage ${tag}`);
  // The e-mail editor (fields + preview) is taller than a 900 px window and the dialog does not
  // scroll, so its button is out of reach: submit the form from the Subject field.
  await dialog.getByLabel('Subject').press('Enter');
  await expect(page.getByTestId('queue-notice')).toHaveText('Saved revision 2');
  await expect(preview.getByTestId('email-preview-subject')).toHaveText(`Checking in on your API usage ${tag}`);
  await expect(detail.getByRole('button', { name: /Approve/ })).toBeDisabled();

  // Maker–checker: an admin approves.
  const adminCtx = await browser.newContext({ storageState: storageStateFor('admin') });
  const admin = await adminCtx.newPage();
  await admin.goto('/approvals');
  await admin
    .getByTestId('action-row')
    .filter({ hasText: `E-mail check-in ${tag}` })
    .click();
  await admin.keyboard.press('a');
  await expect(admin.getByTestId('queue-notice')).toContainText('Approved');

  // Executed, handed to the SMTP server, recorded on the action.
  await expect
    .poll(
      async () => (await (await request.get(`/api/v1/email/messages?actionId=${actionId}`)).json()).items[0]?.status,
      {
        timeout: 30_000,
      },
    )
    .toBe('accepted');
  const deliveries = await (await request.get(`/api/v1/email/messages?actionId=${actionId}`)).json();
  expect(deliveries.items[0]).toMatchObject({ transport: 'smtp', subject: `Checking in on your API usage ${tag}` });
  expect(deliveries.items[0].detail).toMatch(/^250 /);

  // The admin rebrands; the preview of an e-mail shows it, then the brand is reset for other specs.
  await admin.goto('/settings');
  const form = admin.getByRole('form', { name: 'E-mail branding' });
  await form.getByLabel('Brand colour').fill('not-a-colour');
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(form.getByTestId('brand-error-color')).toContainText('hex colour');
  await form.getByLabel('Brand colour').fill('#b91c1c');
  await form.getByLabel('Company name').fill(`Globex ${tag}`);
  await form.getByLabel('From', { exact: true }).fill('Globex Billing <billing@globex.test>');
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(form.getByTestId('brand-saved')).toBeVisible();
  const rebranded = await admin.request.post('/api/v1/email/preview', {
    headers: { origin: baseURL! },
    data: { payload: { to: 'x@example.test', subject: 'Hi', body: 'Hi' }, customerId: null },
  });
  const html = ((await rebranded.json()) as { html: string; from: string }).html;
  expect(html).toContain(`Globex ${tag}`);
  expect(html).toContain('#b91c1c');
  await admin.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(form.getByTestId('brand-saved')).toContainText('defaults');
  await adminCtx.close();
});
