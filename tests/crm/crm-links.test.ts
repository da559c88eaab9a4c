import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { saveCrmLinkBody } from '@/lib/schemas/crm-links';
import { listCustomerCrmLinks, saveCustomerCrmLink } from '@/lib/server/customers/save-customer-crm-link';
import { makeWorld } from '../actions/world';

describe('customer CRM links', () => {
  it('sets and replaces a customer record per provider, audited with before and after', async () => {
    const w = await makeWorld();
    const input = saveCrmLinkBody.parse({
      provider: 'salesforce',
      accountId: '001000000000009AAA',
      ownerName: 'Avery',
    });
    await saveCustomerCrmLink(w.revops, w.customer.id, input, 'r1');
    await saveCustomerCrmLink(w.revops, w.customer.id, { ...input, accountId: '001000000000010AAA' }, 'r2');
    expect(await listCustomerCrmLinks(w.customer.id)).toEqual([
      expect.objectContaining({
        provider: 'salesforce',
        accountId: '001000000000010AAA',
        ownerName: 'Avery',
        contactId: null,
      }),
    ]);
    const audit = await getDb().auditEvent.findMany({
      where: { targetId: w.customer.id, action: 'customer.crm_link_saved' },
      orderBy: { sequence: 'asc' },
    });
    expect(audit).toHaveLength(2);
    expect(audit[1]!.before).toMatchObject({ accountId: '001000000000009AAA' });
    expect(audit[1]!.after).toMatchObject({ accountId: '001000000000010AAA' });
  });

  it('refuses ids that could smuggle anything into a CRM request, and unknown customers', async () => {
    expect(saveCrmLinkBody.safeParse({ provider: 'hubspot', accountId: '1 OR 1=1' }).success).toBe(false);
    const w = await makeWorld();
    await expect(
      saveCustomerCrmLink(w.revops, 'cus_missing', { provider: 'hubspot', accountId: '5001' }, 'r'),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('CRM record id formats', () => {
  it('accepts each provider its own id shape and names the field of a wrong one', () => {
    expect(saveCrmLinkBody.safeParse({ provider: 'salesforce', accountId: '001000000000009' }).success).toBe(true);
    expect(saveCrmLinkBody.safeParse({ provider: 'hubspot', accountId: '5001', contactId: '6001' }).success).toBe(true);
    expect(saveCrmLinkBody.safeParse({ provider: 'gainsight', accountId: '1I00ABC' }).success).toBe(true);
    const sf = saveCrmLinkBody.safeParse({ provider: 'salesforce', accountId: '003000000000009AAA' });
    expect(sf.success).toBe(false);
    expect(sf.error!.issues.map((i) => i.path.join('.'))).toEqual(['accountId']);
    const hs = saveCrmLinkBody.safeParse({ provider: 'hubspot', accountId: '5001', contactId: 'abc' });
    expect(hs.error!.issues.map((i) => i.path.join('.'))).toEqual(['contactId']);
  });
});
