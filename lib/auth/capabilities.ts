import type { Role, SessionUser } from './roles';

// Who may do what, stated once. Routes (`withApi({ capability })`), page shells
// (`requirePageUser(capability)`), the navigation and the buttons a page shows all read this
// table, so a role's reach changes in one place. Domain rules that go beyond the role (dual
// approval, one's own edit, policy approver roles) are enforced by the domain functions.
const EVERY_ROLE: readonly Role[] = ['admin', 'revops', 'support'];
const REVOPS: readonly Role[] = ['admin', 'revops'];
const ADMIN: readonly Role[] = ['admin'];

export const CAPABILITIES = {
  /** Read customers, invoices, incidents, the approval queue and policies. */
  'console.read': EVERY_ROLE,
  /** Draft, edit, approve, reject and cancel actions (policy may narrow approvers further). */
  'actions.decide': REVOPS,
  /** Regenerate invoice explanations and share them. */
  'invoices.explain': REVOPS,
  'policies.edit': ADMIN,
  'audit.read': REVOPS,
  'webhooks.read': REVOPS,
  'webhooks.replay': ADMIN,
  'ingest.read': REVOPS,
  /** Usage reconciliation against Stripe meters and invoices: read, export, run now. */
  'reconciliation.read': REVOPS,
  'ingest.tokens.manage': ADMIN,
  /** Create, rotate, revoke and import customers' API keys (gateways register them with a token). */
  'customer-keys.manage': ADMIN,
  'users.manage': ADMIN,
  /** Slack, CRM and e-mail destinations, whose secrets never reach the browser. */
  'integrations.manage': ADMIN,
  /** Connect the billing platform (Stripe key, webhook endpoint), import from it, edit the catalog. */
  'billing.manage': ADMIN,
  /** Open and resolve incidents in the console; approve an incident's batch of SLA credits goes by actions.decide. */
  'incidents.manage': REVOPS,
  /** SLA policies per plan: targets, windows, credit tiers, caps, maintenance windows (audited). */
  'sla-policies.edit': ADMIN,
  /** Which CRM record (account, contact, owner) a customer is; CRM tasks attach to it. */
  'crm-links.manage': REVOPS,
  /** Ask the read-only support copilot and draft ticket notes from its answers (a person confirms them). */
  'support.copilot': EVERY_ROLE,
  /** Add and archive knowledge-base documents the copilot answers from. */
  'knowledge.manage': ADMIN,
  /** The e-mail brand (company name, logo, colour, From, Reply-To) every template and sender uses (audited). */
  'email.branding.manage': ADMIN,
  /** Resend, once, an e-mail whose hand-off a crash interrupted (delivery unknown; audited). */
  'email.resend': REVOPS,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof CAPABILITIES;

export function rolesWith(capability: Capability): readonly Role[] {
  return CAPABILITIES[capability];
}

export function can(user: Pick<SessionUser, 'role'>, capability: Capability): boolean {
  return CAPABILITIES[capability].includes(user.role);
}
