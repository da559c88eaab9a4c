import type { BadgeTone } from '@/components/ui/badge';

// How the incident page names each assessment outcome (the agent's reason codes) and each
// credit's state. Text only: the rules live in the agent.
export const REASON_LABELS: Record<string, { label: string; tone: BadgeTone }> = {
  credit: { label: 'Credit owed', tone: 'blue' },
  below_tier: { label: 'In cohort, no tier reached', tone: 'gray' },
  no_invoice: { label: 'In cohort, no invoice to credit', tone: 'amber' },
  no_traffic: { label: 'Excluded: no traffic', tone: 'gray' },
  no_errors: { label: 'Excluded: traffic but no errors', tone: 'gray' },
  errors_outside_scope: { label: 'Excluded: errors outside the affected scope', tone: 'gray' },
  maintenance_window: { label: 'Excluded: errors only in a maintenance window', tone: 'gray' },
  no_sla_policy: { label: 'Excluded: plan has no SLA', tone: 'gray' },
};

export const CREDIT_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  pending_approval: { label: 'Awaiting approval', tone: 'amber' },
  approved: { label: 'Approved · issuing', tone: 'blue' },
  executing: { label: 'Issuing credit note', tone: 'blue' },
  executed: { label: 'Credit note issued', tone: 'green' },
  failed: { label: 'Failed', tone: 'red' },
  unknown: { label: 'Outcome unknown', tone: 'red' },
  rejected: { label: 'Rejected', tone: 'gray' },
  expired: { label: 'Expired', tone: 'gray' },
  cancelled: { label: 'Cancelled', tone: 'gray' },
};
