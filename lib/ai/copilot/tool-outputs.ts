import type { CustomerApiErrors, CustomerBilling, CustomerPayments, CustomerTickets } from '@/lib/schemas/support';
import type { CustomerDetail } from '@/lib/schemas/customers';
import type { UsageInsights } from '@/lib/schemas/insights';
import type { FactSheet, InvoiceExplanation } from '@/lib/schemas/invoice-facts';
import { stripHighlights, type KnowledgeSearchResponse } from '@/lib/schemas/knowledge';
import type { CopilotFacts } from './copilot-facts';

// Tool outputs, built from the same data the customer page shows. Each returns `view` (what the
// model reads: figures already in display form) and `brief` (sentences the built-in answer is
// composed of — every figure in them is a fact registered on `facts`, so they are grounded by
// construction). Free text someone else wrote is registered with facts.read() for the detector.

export interface ToolOutput {
  view: Record<string, unknown>;
  brief: string[];
}

const STAGE_TEXT: Record<CustomerPayments['unpaidInvoices'][number]['dunningStage'], string> = {
  awaiting_payment: 'awaiting its first payment attempt',
  retrying: 'in dunning, retries scheduled',
  final_attempt: 'in dunning, the next retry is the last one',
  exhausted: 'in dunning, retries exhausted',
};

export function subscriptionOutput(
  f: CopilotFacts,
  b: CustomerBilling,
  customer: Pick<CustomerDetail, 'id' | 'name'>,
): ToolOutput {
  f.read(`customers:${customer.id}`, 'name', customer.name);
  f.identifier(customer.name);
  if (!b.plan) return { view: { customer: customer.name, plan: null }, brief: ['There is no live subscription.'] };
  f.identifier(b.plan.name, b.plan.key);
  const price = f.money('billing.plan.base_price', 'Plan base price', b.plan.basePriceMinor, b.currency);
  const start = b.periodStart ? f.date('billing.period.start', 'Period start', b.periodStart) : null;
  const end = b.periodEnd ? f.date('billing.period.end', 'Period end', b.periodEnd) : null;
  const estimate = f.money(
    'billing.estimated_total',
    'Base price plus overage so far',
    b.estimatedTotalMinor,
    b.currency,
  );
  const brief = [
    `The customer is on the ${b.plan.name} plan at ${price} per ${b.plan.interval} (subscription ${b.subscriptionStatus ?? 'unknown'}${b.cancelAtPeriodEnd ? ', set to cancel at period end' : ''}).`,
    ...(start && end
      ? [`The current period runs ${start} – ${end}; base price plus overage so far comes to ${estimate}.`]
      : []),
  ];
  return {
    view: {
      customer: customer.name,
      plan: b.plan.name,
      basePrice: price,
      interval: b.plan.interval,
      status: b.subscriptionStatus,
      cancelAtPeriodEnd: b.cancelAtPeriodEnd,
      periodStart: start,
      periodEnd: end,
      estimatedTotalSoFar: estimate,
    },
    brief,
  };
}

export function usageOutput(f: CopilotFacts, b: CustomerBilling, insights: UsageInsights | null): ToolOutput {
  const forecasts = new Map((insights?.meters ?? []).map((m) => [m.meterKey, m.forecast]));
  const meters = b.meters.map((m) => {
    f.identifier(m.meterName, m.meterKey);
    const k = `usage.${m.meterKey}`;
    const used = f.quantity(`${k}.used`, `${m.meterName} used`, m.used);
    const included = f.quantity(`${k}.included`, `${m.meterName} included`, m.included);
    const pct =
      m.utilisation !== null ? f.percent(`${k}.utilisation`, `${m.meterName} utilisation`, m.utilisation) : null;
    const over = m.overageQuantity > 0 ? f.quantity(`${k}.overage`, `${m.meterName} overage`, m.overageQuantity) : null;
    const overMoney = f.money(`${k}.overage_amount`, `${m.meterName} overage charge`, m.overageAmountMinor, b.currency);
    const fc = forecasts.get(m.meterKey);
    const expected = fc
      ? f.quantity(`${k}.forecast`, `${m.meterName} forecast at period end`, Math.round(fc.expected))
      : null;
    const crossing = fc?.crossingDate
      ? f.date(`${k}.crossing`, `${m.meterName} reaches its included quantity`, fc.crossingDate)
      : null;
    const hard = m.hardLimit !== null ? f.quantity(`${k}.hard_limit`, `${m.meterName} hard limit`, m.hardLimit) : null;
    return {
      meter: m.meterName,
      unit: m.unit,
      used,
      included,
      utilisation: pct,
      hardLimit: hard,
      overage: over,
      overageCharge: overMoney,
      forecastAtPeriodEnd: expected,
      includedReachedOn: crossing,
    };
  });
  const brief = meters.map(
    (m) =>
      `${m.meter}: ${m.used} of ${m.included} ${m.unit} included${m.utilisation ? ` (${m.utilisation})` : ''}` +
      (m.overage ? `, ${m.overage} over, an overage charge of ${m.overageCharge} so far` : ', no overage so far') +
      (m.forecastAtPeriodEnd ? `; forecast ${m.forecastAtPeriodEnd} by period end` : '') +
      (m.includedReachedOn ? `, included quantity reached on ${m.includedReachedOn}` : '') +
      '.',
  );
  return { view: { meters }, brief: brief.length ? brief : ['No metered usage this period.'] };
}

