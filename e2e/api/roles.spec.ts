import { expect, test } from '@playwright/test';
import { describeRoleMatrix, type RouteCase } from '../fixtures/role-matrix';

// Every route that exists, called as each role and without a session: the status says who may
// call it, and the body of every allowed call is checked for what the role should see.

const ROUTES: RouteCase[] = [
  { name: 'me', method: 'GET', path: '/api/v1/me', allowed: ['support', 'revops', 'admin'] },
  {
    name: 'portfolio overview',
    method: 'GET',
    path: '/api/v1/overview',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      // The seeded queue waits for review, and the seed's Developer Success run scored customers.
      expect(b.approvals.pending).toBeGreaterThan(0);
      expect(b.approvals.atStake.length).toBeGreaterThan(0);
      expect(b.expansion).toHaveProperty('ready');
    },
  },
  {
    name: 'setup checklist',
    method: 'GET',
    path: '/api/v1/setup-checklist',
    allowed: ['admin'],
    check: (b) => expect(b.steps.map((s: any) => s.key)).toContain('ingest_token'),
  },
  {
    name: 'customers list',
    method: 'GET',
    path: '/api/v1/customers?limit=10',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      // 30 seeded; webhook specs running in parallel may add customers from Stripe events.
      expect(b.total).toBeGreaterThanOrEqual(30);
      expect(b.items).toHaveLength(10);
      expect(b.items[0].usage.map((u: any) => u.meterKey).sort()).toEqual([
        'api_calls',
        'compute_minutes',
        'storage_gb',
      ]);
      expect(b.items[0].plan).toHaveProperty('name');
    },
  },
  {
    name: 'customer detail',
    method: 'GET',
    path: '/api/v1/customers/cus_demo_001',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b.id).toBe('cus_demo_001');
      expect(b.invoices).toHaveLength(3);
    },
  },
  {
    name: 'invoices',
    method: 'GET',
    path: '/api/v1/invoices?limit=5',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b.total).toBeGreaterThanOrEqual(90);
      expect(b.items).toHaveLength(5);
    },
  },
  {
    name: 'incidents',
    method: 'GET',
    path: '/api/v1/incidents',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      // The seeded outage with its cohort; e2e/api/incidents.spec.ts opens more in parallel.
      const seeded = b.items.find((i: any) => i.id === 'inc_demo_api_outage');
      expect(seeded.affectedCustomers).toBeGreaterThan(0);
    },
  },
  {
    name: 'actions',
    method: 'GET',
    path: '/api/v1/actions',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => expect(Array.isArray(b.items)).toBe(true),
  },
  {
    name: 'policies',
    method: 'GET',
    path: '/api/v1/policies',
    allowed: ['support', 'revops', 'admin'],
    check: (b) =>
      expect(b.items.map((p: any) => p.actionKind).sort()).toEqual([
        'credit',
        'crm_task',
        'dunning_step',
        'email',
        'plan_change',
        'slack_post',
      ]),
  },
  {
    name: 'audit events',
    method: 'GET',
    path: '/api/v1/audit-events',
    allowed: ['revops', 'admin'],
    check: (b) => expect(Array.isArray(b.items)).toBe(true),
  },
  {
    name: 'audit filter choices',
    method: 'GET',
    path: '/api/v1/audit-events/facets',
    allowed: ['revops', 'admin'],
    check: (b) => {
      expect(b.actors).toContainEqual(expect.objectContaining({ actorType: 'agent', actorId: 'usage-analyst' }));
      expect(b.actions).toContain('action.proposed');
    },
  },

  {
    name: 'users list',
    method: 'GET',
    path: '/api/v1/users',
    allowed: ['admin'],
    check: (b) => {
      expect(b.items.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(b)).not.toContain('scrypt');
    },
  },
  {
    name: 'create user',
    method: 'POST',
    path: '/api/v1/users',
    allowed: ['admin'],
    okStatus: 201,
    body: (who) => ({ email: `created-by-${who}-${Date.now()}@example.test`, name: 'Created', role: 'support' }),
    check: (b) => expect(b).toMatchObject({ role: 'support', disabled: false, hasPassword: false }),
  },
  {
    name: 'update user',
    method: 'PATCH',
    path: '/api/v1/users/usr_demo_support',
    allowed: ['admin'],
    body: () => ({ name: 'Sam Support' }),
    check: (b) => expect(b).toMatchObject({ id: 'usr_demo_support', name: 'Sam Support', role: 'support' }),
  },
  {
    name: 'chargebee connection',
    method: 'GET',
    path: '/api/v1/billing/chargebee',
    allowed: ['admin'],
    check: (b) => {
      expect(b.webhook.events).toContain('payment_failed');
      expect(JSON.stringify(b)).not.toMatch(/apiKey|secretCiphertext/);
    },
  },
  {
    name: 'chargebee import (latest)',
    method: 'GET',
    path: '/api/v1/billing/chargebee/imports',
    allowed: ['admin'],
    check: (b) => expect(b).toHaveProperty('run'),
  },
  {
    name: 'recurly import (latest)',
    method: 'GET',
    path: '/api/v1/billing/recurly/imports',
    allowed: ['admin'],
    check: (b) => expect(b).toHaveProperty('run'),
  },
];

describeRoleMatrix('console routes', ROUTES);

test('health is public and reports database and job queue', async ({ request }) => {
  const res = await request.get('/api/health');
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok', database: { ok: true }, jobs: { ok: true } });
});
