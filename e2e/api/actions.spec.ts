import { expect, request as pwRequest, test } from '@playwright/test';
import { draftCreditByApi } from '../fixtures/actions';
import { storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix, type Who } from '../fixtures/role-matrix';

// Every mutating route of the approval queue, policies and audit, as each role: support reads
// but cannot decide, revops decides but cannot change policies, admins can, anonymous gets 401.
// Decision routes need a fresh pending action per caller, drafted before the matrix runs — by
// someone other than the caller, since the author of a credit never approves it (maker–checker).

const pending = new Map<string, string>();
const key = (route: string, who: Who) => `${route}:${who}`;

test.beforeAll(async ({ baseURL }) => {
  const revops = await pwRequest.newContext({ baseURL, storageState: storageStateFor('revops') });
  const admin = await pwRequest.newContext({ baseURL, storageState: storageStateFor('admin') });
  for (const route of ['approve', 'reject', 'cancel', 'revisions']) {
    for (const who of ['anonymous', 'support', 'revops', 'admin'] as Who[]) {
      const author = who === 'revops' ? admin : revops;
      pending.set(key(route, who), (await draftCreditByApi(author, baseURL!, 1_000)).id);
    }
  }
  await Promise.all([revops.dispose(), admin.dispose()]);
});

const decision = (route: string, body: (who: Who) => unknown, okStatus = 200) => ({
  name: `action ${route}`,
  method: 'POST' as const,
  path: (who: Who) => `/api/v1/actions/${pending.get(key(route, who))}/${route}`,
  body,
  allowed: ['revops', 'admin'] as ('revops' | 'admin')[],
  okStatus,
});

describeRoleMatrix('approval queue, policies and audit (mutations)', [
  {
    name: 'draft action',
    method: 'POST',
    path: '/api/v1/actions',
    allowed: ['revops', 'admin'],
    okStatus: 201,
    body: () => ({
      kind: 'crm_task',
      customerId: 'cus_demo_003',
      title: 'Check in after incident',
      payload: { title: 'Call the customer', body: 'Follow up on the outage' },
    }),
    check: (b) =>
      expect(b).toMatchObject({
        outcome: expect.stringMatching(/drafted|auto_approved/),
        actionId: expect.any(String),
      }),
  },
  {
    ...decision('approve', () => ({ revision: 1 })),
    check: (b) => expect(b).toMatchObject({ status: 'approved', approvals: 1 }),
  },
  {
    ...decision('reject', () => ({ revision: 1, reason: 'not needed' })),
    check: (b) => expect(b.status).toBe('rejected'),
  },
  { ...decision('cancel', () => ({ reason: 'resolved' })), check: (b) => expect(b.status).toBe('cancelled') },
  {
    ...decision(
      'revisions',
      () => ({
        expectedRevision: 1,
        payload: { amountMinor: 1_100, currency: 'usd', reasonCode: 'goodwill', mode: 'balance', memo: 'edited' },
      }),
      201,
    ),
    check: (b) => expect(b.revision).toBe(2),
  },
  {
    name: 'bulk approve',
    method: 'POST',
    path: '/api/v1/actions/bulk-approve',
    allowed: ['revops', 'admin'],
    body: () => ({ items: [{ id: 'does-not-exist', revision: 1 }] }),
    check: (b) => expect(b.results[0].error.code).toBe('not_found'),
  },
  {
    name: 'update policy',
    method: 'PATCH',
    path: '/api/v1/policies/slack_post',
    allowed: ['admin'],
    body: () => ({ reviewWindowHours: 36 }),
    check: (b) => expect(b).toMatchObject({ actionKind: 'slack_post', reviewWindowHours: 36 }),
  },
  {
    name: 'verify audit chain',
    method: 'POST',
    path: '/api/v1/audit-events/verify',
    allowed: ['revops', 'admin'],
    check: (b) => expect(b.ok).toBe(true),
  },
  {
    name: 'export audit CSV',
    method: 'GET',
    path: '/api/v1/audit-events/export?action=action.',
    allowed: ['revops', 'admin'],
    check: (b) => expect(String(b).split('\n')[0]).toMatch(/^sequence,occurred_at,actor_type/),
  },
  {
    name: 'audit event detail',
    method: 'GET',
    path: '/api/v1/audit-events/1',
    allowed: ['revops', 'admin'],
    check: (b) => expect(b).toMatchObject({ sequence: '1', prevHash: '0'.repeat(64) }),
  },
  {
    name: 'action detail',
    method: 'GET',
    path: () => `/api/v1/actions/${pending.get(key('approve', 'admin'))}`,
    allowed: ['support', 'revops', 'admin'],
    check: (b) => expect(b.revisions.length).toBeGreaterThanOrEqual(1),
  },
]);

