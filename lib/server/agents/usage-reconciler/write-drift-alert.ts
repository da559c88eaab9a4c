// The Slack text of a drift alert, composed from the reconciliation's facts.
export interface DriftFacts {
  customerName: string;
  meterName: string;
  from: Date;
  to: Date;
  findings: string[];
  accepted: number;
  acknowledged: number;
  stripeReported: number | null;
  invoiced: number | null;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function writeDriftAlert(f: DriftFacts): { title: string; text: string } {
  const figures = [
    `accepted ${f.accepted}`,
    `acknowledged by Stripe ${f.acknowledged}`,
    f.stripeReported === null ? null : `Stripe meter summary ${f.stripeReported}`,
    f.invoiced === null ? null : `invoiced ${f.invoiced}`,
  ].filter(Boolean);
  return {
    title: `Usage drift: ${f.customerName} · ${f.meterName}`,
    text: [
      `*Usage drift* for ${f.customerName} on ${f.meterName}, ${day(f.from)} → ${day(f.to)}`,
      ...f.findings.map((x) => `• ${x}`),
      `Figures: ${figures.join(', ')}. Drill down in Tollgate → Reconciliation.`,
    ].join('\n'),
  };
}
