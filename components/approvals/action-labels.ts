export const KIND_LABELS: Record<string, string> = {
  plan_change: 'Plan change',
  credit: 'Credit',
  dunning_step: 'Dunning step',
  email: 'E-mail',
  crm_task: 'CRM task',
  slack_post: 'Slack post',
};

export const STATUS_TONES: Record<string, 'gray' | 'green' | 'amber' | 'red' | 'blue'> = {
  proposed: 'gray',
  pending_approval: 'amber',
  approved: 'blue',
  executing: 'blue',
  executed: 'green',
  failed: 'red',
  unknown: 'red',
  rejected: 'gray',
  expired: 'gray',
  cancelled: 'gray',
};
