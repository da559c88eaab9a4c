import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

// The policy screen's agent workflows: the phase with its evidence and promotion checks; an admin
// who wants autopilot before the 90 days asks for an override in writing, and the card says it
// waits for a second admin. Usage Analyst · CRM task is this journey's own workflow.
const card = (page: import('@playwright/test').Page, title: string) =>
  page.locator('section').filter({ has: page.getByTestId('workflow-title').filter({ hasText: title }) });

test.describe('admin', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('reads a workflow’s evidence and requests an autopilot override in writing', async ({ page }) => {
    await page.goto('/policies');
    const dunning = card(page, 'Billing Ops · dunning · Dunning step');
    await expect(dunning).toContainText('assist', { timeout: 30_000 });
    await expect(dunning.getByTestId('workflow-evidence')).toContainText(/drafts decided/);
    await expect(dunning.getByRole('list', { name: 'Promotion criteria' })).toContainText(
      /✗ at least 90 days in assist — now \d+/,
    );
    await expect(dunning.getByRole('button', { name: 'Promote to autopilot' })).toHaveCount(0);

    const crm = card(page, 'Usage Analyst · CRM task');
    await crm.getByRole('button', { name: 'Request override…' }).click();
    await crm
      .getByRole('textbox')
      .fill('Runaway reviews have been right all quarter; the team wants them filed at once.');
    await crm.getByRole('button', { name: 'Send for a second admin' }).click();
    await expect(crm.getByTestId('workflow-override')).toContainText('waiting for a second admin');
    // The one who asked cannot also approve (dual control).
    await expect(crm.getByRole('button', { name: 'Approve override' })).toHaveCount(0);
  });
});

test.describe('revops', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('sees the workflows and their evidence, without the admin buttons', async ({ page }) => {
    await page.goto('/policies');
    const dunning = card(page, 'Billing Ops · dunning · Dunning step');
    await expect(dunning.getByTestId('workflow-evidence')).toBeVisible({ timeout: 30_000 });
    await expect(dunning.getByRole('button')).toHaveCount(0);
  });
});
