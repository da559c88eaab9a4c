import { expect, request as pwRequest, test } from '@playwright/test';
import { E2E_ALERTMANAGER_TOKEN, fakeStripeUrl, storageStateFor } from '../fixtures/e2e-world';

test.use({ storageState: storageStateFor('revops') });

const MINUTE = 60_000;

interface Assessment {
  customerId: string;
  reason: string;
  action: { id: string; status: string } | null;
}

// SLA breach credits end to end: request telemetry arrives through the ingest API, Alertmanager
// reports an outage in us-east-1 (firing, then resolved) through its signed webhook, the SLA agent
// validates the cohort from that usage and drafts the credits, revops approves the batch on the
// incident page, the credit note is issued once against the fake Stripe, the account manager is
// notified through the outbox, and the audit chain verifies.
test('Alertmanager webhook → incident → cohort → credits drafted → batch approve → executed once → notified', async ({
  page,
  request,
  baseURL,
  browser,
}) => {
  test.setTimeout(120_000);
  // The seeded incident was assessed by the same agent: its credited customers are on SLA plans.
  const seeded = await (await request.get('/api/v1/incidents/inc_demo_api_outage')).json();
  const owed = (seeded.assessments as Assessment[]).filter((a) => a.reason === 'credit');
  expect(owed.length).toBeGreaterThan(0);
  const others = (seeded.assessments as Assessment[]).filter((a) => a.customerId !== owed[0]!.customerId);
  const [hurt, elsewhere, healthy] = [owed[0]!.customerId, others[0]!.customerId, others[1]!.customerId];

  // Telemetry through the real ingest API: 60 minutes of 503s in us-east-1 for one customer,
  // errors only in eu-west-1 for another, clean traffic for a third.
  const admin = await pwRequest.newContext({
    baseURL,
    storageState: storageStateFor('admin'),
    extraHTTPHeaders: { origin: baseURL! },
  });
  const token = await (
    await admin.post('/api/v1/ingest-tokens', { data: { name: 'SLA journey', source: `sla-e2e-${Date.now()}` } })
  ).json();
  const start = Math.floor((Date.now() - 75 * MINUTE) / MINUTE) * MINUTE;
  const end = start + 60 * MINUTE;
  const run = Date.now();
  const events = [];
  for (let m = 0; m < 60; m++) {
    const at = new Date(start + m * MINUTE + 5_000).toISOString();
    const ev = (customerId: string, status: number, region: string, quantity: number, tag: string) => ({
      idempotencyKey: `sla-e2e-${run}-${tag}-${m}`,
      customerId,
      meter: 'api_calls',
      quantity,
      timestamp: at,
      properties: { status, region, service: 'api', endpoint: '/v1/requests' },
    });
    events.push(ev(hurt, 503, 'us-east-1', 4, 'hf'), ev(hurt, 200, 'us-east-1', 6, 'ho'));
    events.push(ev(elsewhere, 503, 'eu-west-1', 3, 'ef'), ev(healthy, 200, 'us-east-1', 5, 'ok'));
  }
  const ingest = await request.post('/api/v1/usage', {
    headers: { authorization: `Bearer ${token.secret}`, 'content-type': 'application/json' },
    data: JSON.stringify(events),
  });
  expect(ingest.status()).toBe(200);
  expect(await ingest.json()).toMatchObject({ accepted: events.length, rejected: 0 });

  // Alertmanager: firing, then resolved. A wrong token is refused.
  const fingerprint = `e2e${run.toString(16)}`;
  const notification = (status: 'firing' | 'resolved') => {
    const alert = {
      status,
      labels: { alertname: 'APIHighErrorRate', severity: 'sev2', region: 'us-east-1', service: 'api' },
      annotations: { summary: `API 5xx in us-east-1 (${fingerprint})`, description: 'Error rate above 5%' },
      startsAt: new Date(start).toISOString(),
      endsAt: status === 'resolved' ? new Date(end).toISOString() : '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus/graph',
      fingerprint,
    };
    return {
      version: '4',
      groupKey: `{}:{fp="${fingerprint}"}`,
      status,
      receiver: 'tollgate',
      commonLabels: alert.labels,
      alerts: [alert],
    };
  };
  const post = (body: unknown, token = E2E_ALERTMANAGER_TOKEN) =>
    request.post('/api/webhooks/alertmanager', { headers: { authorization: `Bearer ${token}` }, data: body });
  expect((await post(notification('firing'), 'wrong-token-0123456789')).status()).toBe(400);
  // Each delivery is processed by its own job: wait for the firing to be applied before the
  // resolution is sent, as Alertmanager would (a resolution applied first makes the older firing
  // a skipped, out-of-order signal and the timeline would start at "resolved").
  const incidentStatus = async () => {
    const { items } = (await (await request.get('/api/v1/incidents')).json()) as {
      items: { title: string; status: string }[];
    };
    return items.find((i) => i.title === `API 5xx in us-east-1 (${fingerprint})`)?.status ?? 'absent';
  };
  expect((await post(notification('firing'))).status()).toBe(200);
  await expect.poll(incidentStatus, { timeout: 30_000 }).toBe('investigating');
  expect((await post(notification('resolved'))).status()).toBe(200);
  await expect.poll(incidentStatus, { timeout: 30_000 }).toBe('resolved');
  const again = await post(notification('resolved'));
  expect((await again.json()).duplicate).toBe(true);

  // The incident page: timeline, and the cohort once the agent has validated it.
  await page.goto('/incidents');
  await page.getByRole('link', { name: `API 5xx in us-east-1 (${fingerprint})` }).click();
  await expect(page.getByTestId('incident-title')).toHaveText(`API 5xx in us-east-1 (${fingerprint})`);
  await expect(page.getByTestId('incident-timeline')).toContainText('Alertmanager: API 5xx in us-east-1');
  const rows = page.getByTestId('cohort-row');
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  const incidentId = page.url().split('/').pop()!;
  const row = (customerId: string) => rows.filter({ has: page.locator(`a[href="/customers/${customerId}"]`) });
  await expect(row(hurt)).toHaveAttribute('data-reason', 'credit');
  await expect(row(elsewhere)).toHaveAttribute('data-reason', 'errors_outside_scope');
  await expect(row(healthy)).toHaveAttribute('data-reason', 'no_errors');
  await expect(page.getByTestId('incident-timeline')).toContainText('SLA credits drafted');
  await row(hurt).getByRole('button', { name: 'Show working' }).click();
  await expect(page.getByTestId('credit-working')).toContainText('60 minutes of downtime');
  await expect(page.getByTestId('credit-working')).toContainText('30-day measurement window');

  // Approve the batch (one credit here); a second approver when it is above the dual threshold.
  await page.getByTestId('approve-credits').click();
  await expect(page.getByTestId('approve-outcome')).toBeVisible();
  let detail = await (await request.get(`/api/v1/incidents/${incidentId}`)).json();
  const credit = (detail.assessments as Assessment[]).find((a) => a.customerId === hurt)!.action!;
  expect((detail.assessments as Assessment[]).filter((a) => a.action)).toHaveLength(1);
  if (credit.status === 'pending_approval' || detail.totals.pendingActionIds.length) {
    const adminCtx = await browser.newContext({ storageState: storageStateFor('admin') });
    const adminPage = await adminCtx.newPage();
    await adminPage.goto(`/incidents/${incidentId}`);
    await adminPage.getByTestId('approve-credits').click();
    await expect(adminPage.getByTestId('approve-outcome')).toContainText('1 approved');
    await adminCtx.close();
  }

  // Executed once against the fake Stripe; the row says so and the account manager was notified.
  await expect
    .poll(async () => (await (await request.get(`/api/v1/actions/${credit.id}`)).json()).status, { timeout: 30_000 })
    .toBe('executed');
  const { effects } = await (await request.get(`${fakeStripeUrl()}/__fake/effects`)).json();
  const notes = effects.filter(
    (e: { idempotencyKey: string }) => e.idempotencyKey === `tollgate-action-${credit.id}-r1`,
  );
  expect(notes).toHaveLength(1);
  expect(notes[0]).toMatchObject({ kind: 'credit_note' });
  // (A second approver may have decided in another browser: the page shows it after a reload.)
  await page.reload();
  await expect(row(hurt)).toContainText('Credit note issued', { timeout: 15_000 });
  await expect(row(hurt)).toContainText('AM notified');
  detail = await (await request.get(`/api/v1/incidents/${incidentId}`)).json();
  expect(detail.timeline.map((e: { kind: string }) => e.kind)).toEqual([
    'opened',
    'resolved',
    'credits_drafted',
    'credit_approved',
  ]);

  // The outbox notifications are audited with the approval; the chain verifies.
  const audit = await (await request.get(`/api/v1/audit-events?targetId=${credit.id}`)).json();
  const trail = audit.items.map((e: { action: string }) => e.action).reverse();
  expect(trail).toEqual(
    expect.arrayContaining(['action.proposed', 'action.approved', 'sla_credit.notified', 'action.executed']),
  );
  expect(trail.filter((a: string) => a === 'action.executed')).toHaveLength(1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByTestId('chain-verdict')).toContainText('Chain intact');
  await admin.dispose();
});
