import { expect, request as pwRequest, test, type APIRequestContext } from '@playwright/test';
import { draftCreditByApi } from '../fixtures/actions';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

// A reviewer's day in the queue: its place is in the URL (deep links survive a reload, Back
// restores filters), a decision can be taken back for a few seconds before anything is sent, a
// large one is confirmed instead, a refused key says why, amounts are read strictly, and a failed
// execution reaches the person who approved it. Actions are drafted by an admin, so revops (who
// did not draft them) may decide them.

let admin: APIRequestContext;
test.beforeAll(async ({ baseURL }) => {
  admin = await pwRequest.newContext({ baseURL, storageState: storageStateFor('admin') });
});
test.afterAll(() => admin.dispose());

const draft = (baseURL: string | undefined, amountMinor: number) => draftCreditByApi(admin, baseURL!, amountMinor);
const statusOf = async (request: APIRequestContext, id: string) =>
  (await (await request.get(`/api/v1/actions/${id}`)).json()) as {
    status: string;
    approvals: { decision: string }[];
  };

test('a deep link opens the action on reload, outside the filter; Back restores the filters', async ({
  page,
  baseURL,
}) => {
  const { id } = await draft(baseURL, 1_700);
  const detail = page.getByTestId('action-detail');

  // A pending action linked under the "decided" filter: not in that list, shown all the same.
  await page.goto(`/approvals/${id}?status=done`);
  await expect(detail).toHaveAttribute('data-action-id', id);
  await expect(page.getByLabel('Status')).toHaveValue('done');
  await page.reload();
  await expect(detail).toHaveAttribute('data-action-id', id);
  await expect(page.getByLabel('Status')).toHaveValue('done');

  // Filters are history entries; selecting an action rewrites the current one.
  await page.goto('/approvals');
  await expect(page.getByTestId('action-row').first()).toBeVisible();
  await page.getByLabel('Kind').selectOption('credit');
  await expect(page).toHaveURL(/\/approvals\?kind=credit$/);
  await expect(page.getByLabel('Kind').locator('option[value="credit"]')).toHaveText(/^Credit \(\d+\)$/);
  await page.getByLabel('Sort').selectOption('amount');
  await expect(page).toHaveURL(/\/approvals\?kind=credit&sort=amount$/);
  await page.locator(`[data-testid="action-row"][data-action-id="${id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/approvals/${id}\\?kind=credit&sort=amount$`));
  await expect(detail).toHaveAttribute('data-action-id', id);

  await page.goBack();
  await expect(page).toHaveURL(/\/approvals\?kind=credit$/);
  await expect(page.getByLabel('Sort')).toHaveValue('');
  await expect(page.getByLabel('Kind')).toHaveValue('credit');
  await page.goBack();
  await expect(page).toHaveURL(/\/approvals$/);
  await expect(page.getByLabel('Kind')).toHaveValue('');
});

test('undo within the window sends nothing; without undo the approval is sent after it', async ({
  page,
  request,
  baseURL,
}) => {
  const kept = await draft(baseURL, 1_800);
  const approved = await draft(baseURL, 1_900);
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/api/v1/actions/')) sent.push(r.url());
  });

  await page.goto(`/approvals/${kept.id}`);
  const detail = page.getByTestId('action-detail');
  await expect(detail).toHaveAttribute('data-action-id', kept.id);
  await expect(detail.getByRole('button', { name: /Approve/ })).toBeEnabled();
  await page.keyboard.press('a');
  const undoToast = page.getByTestId('toast').filter({ hasText: 'Approving' });
  await expect(undoToast).toBeVisible();
  // It leaves the list at once; Undo brings it back, selected.
  await expect(page.locator(`[data-testid="action-row"][data-action-id="${kept.id}"]`)).toHaveCount(0);
  await undoToast.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Undone' })).toBeVisible();
  await expect(detail).toHaveAttribute('data-action-id', kept.id);
  await expect(page.locator(`[data-testid="action-row"][data-action-id="${kept.id}"]`)).toHaveCount(1);

  // Another approval, left alone, goes out once its window has passed — by then the first
  // one's window is long over too, and nothing was sent for it.
  await page.locator(`[data-testid="action-row"][data-action-id="${approved.id}"]`).click();
  await expect(detail).toHaveAttribute('data-action-id', approved.id);
  await page.keyboard.press('a');
  await expect(page.getByTestId('toast').filter({ hasText: 'Approved:' })).toBeVisible({ timeout: 15_000 });
  expect(sent.filter((u) => u.includes(kept.id))).toEqual([]);
  expect(sent.filter((u) => u.includes(`${approved.id}/approve`))).toHaveLength(1);
  expect((await statusOf(request, kept.id)).status).toBe('pending_approval');
  expect((await statusOf(request, approved.id)).status).not.toBe('pending_approval');
});