test.describe('approval contract', () => {
  test.use({ storageState: storageStateFor('revops') });

  test('approving a revision that has since changed is a 409; the current one by someone other than its editor succeeds', async ({
    request,
    baseURL,
  }) => {
    const { id } = await draftCreditByApi(request, baseURL!, 900);
    const headers = { origin: baseURL! };
    const edit = await request.post(`/api/v1/actions/${id}/revisions`, {
      headers,
      data: {
        expectedRevision: 1,
        payload: { amountMinor: 950, currency: 'usd', reasonCode: 'goodwill', mode: 'balance', memo: 'x' },
      },
    });
    expect(edit.status()).toBe(201);
    const stale = await request.post(`/api/v1/actions/${id}/approve`, { headers, data: { revision: 1 } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).error.code).toBe('revision_changed');
    // Maker–checker: the author and editor of a credit cannot approve it, whatever the amount.
    const own = await request.post(`/api/v1/actions/${id}/approve`, { headers, data: { revision: 2 } });
    expect(own.status()).toBe(403);
    expect((await own.json()).error.code).toBe('own_edit');
    const admin = await pwRequest.newContext({ baseURL, storageState: storageStateFor('admin') });
    const ok = await admin.post(`/api/v1/actions/${id}/approve`, { headers, data: { revision: 2 } });
    expect(ok.status()).toBe(200);
    await admin.dispose();
  });

  test('a rejection needs a reason; an unknown kind or bad payload is a 422', async ({ request, baseURL }) => {
    const headers = { origin: baseURL! };
    const { id } = await draftCreditByApi(request, baseURL!, 800);
    const noReason = await request.post(`/api/v1/actions/${id}/reject`, { headers, data: { revision: 1, reason: '' } });
    expect(noReason.status()).toBe(422);
    const badKind = await request.post('/api/v1/actions', {
      headers,
      data: { kind: 'refund_everything', customerId: null, title: 'x', payload: {} },
    });
    expect(badKind.status()).toBe(422);
    const badPayload = await request.post('/api/v1/actions', {
      headers,
      data: {
        kind: 'credit',
        customerId: 'cus_demo_002',
        title: 'x',
        payload: { amountMinor: -5, currency: 'usd', reasonCode: 'goodwill', mode: 'balance' },
      },
    });
    expect(badPayload.status()).toBe(422);
    expect((await badPayload.json()).error.issues[0].path).toContain('amountMinor');
  });

  test('the queue sorts, searches and counts on the server; an unknown sort is a 422 naming the field', async ({
    request,
    baseURL,
  }) => {
    const small = await draftCreditByApi(request, baseURL!, 1_100, 'cus_demo_005');
    const large = await draftCreditByApi(request, baseURL!, 9_900, 'cus_demo_005');
    const res = await request.get('/api/v1/actions?kind=credit&customerId=cus_demo_005&sort=amount');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as {
      items: { id: string; amountMinor: number }[];
      counts: { byStatus: { open: number; done: number; failed: number }; byKind: Record<string, number> };
    };
    const ids = body.items.map((a) => a.id);
    expect(ids.indexOf(large.id)).toBeLessThan(ids.indexOf(small.id));
    const amounts = body.items.map((a) => a.amountMinor);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(body.counts.byStatus.open).toBe(body.items.length);
    expect(body.counts.byKind.credit).toBe(body.items.length);

    const bad = await request.get('/api/v1/actions?sort=price');
    expect(bad.status()).toBe(422);
    expect((await bad.json()).error.issues[0].path).toEqual(['sort']);
  });
});
