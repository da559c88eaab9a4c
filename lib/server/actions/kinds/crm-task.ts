import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { defineActionKind, noMoney } from './define-action-kind';

// A task in the CRM for the account owner, delivered by the outbox through the CRM webhook.
export const crmTask = defineActionKind<'crm_task'>({
  kind: 'crm_task',
  amountAtStake: async () => noMoney,
  describe: async (_tx, p) => ({
    headline: `CRM task: ${p.title}${p.dueDate ? ` (due ${p.dueDate})` : ''}`,
    before: null,
    after: null,
  }),
  execute: {
    outbound: (p) => ({
      channel: 'crm',
      destination: destinationFor('crm'),
      payload: { type: 'task', ...p },
    }),
  },
});
