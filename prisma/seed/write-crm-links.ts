import type { Tx } from '@/lib/db';
import type { DemoData } from '../factories/demo-data';

const OWNERS = ['Avery Chen', 'Jordan Patel', 'Morgan Reyes', 'Sam Okafor'] as const;

// Each demo customer is an Account (and primary Contact) in the demo Salesforce org, with an
// account owner, so the Expansion page shows owners and CRM tasks have a WhatId/WhoId to attach
// to once a Salesforce integration is configured. Ids follow Salesforce's 18-character shape.
export async function writeCrmLinks(tx: Tx, data: DemoData) {
  const sfId = (prefix: string, n: number) => `${prefix}${String(n).padStart(12, '0')}AAA`;
  await tx.customerCrmLink.createMany({
    data: data.customers.map(({ profile }, i) => ({
      customerId: profile.id,
      provider: 'salesforce',
      accountId: sfId('001', i + 1),
      contactId: sfId('003', i + 1),
      ownerName: OWNERS[i % OWNERS.length]!,
      ownerExternalId: sfId('005', (i % OWNERS.length) + 1),
    })),
  });
}
