import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('support') });

// Ctrl-K from any page: a customer found by its billing id opens its page; a command navigates;
// support is never offered the audit trail.
test('the command palette finds a customer by billing id and runs a command', async ({ page }) => {
  await page.goto('/invoices');
  const customer = await (await page.request.get('/api/v1/customers/cus_demo_003')).json();
  await page.keyboard.press('Control+k');
  const input = page.getByPlaceholder(/Search customers/);
  await expect(input).toBeFocused();
  await input.fill(customer.externalId);
  const hit = page.getByRole('option', { name: new RegExp(customer.name) });
  await expect(hit).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/customers\/cus_demo_003$/);
  await expect(page.getByRole('heading', { name: customer.name })).toBeVisible();

  await page.keyboard.press('Control+k');
  await page.getByPlaceholder(/Search customers/).fill('go to pol');
  await expect(page.getByRole('option', { name: 'Go to Audit' })).toHaveCount(0);
  await page.getByRole('option', { name: 'Go to Policies' }).click();
  await expect(page).toHaveURL(/\/policies$/);
});
