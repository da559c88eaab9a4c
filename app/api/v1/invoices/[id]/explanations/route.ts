// GET /api/v1/invoices/:id/explanations — explanations, newest first, numbers attributed to facts (every role)
// POST /api/v1/invoices/:id/explanations — explain again now, checked and recorded (revops, admin)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { explanationListQuery, explanationListResponse, explanationView } from '@/lib/schemas/invoices';
import { explainStoredInvoice } from '@/lib/server/invoices/explain-stored-invoice';
import { listInvoiceExplanations } from '@/lib/server/invoices/list-invoice-explanations';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, query: explanationListQuery, response: explanationListResponse },
  handler: async ({ params, query }) => ({ items: await listInvoiceExplanations(params.id, query.limit) }),
});

export const POST = withApi({
  auth: 'session',
  capability: 'invoices.explain',
  schemas: { params: idParams, response: explanationView },
  status: 201,
  handler: async ({ params, user, requestId, req }) => {
    return explainStoredInvoice({
      invoiceId: params.id,
      trigger: { type: 'on_demand', ref: `invoices:${params.id}`, requestedBy: user.id },
      actor: { type: 'user', id: user.id },
      requestId,
      abortSignal: req.signal,
    });
  },
});
