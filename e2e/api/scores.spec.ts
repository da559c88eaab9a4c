import { expect, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix } from '../fixtures/role-matrix';

const CUSTOMER = 'cus_demo_004';

// The Expansion page's routes: every role reads the lists, the CSV and a customer's scorecard
// (scored by the Developer Success agent during the e2e seed); drafting from a score and setting
// a customer's CRM record are for revops and admins.
describeRoleMatrix('scores and CRM links', [
  {
    name: 'GET /api/v1/scores',
    method: 'GET',
    path: '/api/v1/scores?list=expansion&limit=5',
    allowed: ['support', 'revops', 'admin'],
    check: (body) => {
      expect(body.total).toBeGreaterThan(0);
      expect(body.items[0]).toHaveProperty('card.factors');
      const scores = body.items.map((r: { expansion: number }) => r.expansion);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    },
  },
  {
    name: 'GET /api/v1/customers/:id/scores',
    method: 'GET',
    path: `/api/v1/customers/${CUSTOMER}/scores`,
    allowed: ['support', 'revops', 'admin'],
    check: (body) => expect(body.latest.churnRisk.factors.length).toBe(5),
  },
  {
    name: 'POST /api/v1/customers/:id/scores/draft',
    method: 'POST',
    path: `/api/v1/customers/${CUSTOMER}/scores/draft`,
    body: () => ({ action: 'crm_task', list: 'churn_risk' }),
    allowed: ['revops', 'admin'],
    okStatus: 201,
    check: (body) => expect(body.outcome).toBe('drafted'),
  },
  {
    name: 'PUT /api/v1/customers/:id/crm-links',
    method: 'PUT',
    path: `/api/v1/customers/${CUSTOMER}/crm-links`,
    body: () => ({ provider: 'hubspot', accountId: '5001', contactId: '6001', ownerName: 'Robin' }),
    allowed: ['revops', 'admin'],
    check: (body) => expect(body).toMatchObject({ provider: 'hubspot', accountId: '5001' }),
  },
]);

test.describe('as revops', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('the score CSV has a header and one line per customer of the list', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const [csv, list] = await Promise.all([
      request.get('/api/v1/scores/export?list=health', { headers }),
      request.get('/api/v1/scores?list=health&limit=1', { headers }),
    ]);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toMatch(/^customer_id,customer,email,plan,mrr_minor,currency,expansion,health,churn_risk/);
    expect(lines.length - 1).toBe((await list.json()).total);
  });

  test('a draft body that is not an action is refused with issues', async ({ request, baseURL }) => {
    const res = await request.post(`/api/v1/customers/${CUSTOMER}/scores/draft`, {
      data: { action: 'refund' },
      headers: { origin: baseURL! },
    });
    expect(res.status()).toBe(422);
    expect((await res.json()).error.issues.length).toBeGreaterThan(0);
  });
});
