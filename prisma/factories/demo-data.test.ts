import { describe, expect, it } from 'vitest';
import { generateDemoData } from './demo-data';
import { hourlyUsage } from './usage-model';

const NOW = new Date('2026-06-15T12:00:00Z');
const HOUR = 3_600_000;

describe('generateDemoData', () => {
  const data = generateDemoData({ now: NOW });

  it('is deterministic for a seed and differs for another', () => {
    const again = generateDemoData({ now: NOW });
    expect(again.customers.map((c) => c.invoices.map((i) => i.total))).toEqual(
      data.customers.map((c) => c.invoices.map((i) => i.total)),
    );
    const other = generateDemoData({ now: NOW, seed: 7 });
    expect(other.customers.map((c) => c.profile.plan.key)).not.toEqual(data.customers.map((c) => c.profile.plan.key));
  });

  it('has about 200 customers on 4 plans with the required shapes', () => {
    expect(data.customers).toHaveLength(200);
    expect(new Set(data.customers.map((c) => c.profile.plan.key)).size).toBe(4);
    const shapes = data.customers.map((c) => c.profile.usage.shape);
    expect(shapes.filter((s) => s === 'runaway')).toHaveLength(1);
    expect(shapes.filter((s) => s === 'drop_to_zero')).toHaveLength(1);
    expect(shapes.filter((s) => s === 'near_limit').length).toBeGreaterThan(5);
    expect(shapes.filter((s) => s === 'grower').length).toBeGreaterThan(10);
  });

  it('has three billing cycles per customer, some failed payments, tickets and one incident', () => {
    expect(data.customers.every((c) => c.invoices.length === 3)).toBe(true);
    const failed = data.customers.flatMap((c) => c.attempts).filter((a) => !a.succeeded);
    expect(failed.length).toBeGreaterThan(5);
    expect(data.customers.filter((c) => c.invoices.at(-1)!.status === 'open').length).toBeGreaterThan(3);
    expect(data.tickets.length).toBeGreaterThan(30);
    expect(data.incident.impacts.length).toBeGreaterThan(5);
  });

  it('gives the runaway customer a spike and the dropping one zero usage at the end', () => {
    const runaway = data.customers.find((c) => c.profile.usage.shape === 'runaway')!.profile.usage;
    const dropped = data.customers.find((c) => c.profile.usage.shape === 'drop_to_zero')!.profile.usage;
    const now = data.now.getTime();
    const weekAgoSameHour = now - 7 * 24 * HOUR - HOUR;
    expect(hourlyUsage(runaway, 'api_calls', now - HOUR, now)).toBeGreaterThan(
      8 * hourlyUsage(runaway, 'api_calls', weekAgoSameHour, now),
    );
    for (let h = 1; h <= 9 * 24; h += 13) expect(hourlyUsage(dropped, 'api_calls', now - h * HOUR, now)).toBe(0);
    expect(hourlyUsage(dropped, 'api_calls', now - 20 * 24 * HOUR + 15 * HOUR, now)).toBeGreaterThan(0);
  });

  it('shows weekly seasonality: weekdays busier than weekends', () => {
    const p = data.customers.find((c) => c.profile.usage.shape === 'steady')!.profile.usage;
    let weekday = 0;
    let weekend = 0;
    const start = Date.UTC(2026, 4, 4); // a Monday
    for (let d = 0; d < 28; d++) {
      for (let h = 0; h < 24; h++) {
        const t = start + (d * 24 + h) * HOUR;
        const q = hourlyUsage(p, 'api_calls', t, NOW.getTime());
        if (d % 7 >= 5) weekend += q / 8;
        else weekday += q / 20;
      }
    }
    expect(weekend / weekday).toBeLessThan(0.95);
  });

  it('streams hourly rollups for every customer and meter over the window', () => {
    const small = generateDemoData({ now: NOW, customers: 3, days: 2 });
    const rows = [...small.rollups()];
    // Zero hours are skipped; every customer with usage has rows on every meter.
    const pairs = new Set(rows.map((r) => `${r.customerId}/${r.meterId}`));
    const active = small.customers.filter((c) => c.profile.usage.shape !== 'drop_to_zero');
    for (const c of active) for (const m of small.meters) expect(pairs.has(`${c.profile.id}/${m.id}`)).toBe(true);
    expect(
      rows.filter((r) => r.meterId === 'mtr_storage_gb' && active.some((c) => c.profile.id === r.customerId)),
    ).toHaveLength(active.length * 48);
    expect(
      rows.every((r) => r.hour.getTime() < small.now.getTime() && r.hour.getTime() >= small.now.getTime() - 48 * HOUR),
    ).toBe(true);
  });
});
