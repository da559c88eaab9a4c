import { destinationFor } from '@/lib/server/integrations/resolve-destination';
import { defineActionKind, noMoney } from './define-action-kind';

// A message in Slack, to the payload's incoming-webhook URL or the workspace default.
export const slackPost = defineActionKind<'slack_post'>({
  kind: 'slack_post',
  amountAtStake: async () => noMoney,
  describe: async (_tx, p) => ({
    headline: `Slack: ${p.text.slice(0, 120)}${p.text.length > 120 ? '…' : ''}`,
    before: null,
    after: null,
  }),
  execute: {
    outbound: (p) => ({
      channel: 'slack',
      destination: destinationFor('slack', p.integrationId),
      payload: { text: p.text },
    }),
  },
});
