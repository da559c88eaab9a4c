import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import type { Role, SessionUser } from '@/lib/auth/roles';
import { searchQuery } from '@/lib/schemas/search';
import { searchConsole } from '@/lib/server/search/search-console';
import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';
import { uniq } from '../helpers/fresh-database';

async function person(role: Role): Promise<SessionUser> {
  const u = await getDb().user.create({ data: { email: `${uniq(role)}@example.test`, name: role, role } });
  return { id: u.id, email: u.email, name: u.name, role };
}

describe('console search', () => {
  it('finds a customer by name, e-mail, id and billing id, and its invoice by number', async () => {
    const tag = uniq('acme');
    const db = getDb();
    const customer = await db.customer.create({
      data: { name: `Acme ${tag}`, email: `ap-${tag}@acme.test`, externalId: `cus_${tag}` },
    });
    await db.invoice.create({
      data: {
        customerId: customer.id,
        number: `INV-${tag}`,
        status: 'open',
        currency: 'kwd',
        total: 12_345,
        subtotal: 12_345,
        amountDue: 12_345,
        amountRemaining: 12_345,
        periodStart: new Date('2026-10-01T00:00:00Z'),
        periodEnd: new Date('2026-11-01T00:00:00Z'),
      },
    });
    const revops = await person('revops');
    for (const q of [`acme ${tag}`.toUpperCase(), `ap-${tag}@acme`, customer.id, `cus_${tag}`]) {
      const hits = await searchConsole(revops, q);
      expect(hits.find((h) => h.type === 'customer')).toMatchObject({
        id: customer.id,
        href: `/customers/${customer.id}`,
      });
    }
    const invoice = (await searchConsole(revops, `inv-${tag}`)).find((h) => h.type === 'invoice');
    expect(invoice).toMatchObject({ title: `INV-${tag}`, subtitle: expect.stringContaining('KWD 12.345') });
  });

  it('searches the audit trail only for roles that may read it', async () => {
    const target = uniq('target');
    const seq = await getDb().$transaction((tx) =>
      appendAuditEvent(tx, {
        actor: { type: 'system' },
        action: 'probe.searched',
        target: { type: 'probe', id: target },
      }),
    );
    const byTarget = await searchConsole(await person('revops'), target);
    expect(byTarget).toContainEqual(expect.objectContaining({ type: 'audit_event', id: String(seq.sequence) }));
    const bySequence = await searchConsole(await person('admin'), String(seq.sequence));
    expect(bySequence.some((h) => h.type === 'audit_event' && h.href === `/audit?sequence=${seq.sequence}`)).toBe(true);
    expect((await searchConsole(await person('support'), target)).some((h) => h.type === 'audit_event')).toBe(false);
  });

  it('refuses a NUL byte, an empty or an over-long query by schema (a 422, never a 500)', () => {
    for (const q of ['\u0000', '   ', 'x'.repeat(201)]) expect(searchQuery.safeParse({ q }).success).toBe(false);
    expect(searchQuery.parse({ q: '  acme ' })).toEqual({ q: 'acme' });
  });
});
