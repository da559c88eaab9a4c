import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('support') });

// The seeded e2e world (seed 424242, 30 customers, 20 days to 2026-11-20 12:00 UTC): customer 8 is
// the runaway one (usage climbing to ~25x over the last three days); the seed runs the real Usage
// Analyst on it, which drafts a review and a Slack alert (no upgrade: the growth is not organic).
test('the customer page charts usage against quota with the forecast band and marks anomalies', async ({ page }) => {
  await page.goto('/customers/cus_demo_008');
  const api = page.getByTestId('meter-insight-api_calls');
  // The first customer page of the UI project loads while the API project and the worker's
  // start-up runs share the two cores: give its insights the same 30 s as the decisions below.
  await expect(api).toBeVisible({ timeout: 30_000 });

  const quota = api.getByTestId('quota-chart');
  await expect(quota.getByTestId('forecast-band').first()).toBeAttached();
  await expect(quota.getByTestId('limit-line')).toHaveAttribute('aria-label', 'Included 100,000 requests');
  await expect(quota.getByTestId('hard-limit-line')).toHaveAttribute('aria-label', 'Hard limit 150,000 requests');

  const marker = api.getByTestId('hourly-chart').getByTestId('anomaly-marker');
  await expect(marker.first()).toBeAttached();
  await expect(marker.first()).toHaveAttribute('aria-label', /^Runaway growth at Nov 1[78], 2026.*, score 0\.\d\d$/);
  await expect(api.getByTestId('anomaly-item').first()).toContainText('Runaway growth');
  await expect(api.getByTestId('anomaly-item').first()).toContainText('still going on');

  await expect(api.getByTestId('utilisation')).toHaveText(/^\d+%$/);
  await expect(api.getByTestId('forecast-summary')).toContainText(
    /Forecast at period end: [\d,]+ requests \(80%: [\d,]+ – [\d,]+\)/,
  );
  await expect(api.getByTestId('crossing-date')).toContainText(/included quantity/);

  // A steady meter of the same customer: a band and a limit line, no markers.
  const storage = page.getByTestId('meter-insight-storage_gb');
  await expect(storage.getByTestId('limit-line')).toBeAttached();
  await expect(storage.getByTestId('anomaly-marker')).toHaveCount(0);
});

test("the customer page explains the usage analyst's drafted actions and links to approvals", async ({ page }) => {
  await page.goto('/customers/cus_demo_008');
  const decision = page.getByTestId('usage-decision').filter({ hasText: 'Review runaway growth' }).first();
  // The runaway customer's insights (every hour of three meters through the detector) take a while
  // on a loaded machine; the decisions arrive with them.
  await expect(decision).toBeVisible({ timeout: 30_000 });
  await expect(decision.getByTestId('decision-reasoning')).toContainText('runaway growth in API calls usage');
  await expect(decision).toContainText('CRM task');
  await decision.getByRole('link', { name: 'Open in approvals' }).click();
  await expect(page).toHaveURL(/\/approvals$/);
});
