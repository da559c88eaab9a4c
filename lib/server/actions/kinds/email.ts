import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { isTransactional } from '@/lib/schemas/email-templates';
import { assertDeliverable } from '@/lib/server/email/assert-deliverable';
import { defineActionKind, noMoney } from './define-action-kind';

// An e-mail to a customer, delivered by the outbox through the configured e-mail transport
// (lib/server/email: SMTP, Postmark, SendGrid, Resend or the webhook relay).
export const email = defineActionKind<'email'>({
  kind: 'email',
  amountAtStake: async () => noMoney,
  // Never to a suppressed address: hard bounces and complaints always, unsubscribes unless transactional.
  checkAgainstStoredState: (tx, p) => assertDeliverable(tx, p.to, isTransactional(p.template)),
  describe: async (_tx, p) => ({ headline: `E-mail ${p.to}: “${p.subject}”`, before: null, after: null }),
  execute: {
    outbound: (p) => ({
      channel: 'email',
      destination: destinationFor('email'),
      payload: p,
    }),
  },
});
