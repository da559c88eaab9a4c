// Cohort validation for an SLA incident, pure: from a customer's usage in the incident window
// (per minute, region, service/endpoint, failed or not), whether the incident hurt them, and
// how many minutes of downtime it cost them. Only customers with traffic *and* failures in the
// incident's scope (its regions and services), outside announced maintenance, are in the cohort.

/** A minute is downtime when at least this share of the customer's in-scope requests failed. */
export const DOWNTIME_ERROR_RATE = 0.05;

export interface TrafficRow {
  /** Start of the minute, epoch ms. */
  minute: number;
  region: string;
  service: string;
  endpoint: string;
  failed: boolean;
  requests: number;
}

export interface Scope {
  regions: readonly string[];
  services: readonly string[];
}

export interface Interval {
  start: number;
  end: number;
}

export type CohortReason = 'in_cohort' | 'no_traffic' | 'no_errors' | 'errors_outside_scope' | 'maintenance_window';

export interface CohortVerdict {
  reason: CohortReason;
  requests: number;
  failures: number;
  /** In scope and outside maintenance. */
  scopeRequests: number;
  scopeFailures: number;
  /** Failed requests in scope that fell inside a maintenance window (never credited). */
  maintenanceFailures: number;
  outsideScopeFailures: number;
  downtimeMinutes: number;
  /** Minutes with in-scope traffic (what the error rate was measured over). */
  measuredMinutes: number;
  errorRate: number;
}

/** Whether a row is in the incident's scope: empty regions / services mean "all". */
export function inScope(row: Pick<TrafficRow, 'region' | 'service' | 'endpoint'>, scope: Scope): boolean {
  const region = scope.regions.length === 0 || scope.regions.includes(row.region);
  const service =
    scope.services.length === 0 ||
    scope.services.some((s) => s === row.service || (s.startsWith('/') && row.endpoint.startsWith(s)));
  return region && service;
}

const inAny = (t: number, windows: readonly Interval[]) => windows.some((w) => t >= w.start && t < w.end);

export function validateCustomer(
  rows: readonly TrafficRow[],
  scope: Scope,
  maintenance: readonly Interval[],
): CohortVerdict {
  const v: CohortVerdict = {
    reason: 'no_traffic',
    requests: 0,
    failures: 0,
    scopeRequests: 0,
    scopeFailures: 0,
    maintenanceFailures: 0,
    outsideScopeFailures: 0,
    downtimeMinutes: 0,
    measuredMinutes: 0,
    errorRate: 0,
  };
  const perMinute = new Map<number, { requests: number; failures: number }>();
  for (const r of rows) {
    v.requests += r.requests;
    if (r.failed) v.failures += r.requests;
    if (!inScope(r, scope)) {
      if (r.failed) v.outsideScopeFailures += r.requests;
      continue;
    }
    if (inAny(r.minute, maintenance)) {
      if (r.failed) v.maintenanceFailures += r.requests;
      continue;
    }
    v.scopeRequests += r.requests;
    const m = perMinute.get(r.minute) ?? { requests: 0, failures: 0 };
    m.requests += r.requests;
    if (r.failed) {
      v.scopeFailures += r.requests;
      m.failures += r.requests;
    }
    perMinute.set(r.minute, m);
  }
  v.measuredMinutes = perMinute.size;
  v.downtimeMinutes = [...perMinute.values()].filter(
    (m) => m.requests > 0 && m.failures / m.requests >= DOWNTIME_ERROR_RATE,
  ).length;
  v.errorRate = v.scopeRequests ? v.scopeFailures / v.scopeRequests : 0;
  v.reason =
    v.requests === 0
      ? 'no_traffic'
      : v.scopeFailures > 0
        ? 'in_cohort'
        : v.maintenanceFailures > 0
          ? 'maintenance_window'
          : v.outsideScopeFailures > 0
            ? 'errors_outside_scope'
            : 'no_errors';
  return v;
}

export const COHORT_REASON_LABELS: Record<CohortReason, string> = {
  in_cohort: 'Traffic and failures in the affected scope',
  no_traffic: 'No traffic during the incident',
  no_errors: 'Traffic but no errors',
  errors_outside_scope: 'Errors only outside the affected regions/services',
  maintenance_window: 'Errors only inside an announced maintenance window',
};
