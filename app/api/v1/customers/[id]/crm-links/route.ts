// GET /api/v1/customers/:id/crm-links — the customer's records in each CRM (every role)
// PUT /api/v1/customers/:id/crm-links — set the customer's record in one CRM (revops, admin; audited)
import { withApi } from '@/lib/api/with-api';
import { idParams } from '@/lib/schemas/common';
import { crmLinkListResponse, crmLinkView, saveCrmLinkBody } from '@/lib/schemas/crm-links';
import { listCustomerCrmLinks, saveCustomerCrmLink } from '@/lib/server/customers/save-customer-crm-link';

export const GET = withApi({
  auth: 'session',
  capability: 'console.read',
  schemas: { params: idParams, response: crmLinkListResponse },
  handler: async ({ params }) => ({ items: await listCustomerCrmLinks(params.id) }),
});

export const PUT = withApi({
  auth: 'session',
  capability: 'crm-links.manage',
  schemas: { params: idParams, body: saveCrmLinkBody, response: crmLinkView },
  handler: ({ user, params, body, requestId }) => saveCustomerCrmLink(user, params.id, body, requestId),
});
