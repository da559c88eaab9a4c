import { HOUR_MS } from './insight-rules';

/** Usage per hour, contiguous: values[i] is the usage of the hour starting at start + i hours. */
export interface HourlySeries {
  start: number;
  values: number[];
}

// Rollups exist only for hours with usage, so a missing hour between two rows is a real zero.
// The series starts at the first row (before it the customer may simply not have existed) and
// ends right before `end` (exclusive, an hour boundary): hours after the last row are zeros,
// which is how a customer who stopped sending usage shows up.
export function buildHourlySeries(rows: readonly { hour: number; value: number }[], end: number): HourlySeries {
  if (!rows.length) return { start: end, values: [] };
  const start = rows.reduce((m, r) => (r.hour < m ? r.hour : m), rows[0].hour);
  const n = Math.max(0, Math.round((end - start) / HOUR_MS));
  const values = new Array<number>(n).fill(0);
  for (const r of rows) {
    const i = Math.round((r.hour - start) / HOUR_MS);
    if (i >= 0 && i < n) values[i] += r.value;
  }
  return { start, values };
}
