import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// The customer list's Past-due filter lives in the URL; a named view brings it back later, and
// the approval queue keeps views the same way.
test('revops filters customers to past due, saves the view and opens it again', async ({ page }) => {
  await page.goto('/customers');
  const rows = page.getByTestId('customer-row');
  await expect(rows.first()).toBeVisible();
  await page.getByLabel('Standing').selectOption('past_due');
  await expect(page).toHaveURL(/\/customers\?standing=past_due$/);
  await expect(rows.first()).toBeVisible();
  await expect(rows.filter({ hasNotText: 'Past due' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByLabel('View name').fill('Late payers');
  await page.getByRole('form', { name: 'Save view' }).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Saved views')).toHaveValue('Late payers');

  await page.goto('/customers');
  await expect(page.getByLabel('Standing')).toHaveValue('');
  await page.getByLabel('Saved views').selectOption('Late payers');
  await expect(page).toHaveURL(/\/customers\?standing=past_due$/);
  await expect(page.getByLabel('Standing')).toHaveValue('past_due');
  await page.goBack();
  await expect(page.getByLabel('Standing')).toHaveValue('');

  await page.goto('/approvals');
  await page.getByLabel('Kind').selectOption('credit');
  await page.getByRole('button', { name: 'Save view' }).click();
  await page.getByLabel('View name').fill('Credits');
  await page.getByRole('form', { name: 'Save view' }).getByRole('button', { name: 'Save' }).click();
  await page.goto('/approvals');
  await page.getByLabel('Saved views').selectOption('Credits');
  await expect(page).toHaveURL(/\/approvals\?kind=credit$/);
  await expect(page.getByLabel('Kind')).toHaveValue('credit');
});
