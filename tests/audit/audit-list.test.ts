import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { auditFacets, auditListQuery, auditListResponse } from '@/lib/schemas/audit';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { listAuditFacets } from '@/lib/server/audit/list-audit-facets';
import { agentTitles } from '@/lib/server/agents/registry';
import { uniq } from '../helpers/fresh-database';

// The audit page reads names, not ids, and pages through a trail longer than one page.
describe('audit trail list', () => {
  const tag = uniq('audlist');
  let userId = '';
  let customerId = '';

  beforeAll(async () => {
    const db = getDb();
    const user = await db.user.create({ data: { email: `${tag}@example.test`, name: 'Petra Pager', role: 'revops' } });
    const customer = await db.customer.create({ data: { name: `Pager Corp ${tag}`, billingProvider: 'ledger' } });
    userId = user.id;
    customerId = customer.id;
    // 250 events on one target: more than two pages of 100.
    await db.$transaction(
      async (tx) => {
        for (let i = 0; i < 250; i++)
          await appendAuditEvent(tx, {
            actor: i % 2 ? { type: 'user', id: user.id } : { type: 'agent', id: 'usage-analyst', version: '1.0.0' },
            action: `${tag}.step`,
            target: { type: 'test', id: tag },
            customerId: customer.id,
            data: { i },
          });
      },
      { timeout: 60_000 },
    );
  });

  it('names people, agents and customers beside their ids', async () => {
    const page = auditListResponse.parse(
      await listAuditEvents(auditListQuery.parse({ targetId: tag, limit: '2' }), agentTitles()),
    );
    expect(page.items.map((e) => [e.actorType, e.actorName])).toEqual([
      ['user', 'Petra Pager'],
      ['agent', 'Usage Analyst'],
    ]);
    expect(page.items.every((e) => e.customerId === customerId && e.customerName === `Pager Corp ${tag}`)).toBe(true);
  });

  it('pages backwards with nextBefore until the last page, every event once', async () => {
    const seen: string[] = [];
    let before: string | undefined;
    let pages = 0;
    for (;;) {
      const page = await listAuditEvents(auditListQuery.parse({ targetId: tag, ...(before ? { before } : {}) }));
      seen.push(...page.items.map((e) => e.sequence));
      pages++;
      if (!page.nextBefore) break;
      before = page.nextBefore;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(250);
    expect(new Set(seen).size).toBe(250);
    const numbers = seen.map(BigInt);
    expect(numbers.every((n, i) => i === 0 || n < numbers[i - 1]!)).toBe(true);
  });

  it('a page that ends exactly at the last event says there is no next one', async () => {
    const page = await listAuditEvents(auditListQuery.parse({ targetId: tag, limit: '250' }));
    expect(page.items).toHaveLength(250);
    expect(page.nextBefore).toBeNull();
  });

  it('filters by actor: one person', async () => {
    const page = await listAuditEvents(auditListQuery.parse({ targetId: tag, actorId: userId, limit: '500' }));
    expect(page.items).toHaveLength(125);
    expect(new Set(page.items.map((e) => e.actorName))).toEqual(new Set(['Petra Pager']));
  });

  it('offers every person and agent, and the recent action names, as filter choices', async () => {
    const facets = auditFacets.parse(await listAuditFacets(agentTitles()));
    expect(facets.actors).toContainEqual({
      actorType: 'user',
      actorId: userId,
      name: `Petra Pager (${tag}@example.test)`,
    });
    expect(facets.actors).toContainEqual({ actorType: 'agent', actorId: 'usage-analyst', name: 'Usage Analyst' });
    expect(facets.actions).toContain(`${tag}.step`);
  });
});
