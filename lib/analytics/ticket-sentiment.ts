/**
 * Ticket sentiment from a small lexicon: -1 (angry, leaving) … +1 (happy). Deterministic and
 * explainable — a reviewer sees which words moved the score — and good enough to rank accounts;
 * a model-based classifier can replace it behind the same signature.
 */
const NEGATIVE: readonly string[] = [
  'angry',
  'frustrat',
  'unacceptable',
  'terrible',
  'awful',
  'broken',
  'outage',
  'down again',
  'disappoint',
  'useless',
  'worst',
  'overcharg',
  'refund',
  'escalat',
  'still not',
  'again',
];
// Intent to leave or shrink weighs more than a complaint: it is the downgrade signal itself.
const LEAVING: readonly string[] = [
  'cancel',
  'downgrad',
  'switch to',
  'competitor',
  'moving away',
  'terminate',
  'churn',
];
const POSITIVE: readonly string[] = [
  'thank',
  'great',
  'love',
  'awesome',
  'perfect',
  'appreciate',
  'works well',
  'happy',
];

const count = (text: string, words: readonly string[]) => words.filter((w) => text.includes(w)).length;

export interface TicketSentiment {
  /** -1 … +1. */
  score: number;
  /** The ticket says the customer wants to cancel, downgrade or leave. */
  leavingIntent: boolean;
}

export function ticketSentiment(subject: string, body: string): TicketSentiment {
  const text = `${subject} ${body}`.toLowerCase();
  const neg = count(text, NEGATIVE);
  const leave = count(text, LEAVING);
  const pos = count(text, POSITIVE);
  const raw = pos - neg - 2 * leave;
  return { score: Math.max(-1, Math.min(1, raw / 3)), leavingIntent: leave > 0 };
}
