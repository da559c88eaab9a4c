import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// RevOps opens the Expansion page, reads the ranked list and a scorecard, switches to the churn
// list, exports it, and drafts a CRM task from a row — which lands in the approval queue.
test('revops works the expansion and churn-risk lists', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Expansion' }).click();
  await expect(page.getByRole('heading', { name: 'Expansion' })).toBeVisible();
  const rows = page.getByTestId('score-row');
  await expect(rows.first()).toBeVisible();
  await expect(rows.first().getByTestId('score-factors')).toContainText('/');

  await page.getByRole('tab', { name: 'Churn risk' }).click();
  await expect(page.getByRole('tab', { name: 'Churn risk' })).toHaveAttribute('aria-selected', 'true');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/^tollgate-churn-risk-\d{4}-\d{2}-\d{2}\.csv$/);

  const first = rows.first();
  const name = (await first.getByRole('link').first().textContent())!.trim();
  await first.getByRole('button', { name: 'Create CRM task' }).click();
  await expect(first.getByTestId('draft-result')).toContainText(/Drafted for approval|Approved by policy/);

  await first.getByRole('link', { name }).click();
  await expect(page.getByTestId('scorecard')).toBeVisible();
  await expect(page.getByTestId('score-churnRisk')).toContainText('Usage drop');

  await page.goto('/approvals');
  await expect(page.getByTestId('action-row').filter({ hasText: `Retention check-in with ${name}` })).toBeVisible();
});
