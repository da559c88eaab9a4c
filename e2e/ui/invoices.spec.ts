import { expect, test, type APIRequestContext } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

// Invoice intelligence in the browser: from the Invoices list to an invoice's plain-English
// explanation (built-in writer: the e2e server has no model), the source of a number on hover,
// and the month-over-month drivers that add up to the change in total.

// "+$1,234.50" / "-$12.00" → signed cents (the seeded world is in USD).
const toMinor = (display: string) =>
  (display.includes('-') ? -1 : 1) * Math.round(Number(display.replace(/[^0-9.]/g, '')) * 100);

/** An invoice whose total changed since the previous one (so it has drivers), found through the API. */
async function invoiceWithDrivers(request: APIRequestContext): Promise<{ id: string; number: string }> {
  const { items } = await (await request.get('/api/v1/invoices?limit=200')).json();
  for (const inv of items) {
    const { items: explanations } = await (await request.get(`/api/v1/invoices/${inv.id}/explanations`)).json();
    if (explanations[0]?.change?.drivers.length > 0) return { id: inv.id, number: inv.number };
  }
  throw new Error('no seeded invoice with month-over-month drivers');
}

test.describe('as support', () => {
  test.use({ storageState: storageStateFor('support') });

  test('opens an invoice from the list, reads its explanation, hovers a number for its source and reads the drivers', async ({
    page,
    request,
  }) => {
    const target = await invoiceWithDrivers(request);
    await page.goto('/invoices');
    await page.getByLabel('Search invoices').fill(target.number);
    await expect(page.getByTestId('invoice-row')).toHaveCount(1);
    await page.getByTestId('invoice-row').getByRole('link', { name: target.number }).click();
    await expect(page).toHaveURL(new RegExp(`/invoices/${target.id}$`));
    await expect(page.getByRole('heading', { name: `Invoice ${target.number}` })).toBeVisible();

    const explanation = page.getByTestId('invoice-explanation');
    await expect(explanation.getByTestId('writer-label')).toHaveText('Built-in writer (no AI model configured)');
    await expect(page.getByTestId('explanation-summary')).toContainText(`Invoice ${target.number} covers`);
    await expect(page.getByTestId('explanation-line').first()).toBeVisible();
    await expect(page.getByTestId('explanation-provenance')).toContainText(
      'Provider builtin · model builtin-writer · prompt builtin-writer/v1',
    );
    await expect(page.getByTestId('invoice-line-row').first()).toBeVisible();

    // The total in the summary: hover shows the fact and its value.
    const total = page.getByTestId('explanation-summary').getByTestId('fact-number').nth(2);
    const totalText = (await total.textContent())!;
    await total.hover();
    const tooltip = page.getByTestId('fact-tooltip');
    await expect(tooltip).toBeVisible();
    await expect(tooltip).toContainText(`invoice.total = ${totalText}`);
    await expect(page.getByTestId('invoice-total')).toContainText(totalText);
    // A number in a usage line names that line's fact.
    const usageNumber = page
      .getByTestId('explanation-line')
      .filter({ hasText: 'used from' })
      .first()
      .getByTestId('fact-number')
      .first();
    await usageNumber.hover();
    await expect(page.getByTestId('fact-tooltip')).toContainText(/^line\.\S+\.quantity = [\d,.]+/);

    // Drivers: every row is a reason, and the rows add up to the total change.
    const drivers = page.getByTestId('change-drivers');
    await expect(drivers.getByTestId('driver-row').first()).toBeVisible();
    const rows = await drivers.getByTestId('driver-row').locator('td:last-child').allTextContents();
    const totalChange = (await drivers.getByTestId('driver-total').locator('td:last-child').textContent())!;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.reduce((s, r) => s + toMinor(r), 0)).toBe(toMinor(totalChange));
    await expect(page.getByRole('heading', { name: 'What changed since last month' }).first()).toBeVisible();

    // Support reads; regenerating and posting are for revops and admins.
    await expect(page.getByRole('button', { name: 'Regenerate' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Post to Slack' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeVisible();
  });
});

test.describe('as revops', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('regenerates an explanation and drafts a Slack post that waits for approval', async ({ page, request }) => {
    const { items } = await (await request.get('/api/v1/invoices?limit=1&offset=7')).json();
    const invoice = items[0];
    await page.goto(`/invoices/${invoice.id}`);
    await expect(page.getByTestId('writer-label')).toHaveText('Built-in writer (no AI model configured)');
    const count = async () =>
      (await (await request.get(`/api/v1/invoices/${invoice.id}/explanations`)).json()).items.length;
    const before = await count();
    await page.getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(count).toBe(before + 1);
    await expect(page.getByRole('button', { name: 'Regenerate' })).toBeEnabled();
    await expect(page.getByTestId('writer-label')).toHaveText('Built-in writer (no AI model configured)');

    await page.getByRole('button', { name: 'Post to Slack' }).click();
    await expect(page.getByTestId('slack-outcome')).toContainText('Drafted a Slack post for approval.');
    const { items: actions } = await (await request.get('/api/v1/actions?kind=slack_post')).json();
    expect(
      actions.some(
        (a: { title: string; status: string }) => a.title.includes(invoice.number) && a.status === 'pending_approval',
      ),
    ).toBe(true);
  });
});
