import { formatMoney } from '@/lib/money';
import type { Factor } from '@/lib/analytics/dunning/recovery-model';

// The texts billing-ops drafts, composed from facts (no model writes them): the customer e-mails
// (update card, retention credit, pause/downgrade offer) and the solutions engineer's call task.
// E-mails use the `email` action kind's payload as it is: { to, subject, body }.

export interface DunningFacts {
  customerName: string;
  invoiceNumber: string;
  amountMinor: number;
  currency: string;
  /** Stripe's hosted invoice page: pay or change the card there. */
  payUrl: string | null;
  declineClass: string;
  declineCode: string | null;
}

const due = (f: DunningFacts) => formatMoney(f.amountMinor, f.currency);
const payLine = (f: DunningFacts) =>
  f.payUrl
    ? `You can pay it or update your card here: ${f.payUrl}`
    : 'Reply to this e-mail and we will send you a secure link to update your card.';

const REASON: Record<string, string> = {
  needs_customer: 'your bank needs you to confirm the payment or the card on file has expired',
  hard: 'your bank declined the card on file and will not accept it again',
  soft: 'your bank declined the payment for now',
  fraud: 'the payment was declined',
};

export function writeUpdateCardEmail(f: DunningFacts) {
  return {
    subject: `Action needed: payment for invoice ${f.invoiceNumber}`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `We could not collect ${due(f)} for invoice ${f.invoiceNumber}: ${REASON[f.declineClass] ?? REASON.soft}.`,
      payLine(f),
      '',
      'Your service continues while this is sorted out. Thank you!',
    ].join('\n'),
  };
}

export function writeCreditEmail(f: DunningFacts, creditMinor: number) {
  return {
    subject: `A credit on your account, and invoice ${f.invoiceNumber}`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `We are sorry about the recent trouble you raised with our support team. We have proposed a credit of ${formatMoney(creditMinor, f.currency)} on your account.`,
      `Invoice ${f.invoiceNumber} (${due(f)}) is still open. ${payLine(f)}`,
    ].join('\n'),
  };
}

export function writePauseOfferEmail(f: DunningFacts) {
  return {
    subject: `Invoice ${f.invoiceNumber}: pause or change your plan instead?`,
    body: [
      `Hello ${f.customerName},`,
      '',
      `Invoice ${f.invoiceNumber} (${due(f)}) is unpaid. If your needs have changed, we can pause your subscription or move you to a smaller plan rather than cancel it — just reply to this e-mail.`,
      payLine(f),
    ].join('\n'),
  };
}

export function writeCallTask(f: DunningFacts, mrrMinor: number, why: string[], factors: Factor[]) {
  return {
    title: `Call ${f.customerName} about unpaid invoice ${f.invoiceNumber} (${due(f)})`,
    body: [
      `The payment for invoice ${f.invoiceNumber} failed (${f.declineCode ?? 'no code'}, ${f.declineClass.replace('_', ' ')}). The account is worth ${formatMoney(mrrMinor, f.currency)} a month.`,
      ...why,
      `What moved the estimate: ${factors.map((x) => `${x.feature} ${x.contribution >= 0 ? '+' : ''}${x.contribution.toFixed(2)}`).join(', ')}.`,
      f.payUrl ? `Payment link to share: ${f.payUrl}` : 'No hosted invoice link is stored.',
    ].join('\n'),
  };
}
