import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// An e-mail's journey: revops opens a drafted e-mail in the queue, reads the rendered preview at
// desktop, mobile and plain-text widths, edits the subject; an admin approves it (its editor may
// not); the e-mail server (a real local SMTP server beside the e2e app) accepts it and the delivery
// is recorded on the action. Then the branding form refuses a bad colour next to the field.
test('revops previews and edits a drafted e-mail, an admin approves it, its delivery is recorded; the branding form names a bad colour', async ({
  browser,
  page,
  request,
  baseURL,
}) => {
  // Two people, a worker execution and an SMTP hand-off: longer than one page's default minute.
  test.setTimeout(120_000);
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
  // Enter in a field submits the editor, as the Save button does.
  await dialog.getByLabel('Subject').press('Enter');
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved revision 2' })).toBeVisible();
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
  const approve = admin.getByTestId('action-detail').getByRole('button', { name: /Approve/ });
  await expect(approve).toBeEnabled();
  await approve.click();
  // The approval is sent once its undo window (5 s) has passed.
  await expect(admin.getByTestId('toast').filter({ hasText: 'Approved:' })).toBeVisible({ timeout: 15_000 });

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

  // The branding form refuses a bad colour next to the field (saving a brand: tests/email/email-brand.test.ts).
  await admin.goto('/integrations');
  const form = admin.getByRole('form', { name: 'E-mail branding' });
  await form.getByRole('textbox', { name: /^Brand colour/ }).fill('not-a-colour');
  await form.getByRole('button', { name: 'Save branding' }).click();
  await expect(form.getByTestId('brand-error-color')).toContainText('hex colour');
  await adminCtx.close();
});
