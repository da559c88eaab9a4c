import { ACTION_KIND_NAMES, ACTION_KINDS } from '@/lib/schemas/action-kinds';

// Kind labels come from the one kind table (lib/schemas/action-kinds).
export const KIND_LABELS: Record<string, string> = Object.fromEntries(
  ACTION_KIND_NAMES.map((k) => [k, ACTION_KINDS[k].label]),
);

export const STATUS_TONES: Record<string, 'gray' | 'green' | 'amber' | 'red' | 'blue'> = {
  proposed: 'gray',
  pending_approval: 'amber',
  approved: 'blue',
  executing: 'blue',
  executed: 'green',
  scheduled: 'blue',
  failed: 'red',
  unknown: 'red',
  rejected: 'gray',
  expired: 'gray',
  cancelled: 'gray',
};
