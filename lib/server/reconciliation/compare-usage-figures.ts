// Pure: what a reconciliation row's figures say. Tollgate's accepted quantity is the reference;
// every other source (rollups, our forwarding record, Stripe's meter summary, the invoice line)
// is compared with the one upstream of it, so a finding names the hop where usage went missing.

export interface UsageFigures {
  accepted: number;
  /** Null when the period is not whole hours, so hourly rollups cannot be compared exactly. */
  rolledUp: number | null;
  forwarded: number;
  acknowledged: number;
  unacknowledgedEvents: number;
  flaggedEvents: number;
  /** Null without a Stripe client or Stripe ids. */
  stripeReported: number | null;
  /** Null when no invoice covers the period (yet). */
  invoiced: number | null;
}

export interface Tolerance {
  /** Share of the accepted quantity (0.005 = 0.5 %). */
  ratio: number;
  /** Absolute units; a difference must exceed both to count. */
  units: number;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, ''));

export function compareUsageFigures(f: UsageFigures, tol: Tolerance): string[] {
  const beyond = (a: number, b: number) => {
    const diff = Math.abs(a - b);
    return diff > tol.units && diff > tol.ratio * Math.abs(f.accepted);
  };
  const findings: string[] = [];
  if (f.rolledUp !== null && beyond(f.rolledUp, f.accepted))
    findings.push(`Hourly rollups hold ${fmt(f.rolledUp)}, accepted events ${fmt(f.accepted)}`);
  if (f.flaggedEvents > 0) findings.push(`${f.flaggedEvents} event(s) flagged, not forwarded to Stripe`);
  if (f.unacknowledgedEvents > 0 && beyond(f.acknowledged, f.accepted))
    findings.push(
      `${f.unacknowledgedEvents} event(s) not acknowledged by Stripe (${fmt(f.accepted - f.acknowledged)} units)`,
    );
  if (f.stripeReported !== null && beyond(f.stripeReported, f.acknowledged))
    findings.push(`Stripe's meter summary shows ${fmt(f.stripeReported)}, Stripe acknowledged ${fmt(f.acknowledged)}`);
  const billedReference = f.stripeReported ?? f.accepted;
  if (f.invoiced !== null && beyond(f.invoiced, billedReference))
    findings.push(`Invoice line quantity ${fmt(f.invoiced)} differs from ${fmt(billedReference)} metered`);
  return findings;
}
