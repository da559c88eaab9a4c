import { formatDate } from '@/lib/format';
import { formatMoney } from '@/lib/money';

export interface DisputeFacts {
  /** Business time of the run: whether the evidence deadline has passed. */
  now: Date;
  customerName: string | null;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  chargeExternalId: string;
  evidenceDueBy: Date | null;
  invoice: { number: string | null; externalId: string | null; periodStart: Date; periodEnd: Date } | null;
  /** Metered usage Tollgate recorded for the customer in the invoice's period, per meter. */
  usage: { meterName: string; unit: string; quantity: number }[];
}

// What wins a dispute depends on its reason (Stripe's reason codes). For an API business the
// strongest proof of service is the usage the customer's own keys produced, which Tollgate holds.
const EVIDENCE: Record<string, string[]> = {
  fraudulent: [
    'Usage logs for the charged period: API keys, request counts, source IPs and timestamps.',
    'Sign-up and login history of the account (IP addresses, e-mail verification).',
    'Any past undisputed payments from the same card or customer.',
  ],
  unrecognized: [
    'The statement descriptor and the invoice the charge paid.',
    'Usage logs for the charged period showing the customer used the service.',
  ],
  product_not_received: [
    'Usage logs for the charged period: the service was delivered and used.',
    'Uptime / status records for the period.',
  ],
  product_unacceptable: [
    'Support conversations with the customer and how they were resolved.',
    'Usage logs for the charged period and the plan terms the customer agreed to.',
  ],
  subscription_canceled: [
    'The subscription history: when it was (or was not) cancelled, and the cancellation policy shown at sign-up.',
    'Usage after the claimed cancellation date, if any.',
  ],
  duplicate: ['Both charges and the distinct invoices they paid (or the refund of one of them).'],
  credit_not_processed: ['The refund or credit history of the customer, or why no refund was due (terms).'],
};
const GENERAL = [
  'The invoice, the plan terms and the usage logs for the charged period.',
  'Correspondence with the customer about the charge.',
];

export const evidenceToGather = (reason: string) => EVIDENCE[reason] ?? GENERAL;

// The CRM task the dispute desk drafts: what is disputed, by when evidence is due, what it
// concerns and what to gather — every figure from the stored dispute, invoice and usage.
export function writeDisputeTask(f: DisputeFacts): { title: string; body: string } {
  const amount = formatMoney(f.amount, f.currency);
  const who = f.customerName ?? 'an unknown customer';
  const reason = f.reason.replaceAll('_', ' ');
  const lines = [
    `${who} disputed ${amount} (reason: ${reason}; status: ${f.status.replaceAll('_', ' ')}).`,
    !f.evidenceDueBy
      ? 'Stripe gave no evidence due date: check the dispute in the Stripe dashboard.'
      : f.evidenceDueBy.getTime() > f.now.getTime()
        ? `Evidence is due by ${formatDate(f.evidenceDueBy)}: after that the dispute is lost by default.`
        : `The evidence deadline (${formatDate(f.evidenceDueBy)}) has passed: check in the Stripe dashboard whether it can still be answered.`,
    f.invoice
      ? `It concerns charge ${f.chargeExternalId} for invoice ${f.invoice.number ?? f.invoice.externalId ?? '(unnumbered)'} (${formatDate(f.invoice.periodStart)} – ${formatDate(f.invoice.periodEnd)}).`
      : `It concerns charge ${f.chargeExternalId} (no invoice on record for it).`,
    ...(f.usage.length
      ? [
          `Usage Tollgate recorded in that period: ${f.usage.map((u) => `${Math.round(u.quantity).toLocaleString('en-US')} ${u.unit} of ${u.meterName}`).join('; ')}.`,
        ]
      : []),
    '',
    'Evidence to gather:',
    ...evidenceToGather(f.reason).map((e) => `- ${e}`),
  ];
  return { title: `Respond to the ${amount} ${reason} dispute: ${who}`.slice(0, 300), body: lines.join('\n') };
}
