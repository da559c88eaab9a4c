import { expect, test } from '@playwright/test';
import { describeRoleMatrix } from '../fixtures/role-matrix';
import { storageStateFor } from '../fixtures/e2e-world';

// GET /api/v1/customers/:id/usage-insights — every role reads it; the body is the contract the
// customer page charts (series, limit, forecast band and crossing date, anomalies, utilisation).
describeRoleMatrix('usage insights', [
  {
    name: 'usage insights of the runaway customer',
    method: 'GET',
    path: '/api/v1/customers/cus_demo_008/usage-insights',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      expect(b).toMatchObject({
        customerId: 'cus_demo_008',
        asOf: '2026-11-20T12:00:00.000Z',
        plan: { key: 'starter', name: 'Starter' },
      });
      expect(b.meters.map((m: any) => m.meterKey)).toEqual(['api_calls', 'compute_minutes', 'storage_gb']);
      const api = b.meters[0];
      expect(api).toMatchObject({ limit: 100_000, hardLimit: 150_000, aggregation: 'sum' });
      expect(api.utilisation).toBeCloseTo(api.used / 100_000, 3);
      expect(api.points.length).toBeGreaterThanOrEqual(24 * 20);
      expect(api.points.every((p: any, i: number) => i === 0 || p.value >= api.points[i - 1].value)).toBe(true);
      expect(api.points.at(-1).value).toBeCloseTo(api.used, 0);
      const f = api.forecast;
      expect(f.lower).toBeLessThanOrEqual(f.expected);
      expect(f.expected).toBeLessThanOrEqual(f.upper);
      expect(f.band.length).toBeGreaterThan(10);
      expect(f.band.at(-1).t).toBe(Date.parse(b.periodEnd));
      expect(typeof f.crossingDate).toBe('string');
      expect(api.anomalies).toContainEqual(
        expect.objectContaining({ kind: 'runaway_growth', direction: 'up', runaway: true, ongoing: true }),
      );
      for (const a of api.anomalies) expect(a.score).toBeGreaterThanOrEqual(0.35);
      expect(b.meters[2].anomalies).toEqual([]);
      expect(Array.isArray(b.decisions)).toBe(true);
    },
  },
]);

test.describe('usage insights contract', () => {
  test.use({ storageState: storageStateFor('support') });

  test('a steady customer has no anomalies; unknown and malformed ids answer 404 and 422', async ({ request }) => {
    const steady = await (await request.get('/api/v1/customers/cus_demo_002/usage-insights')).json();
    expect(steady.meters.flatMap((m: any) => m.anomalies)).toEqual([]);
    expect(steady.meters[0].forecast.crossingDate).toBeNull();

    const missing = await request.get('/api/v1/customers/cus_nope/usage-insights');
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'not_found', requestId: expect.stringMatching(/\S/) });
    const malformed = await request.get(`/api/v1/customers/${'x'.repeat(101)}/usage-insights`);
    expect(malformed.status()).toBe(422);
  });

  test("the seed's Usage Analyst decision shows up with its reasoning, and no upgrade for runaway growth", async ({
    request,
  }) => {
    const b = await (await request.get('/api/v1/customers/cus_demo_008/usage-insights')).json();
    expect(b.decisions).toContainEqual(
      expect.objectContaining({
        kind: 'crm_task',
        title: expect.stringContaining('Review runaway growth'),
        reasoning: expect.stringContaining('runaway growth in API calls usage'),
      }),
    );
    expect(b.decisions.filter((d: { kind: string }) => d.kind === 'plan_change')).toEqual([]);
  });
});
