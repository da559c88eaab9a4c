// GET /api/v1/invoices — invoices, newest period first, filterable by status and customer (every role)
import { withApi } from '@/lib/api/with-api';
import { invoiceListQuery, invoiceListResponse } from '@/lib/schemas/invoices';
import { listInvoices } from '@/lib/server/invoices/list-invoices';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { query: invoiceListQuery, response: invoiceListResponse },
  handler: ({ query }) => listInvoices(query),
});
