import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('support') });

test('support reads customers and incidents but not the audit trail or user admin', async ({ page }) => {
  await page.goto('/customers');
  await expect(page.getByTestId('user-menu')).toContainText('Support');
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Audit' })).toHaveCount(0);

  await page.getByLabel('Search customers').fill('Acme');
  await expect(page.getByTestId('customer-row')).toHaveCount(2);
  await expect(page.getByTestId('customer-row').first()).toContainText('Acme');

  await nav.getByRole('link', { name: 'Incidents' }).click();
  // The seeded incident; the SLA-credits journey running alongside may have opened another.
  await expect(page.getByTestId('incident').first()).toBeVisible();
  expect(await page.getByTestId('incident').count()).toBeGreaterThanOrEqual(1);
  const seeded = page.getByTestId('incident').filter({ hasText: 'Elevated 5xx errors on the API gateway' });
  await expect(seeded).toContainText('customers affected');

  await page.goto('/audit');
  await expect(page.getByTestId('forbidden')).toContainText('It needs the Admin or RevOps role');
  await expect(page.getByTestId('audit-row')).toHaveCount(0);

  await nav.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Users, roles and ingest tokens are managed by admins.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add user' })).toHaveCount(0);
});

test('the customer page shows the default card, and the seeded card expiring next month is flagged', async ({
  page,
  request,
}) => {
  const { items } = await (await request.get('/api/v1/customers?limit=50')).json();
  let expiring: { id: string; last4: string } | null = null;
  for (const c of items as { id: string }[]) {
    const { defaultCard } = await (await request.get(`/api/v1/customers/${c.id}/payments`)).json();
    if (defaultCard?.expiresSoon) {
      expiring = { id: c.id, last4: defaultCard.last4 };
      break;
    }
  }
  if (!expiring) throw new Error('the demo world has no default card expiring this month or next');
  await page.goto(`/customers/${expiring.id}`);
  const card = page.getByTestId('default-card');
  await expect(card).toContainText(`•••• ${expiring.last4}`, { timeout: 30_000 });
  await expect(card).toContainText(/expires \d{2}\/\d{4}/);
  await expect(card).toContainText('Expires soon');
});
