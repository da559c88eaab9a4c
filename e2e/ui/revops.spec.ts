import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

test('revops reviews the queue, policies, invoices and audit trail', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId('tile-approvals-figure')).toContainText('actions');
  await page.getByRole('link', { name: 'Open the approval queue' }).click();
  await expect(page.getByRole('heading', { name: 'Approvals' })).toBeVisible();
  await expect(page.getByTestId('action-row').first()).toBeVisible();
  await expect(page.getByTestId('user-menu')).toContainText('RevOps');

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Policies' }).click();
  await expect(page.getByTestId('policy-row')).toHaveCount(6);
  await expect(page.getByTestId('policy-row').filter({ hasText: 'credit' })).toContainText('$500.00');

  await nav.getByRole('link', { name: 'Invoices' }).click();
  // 90 seeded (30 customers × 3 cycles); other specs may add invoices through webhooks meanwhile.
  const invoiceCount = Number((await page.getByText(/^\d+ invoices$/).textContent())?.split(' ')[0]);
  expect(invoiceCount).toBeGreaterThanOrEqual(90);
  await page.getByLabel('Status').selectOption('open');
  await expect(page.getByTestId('invoice-row').first()).toContainText('open');
  const openCount = await page.getByTestId('invoice-row').count();
  expect(openCount).toBeGreaterThan(0);
  expect(openCount).toBeLessThan(30);

  await nav.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.getByTestId('forbidden')).toHaveCount(0);
});