test('approving above the policy amount asks first and is sent at once when confirmed', async ({
  page,
  request,
  baseURL,
}) => {
  // Credits need two approvers above $200 (the seeded policy): that is the confirmation amount.
  const { id } = await draft(baseURL, 25_000);
  await page.goto(`/approvals/${id}`);
  await expect(page.getByTestId('action-detail')).toHaveAttribute('data-action-id', id);
  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Approve $250.00?' });
  await expect(dialog).toBeVisible();
  // Cancel sends nothing.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect((await statusOf(request, id)).approvals).toEqual([]);

  await page
    .getByTestId('action-detail')
    .getByRole('button', { name: /Approve/ })
    .click();
  await page.getByRole('dialog').getByRole('button', { name: 'Approve $250.00' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'a second approver is needed' })).toBeVisible();
  await expect(page.getByTestId('toast').filter({ hasText: 'Approving' })).toHaveCount(0);
  expect((await statusOf(request, id)).approvals).toMatchObject([{ decision: 'approved' }]);
});

test('support pressing a or r hears why; nothing is sent', async ({ browser, baseURL }) => {
  const { id } = await draft(baseURL, 2_100);
  const ctx = await browser.newContext({ storageState: storageStateFor('support') });
  const page = await ctx.newPage();
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST') sent.push(r.url());
  });
  await page.goto(`/approvals/${id}`);
  await expect(page.getByTestId('action-detail')).toHaveAttribute('data-action-id', id);
  await page.keyboard.press('a');
  await expect(
    page.getByTestId('toast').filter({ hasText: 'You cannot approve actions: your role does not include deciding' }),
  ).toBeVisible();
  await page.keyboard.press('r');
  await expect(page.getByTestId('toast').filter({ hasText: 'You cannot reject actions' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(sent.filter((u) => u.includes('/api/v1/actions'))).toEqual([]);
  await ctx.close();
});

test('the amount editor refuses 1e3 and too many decimals, shows the cap and warns above it', async ({
  page,
  baseURL,
}) => {
  const { id } = await draft(baseURL, 2_200);
  const edits: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/revisions')) edits.push(r.url());
  });
  await page.goto(`/approvals/${id}`);
  await expect(page.getByTestId('action-detail')).toHaveAttribute('data-action-id', id);
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog');
  const amount = dialog.getByLabel(/Amount/);
  await expect(dialog.getByTestId('amount-cap')).toHaveText(
    'Policy cap $500.00 per action · two approvers above $200.00',
  );
  for (const [typed, says] of [
    ['1e3', 'Enter an amount like 1,234.50'],
    ['12.345', 'USD amounts have at most 2 decimals'],
    ['1,000.5.', 'Enter an amount like 1,234.50'],
  ] as const) {
    await amount.fill(typed);
    await expect(amount).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog).toContainText(says);
    await dialog.getByRole('button', { name: 'Save revision' }).click();
  }
  expect(edits).toEqual([]);
  await amount.fill('1,000');
  await expect(dialog.getByTestId('amount-over-cap')).toContainText('Above the policy cap of $500.00');
  await amount.fill('45.10');
  await dialog.getByRole('button', { name: 'Save revision' }).click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved revision 2' })).toBeVisible();
  await expect(page.getByTestId('action-detail').getByTestId('action-headline')).toContainText('$45.10');
  expect(edits).toHaveLength(1);
});

test('a failed execution after approval notifies the approver and waits in the failed inbox', async ({
  page,
  baseURL,
}) => {
  // A Slack post to an integration that does not exist: approved fine, its delivery dies.
  const tag = `${Date.now()}`;
  const res = await admin.post('/api/v1/actions', {
    headers: { origin: baseURL! },
    data: {
      kind: 'slack_post',
      customerId: 'cus_demo_004',
      title: `Slack heads-up ${tag}`,
      payload: { text: `Heads-up ${tag}`, integrationId: `int_missing_${tag}` },
    },
  });
  expect(res.status()).toBe(201);
  const { actionId } = (await res.json()) as { actionId: string };

  await page.goto(`/approvals/${actionId}`);
  await expect(page.getByTestId('action-detail')).toHaveAttribute('data-action-id', actionId);
  await page.keyboard.press('a');
  await expect(page.getByTestId('toast').filter({ hasText: 'Approved:' })).toBeVisible({ timeout: 15_000 });
  // The reviewer has moved on to another page; the failure finds them there.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customers' }).click();
  const failed = page
    .getByTestId('toast')
    .filter({ hasText: `Execution failed after your approval: Slack heads-up ${tag}` });
  await expect(failed).toBeVisible({ timeout: 45_000 });
  await failed.getByRole('button', { name: 'Open' }).click();
  await expect(page).toHaveURL(new RegExp(`/approvals/${actionId}\\?status=failed$`));
  await expect(page.getByLabel('Status')).toHaveValue('failed');
  await expect(page.locator(`[data-testid="action-row"][data-action-id="${actionId}"]`)).toBeVisible();
});
