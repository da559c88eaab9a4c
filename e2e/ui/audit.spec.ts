import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// RevOps read the trail by name, narrow it to one actor (kept in the URL) and open an event from
// the keyboard. Paging past 100 events: tests/audit/audit-list.test.ts (the e2e world is smaller).
test('revops filters the audit trail by actor and opens an event by keyboard', async ({ page }) => {
  await page.goto('/audit');
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();

  await page.getByLabel('Actor').selectOption({ label: 'Usage Analyst' });
  await expect(page).toHaveURL(/actorId=usage-analyst/);
  await expect(rows.first()).toContainText('Usage Analyst');
  await expect(rows.filter({ hasNotText: 'Usage Analyst' })).toHaveCount(0);
  await expect(page.getByText(/^\d+ events: the whole trail for these filters\.$/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Actor')).toHaveValue('usage-analyst');
  await expect(rows.first()).toContainText('Usage Analyst');

  const first = rows.first().getByRole('button', { name: /^Open audit event \d+$/ });
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('audit-detail')).toContainText('Usage Analyst');
});
