import { getEnv } from '@/lib/env';
import { defineActionKind, noMoney, outboxDestination } from './define-action-kind';

// An e-mail to a customer, delivered by the outbox through the e-mail webhook.
export const email = defineActionKind<'email'>({
  kind: 'email',
  amountAtStake: async () => noMoney,
  describe: async (_tx, p) => ({ headline: `E-mail ${p.to}: “${p.subject}”`, before: null, after: null }),
  execute: {
    outbound: (p) => ({
      channel: 'email',
      destination: outboxDestination(getEnv().EMAIL_WEBHOOK_URL, 'EMAIL_WEBHOOK_URL'),
      payload: p,
    }),
  },
});
