import Papa from 'papaparse';
import { ApiError } from '@/lib/errors';
import type { SessionUser } from '@/lib/auth/roles';
import type { RegisterCustomerKeysResult } from '@/lib/schemas/customer-keys';
import { registerCustomerKeys } from './register-customer-keys';

const MAX_ROWS = 10_000;
const CUSTOMER_COLUMNS = ['customer_id', 'external_customer_id'] as const;

// Bulk import from a key manager's export: a CSV with a header row naming `customer_id` or
// `external_customer_id` (the billing platform's id), `key` or `key_hash`, and optional `name`
// and `prefix`. Rows are registered in chunks with registerCustomerKeys, so the rules (and the
// per-row verdicts, numbered from the first data row) are the API's.
export async function importCustomerKeysCsv(
  actor: SessionUser,
  csv: string,
  requestId: string,
): Promise<RegisterCustomerKeysResult> {
  const parsed = Papa.parse<Record<string, string>>(csv.trim(), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const fields = parsed.meta.fields ?? [];
  if (!CUSTOMER_COLUMNS.some((c) => fields.includes(c)) || !(fields.includes('key') || fields.includes('key_hash'))) {
    throw new ApiError(
      422,
      'invalid_csv',
      'The first row must name customer_id or external_customer_id, and key or key_hash',
    );
  }
  if (parsed.data.length > MAX_ROWS) throw new ApiError(413, 'too_many_rows', `At most ${MAX_ROWS} keys per import`);
  const cell = (row: Record<string, string>, column: string) => row[column]?.trim() || undefined;
  const items = parsed.data.map((row) => ({
    customerId: cell(row, 'customer_id'),
    externalCustomerId: cell(row, 'external_customer_id'),
    key: cell(row, 'key'),
    keyHash: cell(row, 'key_hash'),
    name: cell(row, 'name'),
    prefix: cell(row, 'prefix'),
  }));
  const total: RegisterCustomerKeysResult = { created: 0, existing: 0, rejected: 0, results: [] };
  for (let start = 0; start < items.length; start += 1000) {
    const part = await registerCustomerKeys(
      { type: 'user', id: actor.id },
      items.slice(start, start + 1000),
      requestId,
    );
    total.created += part.created;
    total.existing += part.existing;
    total.rejected += part.rejected;
    total.results.push(...part.results.map((r) => ({ ...r, index: r.index + start })));
  }
  return total;
}
