import { getDb } from '@/lib/db';
import type { CustomerKeyView } from '@/lib/schemas/customer-keys';
import { customerKeySelect, toCustomerKeyView } from './customer-key-view';

// A customer's keys, live ones first, newest first.
export async function listCustomerKeys(customerId: string): Promise<CustomerKeyView[]> {
  const rows = await getDb().customerApiKey.findMany({
    where: { customerId },
    orderBy: [{ revokedAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: customerKeySelect,
  });
  return rows.map(toCustomerKeyView);
}
