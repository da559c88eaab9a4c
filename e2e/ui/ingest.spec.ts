import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.describe('admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('creates a token, sees the secret once, sends an event with it and sees the count', async ({
    page,
    request,
  }) => {
    const source = `ui-journey-${Date.now()}`;
    await page.goto('/ingest');
    await expect(page.getByRole('heading', { name: 'Usage ingest' })).toBeVisible();
    const form = page.getByRole('form', { name: 'Create ingest token' });
    await form.getByLabel('Name').fill('Journey gateway');
    await form.getByLabel('Source').fill(source);
    await form.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('new-token-secret').textContent())!.trim();
    expect(secret).toMatch(/^tg_ingest_/);
    const row = page.getByTestId('token-row').filter({ hasText: source });
    await expect(row).toContainText('Active');
    await expect(row).not.toContainText(secret);

    const res = await request.post('/api/v1/usage', {
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      data: JSON.stringify({
        idempotencyKey: `ui-${source}`,
        customerId: 'cus_demo_001',
        meter: 'api_calls',
        quantity: 5,
        timestamp: new Date().toISOString(),
      }),
    });
    expect(res.status()).toBe(202);

    // The counts are written within a second and the page refreshes every few seconds.
    const stat = page.locator(`[data-testid="ingest-stat-row"][data-source="${source}"]`);
    await expect(stat.getByTestId('stat-accepted')).toHaveText('1', { timeout: 15_000 });
    await expect(stat.getByTestId('stat-rejected')).toHaveText('0');

    // Shown once: after a reload only the prefix remains.
    await page.reload();
    await expect(page.getByTestId('new-token-secret')).toHaveCount(0);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('token-row').filter({ hasText: source }).getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByTestId('token-row').filter({ hasText: source })).toContainText('Revoked');
  });
});

test.describe('revops', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('sees the counts but not the tokens', async ({ page }) => {
    await page.goto('/ingest');
    await expect(page.getByRole('heading', { name: 'Events per source, last 7 days' })).toBeVisible();
    await expect(page.getByText('Ingest tokens are managed by admins.')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Create ingest token' })).toHaveCount(0);
  });
});
