import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { defineActionKind, noMoney } from './define-action-kind';

// An e-mail to a customer, delivered by the outbox through the e-mail webhook.
export const email = defineActionKind<'email'>({
  kind: 'email',
  amountAtStake: async () => noMoney,
  describe: async (_tx, p) => ({ headline: `E-mail ${p.to}: “${p.subject}”`, before: null, after: null }),
  execute: {
    outbound: (p) => ({
      channel: 'email',
      destination: destinationFor('email'),
      payload: p,
    }),
  },
});
