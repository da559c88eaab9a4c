import type { AgentDefinition } from './define-agent';
import { billingOps } from './billing-ops/billing-ops';
import { developerSuccess } from './developer-success/developer-success';
import { disputeDesk } from './dispute-desk/dispute-desk';
import { invoiceExplainer } from './invoice-explainer/invoice-explainer';
import { usageAnalyst } from './usage-analyst/usage-analyst';
import { billingOpsSla } from './billing-ops-sla/billing-ops-sla';
import { usageReconciler } from './usage-reconciler/usage-reconciler';

// Every agent Tollgate runs. A new agent: one folder with defineAgent(), one line here — the
// worker, the webhook hook, ingest and the console's agent names all read this list.
export const AGENTS: readonly AgentDefinition[] = [
  usageAnalyst,
  invoiceExplainer,
  disputeDesk,
  billingOps,
  billingOpsSla,
  developerSuccess,
  usageReconciler,
];

/** Agent id → title, for the console (decision records and drafted actions name their agent by id). */
export function agentTitles(): Record<string, string> {
  return Object.fromEntries(AGENTS.map((a) => [a.id, a.title]));
}
