import { expect, test } from '@playwright/test';
import { fakeStripeUrl, storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// The heart of the console: an agent-drafted SLA credit is edited by revops and approved by an admin
// (its editor may not approve it) in the browser, executes once against (fake) Stripe, and the
// audit trail shows every step with the chain intact.
test('revops edits a drafted credit, an admin approves it; it executes once and the audit trail shows it all', async ({
  browser,
  page,
  request,
}) => {
  await page.goto('/approvals');
  const row = page.getByTestId('action-row').filter({ hasText: 'SLA credit' }).first();
  await expect(row).toBeVisible();
  await row.click();
  const detail = page.getByTestId('action-detail');
  // The real SLA agent's decision (seeded by running it): it names the incident it assessed.
  await expect(detail.getByTestId('agent-reasoning')).toContainText('Incident');
  await expect(detail).toContainText('Evidence the agent saw');

  // Edit with the keyboard shortcut: a new revision with a new amount.
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/Amount/).fill('123.45');
  await dialog.getByLabel('Note for reviewers (optional)').fill('Customer is on an annual contract');
  await dialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved revision 2' })).toBeVisible();
  await expect(detail.getByTestId('action-headline')).toContainText('$123.45');
  await expect(detail.getByTestId('revisions').locator('li')).toHaveCount(2);

  const actionId = await page.evaluate(async () => {
    const res = await fetch('/api/v1/actions');
    const { items } = (await res.json()) as { items: { id: string; title: string }[] };
    return items.find((a) => a.title.startsWith('SLA credit'))!.id;
  });

  // Maker–checker: having edited it, revops cannot approve it; an admin approves with the keyboard.
  await expect(detail.getByRole('button', { name: /Approve/ })).toBeDisabled();
  await expect(detail.getByTestId('cannot-decide')).toBeVisible();
  const adminCtx = await browser.newContext({ storageState: storageStateFor('admin') });
  const adminPage = await adminCtx.newPage();
  await adminPage.goto('/approvals');
  await adminPage.getByTestId('action-row').filter({ hasText: 'SLA credit' }).filter({ hasText: '$123.45' }).click();
  await expect(adminPage.getByTestId('action-detail').getByTestId('action-headline')).toContainText('$123.45');
  await adminPage.keyboard.press('a');
  // The approval is sent once its undo window (5 s) has passed.
  await expect(adminPage.getByTestId('toast').filter({ hasText: 'Approved:' })).toBeVisible({ timeout: 15_000 });
  await adminCtx.close();

  // The worker executes it against the fake Stripe server.
  await expect
    .poll(async () => (await (await request.get(`/api/v1/actions/${actionId}`)).json()).status, { timeout: 20_000 })
    .toBe('executed');
  const { effects } = await (await request.get(`${fakeStripeUrl()}/__fake/effects`)).json();
  const mine = effects.filter((e: { idempotencyKey: string }) => e.idempotencyKey === `tollgate-action-${actionId}-r2`);
  expect(mine).toHaveLength(1);
  expect(mine[0]).toMatchObject({ kind: 'credit_note', body: { 'lines[0][unit_amount]': '12345' } });

  // The audit trail: proposal → edit → approval → execution, and the chain verifies.
  const audit = await (await request.get(`/api/v1/audit-events?targetId=${actionId}`)).json();
  expect(audit.items.map((e: { action: string }) => e.action).reverse()).toEqual([
    'action.proposed',
    'action.edited',
    'action.approved',
    'action.executed',
  ]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await page.getByLabel('Action (prefix, e.g. action.)').fill('action.');
  await expect(page.getByTestId('audit-row').filter({ hasText: 'action.executed' }).first()).toBeVisible();
  // This action's edit: other specs edit their own credits at the same time.
  await page
    .getByTestId('audit-row')
    .filter({ hasText: 'action.edited' })
    .filter({ hasText: actionId })
    .first()
    .click();
  await expect(page.getByTestId('audit-detail')).toContainText('12345');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('chain-verdict')).toContainText('Chain intact');
});

test('support can read the queue but not decide', async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: storageStateFor('support') });
  const page = await ctx.newPage();
  await page.goto('/approvals');
  await page.getByTestId('action-row').first().click();
  await expect(page.getByTestId('action-detail')).toBeVisible();
  await expect(page.getByRole('button', { name: /Approve/ })).toBeDisabled();
  await expect(page.getByTestId('cannot-decide')).toBeVisible();
  await ctx.close();
});
