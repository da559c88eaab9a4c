import type { Tx } from '@/lib/db';

// Starter knowledge base for the demo: the policies and API behaviour support is asked about
// most, so the copilot has something to cite from the first question.
const DOCUMENTS = [
  {
    title: 'How overage is billed',
    category: 'billing',
    body: `# How overage is billed

Each plan includes a quantity of every meter per billing period. Usage above the included quantity is **overage**, billed on the next invoice at the plan's overage price.

- Overage is counted per period; unused allowance does not roll over.
- A bill that is higher than last month almost always comes from overage: compare the usage lines of the two invoices.
- A customer who pays overage three periods in a row is usually cheaper on the next plan up; RevOps can draft a plan change.`,
  },
  {
    title: 'API rate limits and 429 responses',
    category: 'api',
    body: `# Rate limits

Requests above a plan's hard limit are refused by the entitlement check with **429 Too Many Requests**. Plans without a hard limit never refuse: usage above the allowance is billed as overage.

Clients should retry a 429 with exponential backoff and respect the \`Retry-After\` header. A burst of 5xx errors on one endpoint points to an incident: check the Incidents page.`,
  },
  {
    title: 'Failed payments and dunning',
    category: 'policy',
    body: `# Failed payments

When a card is declined the invoice stays open and is retried on the smart-retry schedule. The decline code (for example \`card_declined\`, \`insufficient_funds\`, \`expired_card\`) tells the customer what to fix.

Support never marks an invoice paid or waives it: credits and write-offs are drafted as actions and approved by RevOps.`,
  },
];

export async function writeKnowledgeDocuments(tx: Tx): Promise<void> {
  await tx.knowledgeDocument.createMany({ data: DOCUMENTS });
}
