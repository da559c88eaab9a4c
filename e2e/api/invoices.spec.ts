import { expect, test } from '@playwright/test';
import { describeRoleMatrix, type RouteCase } from '../fixtures/role-matrix';
import { storageStateFor } from '../fixtures/e2e-world';

// The invoice-intelligence routes, called as each role and anonymously; allowed calls have their
// contracts checked. Seeded invoice ids are deterministic: inv_demo_<customer suffix>_<cycle>.

const INVOICE = 'inv_demo_001_3';
const SEP = '\u001e';

const ROUTES: RouteCase[] = [
  {
    name: 'invoice detail',
    method: 'GET',
    path: `/api/v1/invoices/${INVOICE}`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b).toMatchObject({
        id: INVOICE,
        customer: { id: 'cus_demo_001' },
        previousInvoice: { id: 'inv_demo_001_2' },
        writer: { kind: 'builtin', label: 'Built-in writer (no AI model configured)' },
      });
      expect(b.lines.length).toBeGreaterThanOrEqual(4);
    },
  },
  {
    name: 'invoice explanations',
    method: 'GET',
    path: `/api/v1/invoices/${INVOICE}/explanations`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      const ex = b.items[0];
      expect(ex).toMatchObject({
        invoiceId: INVOICE,
        source: 'builtin',
        provider: 'builtin',
        promptVersion: 'builtin-writer/v1',
        verdict: { ok: true },
      });
      const numbers = [ex.summary, ...ex.lines, ...ex.changes]
        .flatMap((t: any) => t.segments)
        .filter((s: any) => s.factId !== undefined);
      expect(numbers.length).toBeGreaterThan(5);
      for (const n of numbers) expect(n.source).toMatch(/^[\w.-]+ = \S/);
      if (ex.change)
        expect(ex.change.drivers.reduce((s: number, d: any) => s + d.amount, 0)).toBe(ex.change.totalChange.amount);
      expect(ex.markdown).toContain(`### Invoice ${ex.invoiceNumber}`);
    },
  },
  {
    name: 'customer explanations',
    method: 'GET',
    path: '/api/v1/customers/cus_demo_001/explanations',
    allowed: ['support', 'revops', 'admin'],
    check: (b) =>
      expect(b.items.map((i: any) => i.invoice.id)).toEqual(['inv_demo_001_3', 'inv_demo_001_2', 'inv_demo_001_1']),
  },
  {
    name: 'regenerate explanation',
    method: 'POST',
    path: '/api/v1/invoices/inv_demo_002_3/explanations',
    allowed: ['revops', 'admin'],
    okStatus: 201,
    check: (b) =>
      expect(b).toMatchObject({
        invoiceId: 'inv_demo_002_3',
        source: 'builtin',
        verdict: { ok: true },
        fallbackReason: 'not_configured',
      }),
  },
  {
    name: 'regenerate explanation (stream)',
    method: 'POST',
    path: '/api/v1/invoices/inv_demo_003_3/explanations/stream',
    allowed: ['revops', 'admin'],
    check: (text) => {
      const [draft, json] = String(text).split(SEP);
      const result = JSON.parse(json);
      expect(result).toMatchObject({
        streamedDraftAccepted: true,
        explanation: { invoiceId: 'inv_demo_003_3', source: 'builtin' },
      });
      expect(draft).toContain(result.explanation.summary.text);
    },
  },
  {
    name: 'share to slack',
    method: 'POST',
    path: `/api/v1/invoices/${INVOICE}/share-to-slack`,
    allowed: ['revops', 'admin'],
    okStatus: 201,
    body: () => ({}),
    check: (b) =>
      expect(b).toMatchObject({ outcome: 'drafted', actionId: expect.any(String), explanationId: expect.any(String) }),
  },
];

describeRoleMatrix('invoice explanation routes', ROUTES);

test.describe('invoice route contracts', () => {
  test.use({ storageState: storageStateFor('admin') });

  test('unknown invoices are 404 everywhere; bad bodies are 422', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    for (const [method, path] of [
      ['GET', '/api/v1/invoices/inv_nope'],
      ['GET', '/api/v1/invoices/inv_nope/explanations'],
      ['POST', '/api/v1/invoices/inv_nope/explanations'],
      ['POST', '/api/v1/invoices/inv_nope/explanations/stream'],
      ['POST', '/api/v1/invoices/inv_nope/share-to-slack'],
      ['GET', '/api/v1/customers/cus_nope/explanations'],
    ] as const) {
      const res = await request.fetch(path, { method, headers, data: method === 'POST' ? {} : undefined });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect((await res.json()).error).toMatchObject({ code: 'not_found' });
    }
    const bad = await request.post(`/api/v1/invoices/${INVOICE}/share-to-slack`, {
      headers,
      data: { integrationId: '' },
    });
    expect(bad.status()).toBe(422);
    const list = await request.get(`/api/v1/invoices/${INVOICE}/explanations?limit=0`);
    expect(list.status()).toBe(422);
  });

  test('a slack_post drafted from an explanation carries its text and waits for approval', async ({
    request,
    baseURL,
  }) => {
    const res = await request.post(`/api/v1/invoices/${INVOICE}/share-to-slack`, {
      headers: { origin: baseURL! },
      data: {},
    });
    const { actionId } = await res.json();
    const action = await (await request.get(`/api/v1/actions/${actionId}`)).json();
    expect(action).toMatchObject({ kind: 'slack_post', status: 'pending_approval', customer: { id: 'cus_demo_001' } });
    expect(JSON.stringify(action.revisions[0].payload)).toContain('What changed since last month');
  });
});
