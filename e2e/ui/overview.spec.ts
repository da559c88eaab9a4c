import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

// The overview RevOps land on: tiles whose rows open what they count; the admin's set-up
// checklist ticks a step once it is configured on its page; support reads the overview only.
test.describe('overview as revops', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('lands on the overview and opens the largest pending action from it', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/overview$/);
    const approvals = page.getByTestId('tile-approvals');
    await expect(approvals.getByTestId('tile-approvals-figure')).toHaveText(/^\d+ actions?$/);
    await expect(approvals).toContainText('at stake');
    for (const tile of ['tile-anomalies', 'tile-quota', 'tile-dunning', 'tile-expansion'])
      await expect(page.getByTestId(tile)).toBeVisible();
    // RevOps do not configure integrations: no checklist.
    await expect(page.getByTestId('setup-checklist')).toHaveCount(0);

    // Each row is the action's own URL, /approvals/<id>.
    const largest = approvals.locator('a[href^="/approvals/"]').first();
    const href = (await largest.getAttribute('href'))!;
    await largest.click();
    await expect(page).toHaveURL(new RegExp(`${href}$`));
    await expect(page.getByTestId('action-detail')).toHaveAttribute(
      'data-action-id',
      decodeURIComponent(href.slice('/approvals/'.length)),
    );
  });
});

test.describe('overview as admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('the set-up checklist ticks the ingest step once a token exists', async ({ page, request, baseURL }) => {
    const checklist = page.getByTestId('setup-checklist');
    // Other specs may have configured everything already: the list is then folded to one line.
    const openChecklist = async () => {
      await expect(checklist.or(page.getByTestId('setup-complete'))).toBeVisible();
      if (await page.getByTestId('setup-complete').isVisible())
        await page.getByRole('button', { name: 'Show steps' }).click();
      await expect(checklist).toBeVisible();
    };
    await page.goto('/overview');
    await openChecklist();
    await expect(checklist.getByTestId('setup-step-billing')).toContainText('Connect the billing platform');
    const created = await request.post('/api/v1/ingest-tokens', {
      headers: { origin: baseURL! },
      data: { name: 'Overview gateway', source: `overview_${Date.now()}` },
    });
    expect(created.status()).toBe(201);
    await page.reload();
    await openChecklist();
    await expect(page.getByTestId('setup-step-ingest_token')).toContainText('Done');
    await page.getByTestId('setup-step-notifications').getByRole('link').click();
    await expect(page).toHaveURL(/\/integrations$/);
    await expect(page.getByRole('heading', { name: 'Integrations', level: 1 })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Add integration' })).toBeVisible();
  });
});

test.describe('overview as support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('reads the overview; the integrations page is not theirs', async ({ page }) => {
    await page.goto('/overview');
    await expect(page.getByTestId('tile-approvals')).toBeVisible();
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }),
    ).toHaveCount(0);
    await page.goto('/integrations');
    await expect(page.getByTestId('forbidden')).toBeVisible();
  });
});