export function invoicesOutput(f: CopilotFacts, invoices: CustomerDetail['invoices']): ToolOutput {
  const rows = invoices.map((i) => {
    f.identifier(i.number, i.id);
    return {
      id: i.id,
      number: i.number ?? i.id,
      status: i.status,
      total: f.money(`invoice.${i.id}.total`, `Invoice ${i.number ?? i.id} total`, i.total, i.currency),
      periodStart: f.date(`invoice.${i.id}.start`, `Invoice ${i.number ?? i.id} period start`, i.periodStart),
      periodEnd: f.date(`invoice.${i.id}.end`, `Invoice ${i.number ?? i.id} period end`, i.periodEnd),
    };
  });
  const brief = rows
    .slice(0, 3)
    .map((r) => `Invoice ${r.number} (${r.periodStart} – ${r.periodEnd}): ${r.total}, ${r.status}.`);
  return { view: { invoices: rows }, brief: brief.length ? brief : ['No invoices yet.'] };
}

export function explanationOutput(
  f: CopilotFacts,
  input: { invoiceId: string; number: string | null; sheet: FactSheet; explanation: InvoiceExplanation },
): ToolOutput {
  f.addFacts(input.sheet.facts);
  f.identifier(...input.sheet.identifiers);
  for (const line of input.sheet.lines) f.read(`invoice_lines:${line.id}`, 'description', line.description);
  const ref = f.cite({
    type: 'invoice',
    id: input.invoiceId,
    title: `Invoice ${input.number ?? input.invoiceId}`,
    snippet: input.explanation.summary,
  });
  const e = input.explanation;
  return {
    view: {
      invoice: input.number ?? input.invoiceId,
      cite: ref,
      summary: e.summary,
      whatChanged: e.changes,
      lines: e.lines.map((l) => l.explanation),
      facts: input.sheet.facts.slice(0, 80).map((x) => `${x.label}: ${x.display}`),
    },
    brief: [`${e.summary} [${ref}]`, ...e.changes],
  };
}

export function paymentsOutput(f: CopilotFacts, p: CustomerPayments): ToolOutput {
  const attempts = p.attempts.slice(0, 10).map((a) => {
    f.identifier(a.invoiceNumber, a.failureCode);
    f.read(`payment_attempts:${a.id}`, 'failure_message', a.failureMessage);
    return {
      at: f.date(`payment.${a.id}.at`, 'Payment attempt date', a.attemptedAt),
      amount: f.money(`payment.${a.id}.amount`, 'Payment attempt amount', a.amount, a.currency),
      invoice: a.invoiceNumber,
      outcome: a.succeeded ? 'succeeded' : 'declined',
      declineCode: a.failureCode,
      declineMessage: a.failureMessage,
    };
  });
  const unpaid = p.unpaidInvoices.map((i) => {
    f.identifier(i.number, i.id);
    return {
      invoice: i.number ?? i.id,
      remaining: f.money(`unpaid.${i.id}.remaining`, 'Amount remaining', i.amountRemaining, i.currency),
      attempts: f.quantity(`unpaid.${i.id}.attempts`, 'Payment attempts so far', i.attemptCount),
      nextRetry: i.nextPaymentAttemptAt
        ? f.date(`unpaid.${i.id}.next`, 'Next payment retry', i.nextPaymentAttemptAt)
        : null,
      dunning: STAGE_TEXT[i.dunningStage],
    };
  });
  const lastFailed = attempts.find((a) => a.outcome === 'declined');
  const brief = [
    p.delinquent
      ? 'Payments are failing: the account is delinquent.'
      : 'The account is in good standing (not delinquent).',
    ...(lastFailed
      ? [
          `The last declined attempt was on ${lastFailed.at} for ${lastFailed.amount} (decline code ${lastFailed.declineCode ?? 'not given'}).`,
        ]
      : []),
    ...unpaid.map(
      (u) =>
        `Invoice ${u.invoice} has ${u.remaining} unpaid after ${u.attempts} attempt(s), ${u.dunning}${u.nextRetry ? `; next retry ${u.nextRetry}` : ''}.`,
    ),
  ];
  return { view: { delinquent: p.delinquent, attempts, unpaidInvoices: unpaid }, brief };
}

