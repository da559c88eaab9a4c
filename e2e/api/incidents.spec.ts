import { expect, request as pwRequest, test } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';
import { describeRoleMatrix, type Who } from '../fixtures/role-matrix';

// The incident and SLA routes that change something, as each role: RevOps and admins open and
// resolve incidents and approve an incident's credits; only admins edit SLA terms. Each allowed
// caller works on its own incident, opened here, so the cases do not depend on one another.
const opened: Partial<Record<Who, string>> = {};
let policy: Record<string, unknown> & { id: string };

test.beforeAll(async ({ baseURL }) => {
  const admin = await pwRequest.newContext({
    baseURL,
    storageState: storageStateFor('admin'),
    extraHTTPHeaders: { origin: baseURL! },
  });
  for (const who of ['revops', 'admin'] as const) {
    const res = await admin.post('/api/v1/incidents', {
      data: {
        title: `Role matrix incident for ${who} ${Date.now()}`,
        severity: 'sev3',
        services: ['api'],
        regions: ['eu-west-1'],
        startedAt: new Date(Date.now() - 3_600_000).toISOString(),
      },
    });
    expect(res.status()).toBe(201);
    opened[who] = ((await res.json()) as { id: string }).id;
  }
  const policies = (await (await admin.get('/api/v1/sla-policies')).json()) as { items: (typeof policy)[] };
  policy = policies.items[0]!;
  await admin.dispose();
});

const incidentOf = (who: Who) => opened[who] ?? opened.admin!;
const startedAt = () => new Date(Date.now() - 3_600_000).toISOString();

describeRoleMatrix('incidents and SLA policies (mutations)', [
  {
    name: 'open an incident',
    method: 'POST',
    path: '/api/v1/incidents',
    body: (who) => ({
      title: `Opened by ${who} ${Date.now()}`,
      severity: 'sev2',
      services: ['api'],
      regions: [],
      startedAt: startedAt(),
    }),
    allowed: ['revops', 'admin'],
    okStatus: 201,
    check: (b) => expect(b.id).toMatch(/\S/),
  },
  {
    name: 'resolve an incident',
    method: 'POST',
    path: (who) => `/api/v1/incidents/${incidentOf(who)}/resolve`,
    body: () => ({ resolvedAt: new Date().toISOString(), note: 'mitigated' }),
    allowed: ['revops', 'admin'],
    check: (b) => expect(b.id).toMatch(/\S/),
  },
  {
    name: "approve an incident's credits (an id not in its batch gets its own verdict)",
    method: 'POST',
    path: (who) => `/api/v1/incidents/${incidentOf(who)}/credits/approve`,
    body: () => ({ items: [{ id: 'act_not_in_batch', revision: 1 }] }),
    allowed: ['revops', 'admin'],
    check: (b) =>
      expect(b.results).toEqual([{ id: 'act_not_in_batch', error: expect.objectContaining({ code: 'not_in_batch' }) }]),
  },
  {
    name: 'replace a plan’s SLA terms (unchanged)',
    method: 'PUT',
    path: () => `/api/v1/sla-policies/${policy.id}`,
    body: () => ({
      name: policy.name,
      uptimeTargetBp: policy.uptimeTargetBp,
      windowDays: policy.windowDays,
      creditTiers: policy.creditTiers,
      capPercent: policy.capPercent,
      capMinor: policy.capMinor,
      exclusions: policy.exclusions,
    }),
    allowed: ['admin'],
    check: (b) => expect(b).toMatchObject({ id: policy.id, name: policy.name }),
  },
]);
