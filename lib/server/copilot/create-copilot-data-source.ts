import { getDb } from '@/lib/db';
import { notFound } from '@/lib/errors';
import { writeBuiltinExplanation } from '@/lib/ai/builtin-writer';
import type { CopilotDataSource } from '@/lib/ai/copilot/copilot-data-source';
import {
  apiErrorsOutput,
  explanationOutput,
  invoicesOutput,
  knowledgeOutput,
  paymentsOutput,
  subscriptionOutput,
  ticketsOutput,
  usageOutput,
} from '@/lib/ai/copilot/tool-outputs';
import { getCustomer } from '@/lib/server/customers/get-customer';
import { getUsageInsights } from '@/lib/server/insights/get-usage-insights';
import { buildStoredInvoiceFacts } from '@/lib/server/invoices/build-stored-invoice-facts';
import { searchKnowledge } from '@/lib/server/knowledge/search-knowledge';
import { getCustomerApiErrors } from '@/lib/server/support/get-customer-api-errors';
import { getCustomerBilling } from '@/lib/server/support/get-customer-billing';
import { getCustomerPayments } from '@/lib/server/support/get-customer-payments';
import { listCustomerTickets } from '@/lib/server/support/list-customer-tickets';

// The copilot's read-only view of one customer: the same domain functions the customer page's
// cards call, wrapped as tool outputs. The customer id is fixed here, so no tool argument can
// reach another customer; an invoice id is looked up within this customer only.
export async function createCopilotDataSource(customerId: string): Promise<CopilotDataSource> {
  const detail = await getCustomer(customerId);
  const billing = await getCustomerBilling(customerId);
  const customer = { id: detail.id, name: detail.name };
  return {
    customer,
    currency: billing.currency,
    subscription: async (f) => subscriptionOutput(f, await getCustomerBilling(customerId), customer),
    usage: async (f) => {
      const [b, insights] = await Promise.all([
        getCustomerBilling(customerId),
        getUsageInsights(customerId).catch(() => null),
      ]);
      return usageOutput(f, b, insights);
    },
    invoices: async (f) => invoicesOutput(f, (await getCustomer(customerId)).invoices),
    explainInvoice: async (f, invoiceId) => {
      const invoice = await getDb().invoice.findFirst({
        where: {
          customerId,
          ...(invoiceId ? { OR: [{ id: invoiceId }, { number: invoiceId }] } : { status: { not: 'void' } }),
        },
        orderBy: { periodStart: 'desc' },
        select: { id: true, number: true },
      });
      if (!invoice) throw notFound('Invoice');
      const stored = await buildStoredInvoiceFacts(getDb(), invoice.id);
      return explanationOutput(f, {
        invoiceId: invoice.id,
        number: invoice.number,
        sheet: stored.sheet,
        explanation: writeBuiltinExplanation(stored.sheet),
      });
    },
    payments: async (f) => paymentsOutput(f, await getCustomerPayments(customerId)),
    apiErrors: async (f, days) => apiErrorsOutput(f, await getCustomerApiErrors(customerId, days)),
    tickets: async (f) => ticketsOutput(f, await listCustomerTickets(customerId)),
    searchKnowledge: async (f, query) => knowledgeOutput(f, await searchKnowledge({ q: query, customerId, limit: 8 })),
  };
}
