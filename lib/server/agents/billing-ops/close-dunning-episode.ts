import type { Tx } from '@/lib/db';
import { withdrawAgentDrafts } from '@/lib/server/actions/withdraw-agent-drafts';
import type { AgentContext } from '../define-agent';
import type { DunningInvoice } from './find-dunning-invoice';
import type { DunningEpisode, DunningOutput } from './read-dunning-episode';

// The invoice was paid (or voided): the episode ends. One decision records the outcome on the
// timeline, and the episode's drafts still waiting for approval are withdrawn — a retry of a paid
// invoice or a reminder to pay it would only confuse the customer.
export async function closeDunningEpisode(ctx: AgentContext, tx: Tx, invoice: DunningInvoice, episode: DunningEpisode) {
  const recovered = invoice.status === 'paid';
  const withdrawn = await withdrawAgentDrafts(tx, {
    agent: ctx.agent,
    customerId: invoice.customerId,
    runInputs: { path: ['invoiceId'], equals: invoice.id },
    reason: `invoice ${invoice.number ?? invoice.id} is ${invoice.status}`,
  });
  const days = (ctx.now.getTime() - episode.firstFailureAt.getTime()) / 86_400_000;
  const output: DunningOutput = {
    invoiceId: invoice.id,
    episodeKey: `${invoice.id}#closed`,
    attempt: Math.max(invoice.attemptCount, episode.failures),
    declineClass: null,
    declineCode: null,
    step: recovered ? 'recovered' : 'closed',
    at: ctx.now.toISOString(),
    probability: null,
    extendGrace: false,
    graceDays: null,
    modelVersion: null,
    why: [
      recovered
        ? `Invoice ${invoice.number ?? invoice.id} was paid ${days.toFixed(1)} days after the first failure, after ${episode.decided.length} dunning decision(s).`
        : `Invoice ${invoice.number ?? invoice.id} is ${invoice.status}: dunning ends.`,
      withdrawn.length ? `${withdrawn.length} pending draft(s) withdrawn.` : 'No pending drafts to withdraw.',
    ],
    factors: [],
  };
  await ctx.decide(
    tx,
    {
      customerId: invoice.customerId,
      sourceRef: ctx.trigger.ref,
      inputs: { invoiceId: invoice.id, invoiceNumber: invoice.number, status: invoice.status },
      model: { provider: 'builtin', promptVersion: `${ctx.agent.id}/${ctx.agent.version}` },
    },
    async (run) => {
      run.reason(...output.why);
      run.output({ dunning: output, withdrawn });
      run.outcome(recovered ? 'recovered' : `closed: ${invoice.status}`);
    },
  );
}
