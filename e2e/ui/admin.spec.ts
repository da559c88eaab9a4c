import { expect, test } from '@playwright/test';
import { ROLE_USERS } from '../fixtures/e2e-world';

test('admin signs in through the form, reviews customers and manages users', async ({ page }) => {
  await page.goto('/customers');
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcustomers/);
  await page.getByLabel('E-mail').fill(ROLE_USERS.admin.email);
  await page.getByLabel('Password').fill(ROLE_USERS.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/customers$/);

  const menu = page.getByTestId('user-menu');
  await expect(menu).toContainText('Ada Admin');
  await expect(menu).toContainText('Admin');
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const item of ['Approvals', 'Customers', 'Invoices', 'Incidents', 'Audit', 'Policies', 'Settings']) {
    await expect(nav.getByRole('link', { name: item })).toBeVisible();
  }

  // 30 seeded customers; webhook specs running alongside may add a few from Stripe events.
  const label = page.getByText(/^\d+ customers$/);
  await expect(label).toBeVisible();
  const total = Number((await label.textContent())!.split(' ')[0]);
  expect(total).toBeGreaterThanOrEqual(30);
  await expect(page.getByTestId('customer-row')).toHaveCount(Math.min(total, 50));
  const first = page.getByTestId('customer-row').first();
  await expect(first.getByRole('meter').first()).toBeVisible();

  await first.getByRole('link').click();
  // The plan-and-usage card loads on its own (in parallel with the others).
  await expect(page.getByTestId('usage-list').locator('li')).toHaveCount(3, { timeout: 30_000 });
  await expect(page.getByTestId('usage-api_calls')).toContainText('/');

  await nav.getByRole('link', { name: 'Settings' }).click();
  const email = `new-analyst-${Date.now()}@example.test`;
  const form = page.getByRole('form', { name: 'Add user' });
  await form.getByLabel('Name').fill('New Analyst');
  await form.getByLabel('E-mail').fill(email);
  await form.getByLabel('Role').selectOption('revops');
  await form.getByRole('button', { name: 'Add user' }).click();
  const row = page.getByTestId('user-row').filter({ hasText: email });
  await expect(row).toBeVisible();
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue('revops');

  await row.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled')).toBeVisible();

  await nav.getByRole('link', { name: 'Audit' }).click();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'user.created' }).first()).toBeVisible();
  await expect(page.getByTestId('audit-row').filter({ hasText: 'user.updated' }).first()).toBeVisible();
});

test('a wrong password shows a clear message and stays on the login page', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(ROLE_USERS.admin.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('That e-mail and password do not match an active account.');
  await expect(page).toHaveURL(/\/login/);
});