export function apiErrorsOutput(f: CopilotFacts, e: CustomerApiErrors): ToolOutput {
  const since = f.date('api_errors.since', 'API errors counted since', e.since);
  const total = f.quantity('api_errors.total', 'Usage events in the window', e.totalEvents);
  const errors = f.quantity('api_errors.errors', 'Usage events with an error status', e.errorEvents);
  const groups = e.groups.map((g, i) => {
    f.identifier(g.endpoint);
    return {
      endpoint: g.endpoint,
      status: f.quantity(`api_errors.${i}.status`, 'HTTP status', g.status),
      count: f.quantity(`api_errors.${i}.count`, `Errors on ${g.endpoint}`, g.count),
      lastSeen: f.date(`api_errors.${i}.last`, 'Last seen', g.lastSeenAt),
    };
  });
  const top = groups.slice(0, 3).map((g) => `${g.count} × status ${g.status} on ${g.endpoint} (last ${g.lastSeen})`);
  const brief =
    e.errorEvents === 0
      ? [`No API errors in usage events since ${since}.`]
      : [`Since ${since}, ${errors} of ${total} requests returned an error: ${top.join('; ')}.`];
  return { view: { since, totalEvents: total, errorEvents: errors, byEndpoint: groups }, brief };
}

export function ticketsOutput(f: CopilotFacts, t: CustomerTickets): ToolOutput {
  const rows = t.items.slice(0, 20).map((x) => {
    f.read(`support_tickets:${x.id}`, 'subject', x.subject);
    f.read(`support_tickets:${x.id}`, 'body', x.body);
    return {
      id: x.id,
      opened: f.date(`ticket.${x.id}.opened`, 'Ticket opened', x.createdAt),
      status: x.status,
      subject: x.subject,
      body: x.body,
    };
  });
  const open = t.items.filter((x) => x.status !== 'solved').length;
  const brief = rows.length
    ? [
        `${f.quantity('tickets.open', 'Open tickets', open)} of ${f.quantity('tickets.total', 'Tickets shown', rows.length)} recent tickets are open; the latest was opened on ${rows[0].opened}. Their text is on the Tickets card.`,
      ]
    : ['No support tickets.'];
  return { view: { tickets: rows }, brief };
}

export function knowledgeOutput(f: CopilotFacts, r: KnowledgeSearchResponse): ToolOutput {
  const hits = r.items.map((h) => {
    const key = `${h.sourceType === 'document' ? 'knowledge_documents' : h.sourceType === 'ticket' ? 'support_tickets' : 'invoice_explanations'}:${h.sourceId}`;
    const snippet = stripHighlights(h.snippet);
    f.read(key, 'title', h.title);
    f.read(key, 'snippet', snippet);
    if (h.sourceType === 'document') f.factsFromDocument(key, snippet);
    const ref = f.cite({ type: h.sourceType, id: h.sourceId, title: h.title, snippet: h.snippet });
    return { cite: ref, source: h.sourceType, title: h.title, snippet, key };
  });
  const flagged = new Set(f.injections().map((x) => x.source));
  // Only unflagged admin documents are quoted by the built-in answer.
  const quotable = hits.filter((h) => h.source === 'document' && !flagged.has(h.key)).slice(0, 2);
  return {
    view: { mode: r.mode, results: hits.map(({ key: _key, ...h }) => h) },
    brief: quotable.map((h) => `From “${h.title}”: ${h.snippet} [${h.cite}]`),
  };
}
