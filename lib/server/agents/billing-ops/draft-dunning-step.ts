import type { PolicyChoice } from '@/lib/analytics/dunning/dunning-policy';
import { topFactors } from '@/lib/analytics/dunning/recovery-model';
import type { Decision, DraftRecord } from '../define-agent';
import {
  writeCallTask,
  writeCreditEmail,
  writePauseOfferEmail,
  writeUpdateCardEmail,
  type DunningFacts,
} from './write-dunning-messages';

const DAY_MS = 86_400_000;

// Turns the policy's choice into drafts through policy and approval: a retry or a grace
// extension is a dunning_step; an e-mail is an `email`; a call is a `crm_task`; a retention
// credit is a `credit` (with its e-mail). Nothing is executed here.
export async function draftDunningStep(
  run: Decision,
  choice: PolicyChoice,
  f: DunningFacts & { invoiceId: string; customerEmail: string | null; mrrMinor: number; episodeKey: string },
  graceDays: number,
): Promise<DraftRecord[]> {
  const sourceRef = `billing-ops:${f.episodeKey}`;
  const reasoning = choice.why.join(' ');
  const drafts: DraftRecord[] = [];
  const email = async (mail: { subject: string; body: string }) => {
    if (!f.customerEmail) {
      drafts.push(
        run.skip({ kind: 'email', actionId: null, reason: 'the customer has no e-mail address on file', sourceRef }),
      );
      return;
    }
    drafts.push(
      await run.propose({
        kind: 'email',
        title: mail.subject,
        payload: { to: f.customerEmail, ...mail },
        reasoning,
        sourceRef,
      }),
    );
  };
  if (choice.extendGrace) {
    drafts.push(
      await run.propose({
        kind: 'dunning_step',
        title: `Extend the due date of ${f.invoiceNumber} by ${graceDays} days`,
        payload: { invoiceId: f.invoiceId, step: 'extend_grace', graceDays },
        reasoning,
        sourceRef: `${sourceRef}:grace`,
      }),
    );
  }
  if (choice.step === 'retry') {
    drafts.push(
      await run.propose({
        kind: 'dunning_step',
        title: `Retry ${f.invoiceNumber}${choice.at ? ` at ${choice.at.toISOString().slice(0, 16)}Z` : ''}`,
        payload: {
          invoiceId: f.invoiceId,
          step: 'retry_now',
          ...(choice.at ? { retryAt: choice.at.toISOString() } : {}),
        },
        reasoning,
        sourceRef,
      }),
    );
  } else if (choice.step === 'update_card_email') {
    await email(writeUpdateCardEmail(f));
  } else if (choice.step === 'pause_offer') {
    await email(writePauseOfferEmail(f));
  } else if (choice.step === 'usage_credit') {
    drafts.push(
      await run.propose({
        kind: 'credit',
        title: `Retention credit for ${f.customerName}`,
        payload: {
          amountMinor: choice.creditMinor,
          currency: f.currency,
          reasonCode: 'goodwill',
          mode: 'balance',
          memo: `Retention credit while invoice ${f.invoiceNumber} is unpaid`,
        },
        reasoning,
        sourceRef: `${sourceRef}:credit`,
      }),
    );
    await email(writeCreditEmail(f, choice.creditMinor));
  } else if (choice.step === 'call_task') {
    const task = writeCallTask(f, f.mrrMinor, choice.why, choice.prediction ? topFactors(choice.prediction, 4) : []);
    drafts.push(
      await run.propose({
        kind: 'crm_task',
        title: task.title,
        payload: {
          ...task,
          owner: 'solutions-engineering',
          dueDate: new Date(run.now.getTime() + DAY_MS).toISOString().slice(0, 10),
        },
        reasoning,
        sourceRef,
      }),
    );
  }
  return drafts;
}
