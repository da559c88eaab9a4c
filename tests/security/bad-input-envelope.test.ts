import { describe, expect, it } from 'vitest';
import { errorResponse } from '@/lib/api/error-response';
import { auditListQuery, auditSequenceParams } from '@/lib/schemas/audit';
import { customerListQuery } from '@/lib/schemas/customers';
import { getAuditEvent, listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { listCustomers } from '@/lib/server/customers/list-customers';

// Finding (low): `GET /api/v1/audit-events/0`, NUL bytes and out-of-range numbers answered 500
// with an empty body (a zod issue holding a BigInt broke JSON; PostgreSQL's refusals were
// treated as our bug). Each case runs the route's own steps — parse, domain call, error mapping.

async function asRoute(run: () => Promise<unknown>) {
  try {
    await run();
    return { status: 200, body: null as unknown };
  } catch (err) {
    const res = errorResponse(err, 'req_test');
    return { status: res.status, body: (await res.json()) as { error: { code: string; requestId: string } } };
  }
}

describe('ids and searches that cannot exist answer 4xx with the envelope', () => {
  it.each([
    ['zero', '0'],
    ['negative', '-1'],
    ['fraction', '1.5'],
    ['not a number', 'abc'],
    ['past bigint', '99999999999999999999999'],
    ['NUL byte', '1\u0000'],
    ['empty', ''],
  ])('audit event id: %s', async (_label, raw) => {
    const res = await asRoute(async () => getAuditEvent(auditSequenceParams.parse({ sequence: raw }).sequence));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), requestId: 'req_test' } });
  });

  it.each([
    ['customer search with a NUL byte', () => listCustomers(customerListQuery.parse({ q: 'acme\u0000' }))],
    ['audit filter with a NUL byte', () => listAuditEvents(auditListQuery.parse({ actorId: 'usr\u0000' }))],
    ['audit page before a number past bigint', () => listAuditEvents(auditListQuery.parse({ before: '9'.repeat(30) }))],
  ])('%s', async (_label, run) => {
    const res = await asRoute(run);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatchObject({ error: { code: expect.any(String), requestId: 'req_test' } });
  });

  it('a real event still loads', async () => {
    const res = await asRoute(async () => getAuditEvent(auditSequenceParams.parse({ sequence: '1' }).sequence));
    expect([200, 404]).toContain(res.status);
  });
});
