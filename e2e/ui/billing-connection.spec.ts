import { expect, request as pwRequest, test } from '@playwright/test';
import { fakeStripeUrl, storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('admin') });

// An admin connects Stripe (the e2e server's key points at the fake), tests the connection,
// imports the account with a progress bar per object type, and finds the imported catalog.
test('connect Stripe, import with progress, and review the imported catalog', async ({ page, baseURL }) => {
  const tag = `${Date.now().toString(36)}`;
  const control = await pwRequest.newContext({ baseURL });
  const put = async (object: object) =>
    expect(
      (
        await control.post(`${fakeStripeUrl()}/__fake/catalog-objects`, { form: { object: JSON.stringify(object) } })
      ).status(),
    ).toBe(201);
  await put({
    id: `prod_e2e${tag}`,
    object: 'product',
    name: `Scale ${tag}`,
    active: true,
    metadata: {},
    created: 1_700_000_000,
  });
  await put({
    id: `mtr_e2e${tag}`,
    object: 'billing.meter',
    event_name: `e2e_calls_${tag}`,
    display_name: 'E2E calls',
    default_aggregation: { formula: 'sum' },
    status: 'active',
    created: 1_700_000_000,
  });
  await put({
    id: `price_e2e${tag}`,
    object: 'price',
    active: true,
    billing_scheme: 'per_unit',
    currency: 'usd',
    product: `prod_e2e${tag}`,
    type: 'recurring',
    unit_amount: 9900,
    unit_amount_decimal: '9900',
    recurring: { interval: 'month', interval_count: 1, usage_type: 'licensed', meter: null },
    created: 1_700_000_000,
  });
  await control.dispose();

  await page.goto('/settings/billing');
  await expect(page.getByTestId('stripe-key-status')).toContainText('STRIPE_SECRET_KEY');
  await expect(page.getByTestId('webhook-url')).toHaveText(`${baseURL}/api/webhooks/stripe`);
  await expect(page.getByTestId('chargebee-status')).toContainText('Not connected');
  // Stripe's card; Chargebee's, not connected here, has its own Test connection below it.
  const stripeCard = page.locator('section', { has: page.getByRole('heading', { name: 'Stripe connection' }) });
  await stripeCard.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-test-result')).toContainText('Connected to acct_fake0001');

  await page.getByRole('button', { name: /Import (from Stripe|again)/ }).click();
  const progress = page.getByTestId('import-progress');
  await expect(progress.getByRole('progressbar', { name: 'Products' })).toBeVisible();
  await expect(progress.getByText('succeeded')).toBeVisible({ timeout: 45_000 });
  await expect(page.getByTestId('import-step-prices')).toContainText(/\d+ \/ \d+/);

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  const plan = page.getByTestId(`plan-scale_${tag}_month`);
  await expect(plan).toContainText(`Scale ${tag}`);
  await expect(plan).toContainText(`price_e2e${tag}`);
  await expect(plan).toContainText('$99.00 / month');
  await expect(page.getByTestId(`meter-e2e_calls_${tag}`)).toContainText(`mtr_e2e${tag}`);
});
