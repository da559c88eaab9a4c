// GET /api/v1/invoices/:id — one invoice: lines, previous invoice, current explanation writer (every role)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { invoiceDetail } from '@/lib/schemas/invoices';
import { getInvoiceDetail } from '@/lib/server/invoices/get-invoice-detail';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: invoiceDetail },
  handler: ({ params }) => getInvoiceDetail(params.id),
});
