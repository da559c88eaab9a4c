import { expect, test } from '@playwright/test';
import { describeRoleMatrix } from '../fixtures/role-matrix';
import { storageStateFor } from '../fixtures/e2e-world';

// GET /api/v1/customers/:id/dunning — every role reads it: the failed invoices with the
// billing-ops decisions the seed ran on them (class, step, why, factors, drafts) and the plan's
// past-due grace, as the customer page's dunning card shows them.
describeRoleMatrix('dunning timeline', [
  {
    name: 'dunning timeline of the customer whose latest invoice failed',
    method: 'GET',
    path: '/api/v1/customers/cus_demo_025/dunning',
    allowed: ['support', 'revops', 'admin'],
    check: (b) => {
      const episode = b.episodes.find((e: any) => e.invoiceId === 'inv_demo_025_3');
      expect(episode).toMatchObject({
        outcome: 'open',
        failures: [expect.objectContaining({ code: 'insufficient_funds' })],
      });
      const [decision] = episode.decisions;
      expect(decision).toMatchObject({ trigger: 'seed', declineClass: 'soft', modelVersion: 'v1' });
      expect(decision.why[0]).toContain('insufficient_funds is a soft decline');
      expect(decision.factors.length).toBeGreaterThan(0);
      expect(decision.actions.length).toBeGreaterThan(0);
      expect(b.grace).toMatchObject({ allowDays: 14, refuseAfterDays: 21, isDefault: true });
    },
  },
]);

test.describe('dunning timeline contract', () => {
  test.use({ storageState: storageStateFor('support') });

  test('a customer without failures has an empty timeline; unknown and malformed ids answer 404 and 422', async ({
    request,
  }) => {
    const paying = await (await request.get('/api/v1/customers/cus_demo_002/dunning')).json();
    expect(paying.episodes.every((e: any) => e.outcome !== 'open')).toBe(true);
    const missing = await request.get('/api/v1/customers/cus_nope/dunning');
    expect(missing.status()).toBe(404);
    expect((await missing.json()).error).toMatchObject({ code: 'not_found' });
    const malformed = await request.get(`/api/v1/customers/${'x'.repeat(101)}/dunning`);
    expect(malformed.status()).toBe(422);
  });
});
