// SLA credit arithmetic, pure: monthly uptime from downtime minutes, and the credit percentage
// of the deepest tier the uptime fell below. Uptime is in basis points of a percent (9990 = 99.90%).

export interface CreditTier {
  belowBp: number;
  creditPercent: number;
}

export function uptimeBp(downtimeMinutes: number, periodMinutes: number): number {
  if (periodMinutes <= 0) return 10_000;
  return Math.floor((1 - Math.min(downtimeMinutes, periodMinutes) / periodMinutes) * 1_000_000) / 100;
}

export function slaCreditPercent(uptime: number, tiers: CreditTier[]): number {
  return tiers.filter((t) => uptime < t.belowBp).reduce((best, t) => Math.max(best, t.creditPercent), 0);
}
