// Is an amount an outlier against a workflow's earlier executed amounts? A robust test (median
// and median absolute deviation), so one earlier big credit does not widen the band for all the
// next. With too little history nothing is called an outlier: the per-action caps hold then.

export interface AmountOutlierVerdict {
  outlier: boolean;
  /** The largest amount still considered ordinary; null without enough history. */
  threshold: number | null;
  median: number | null;
}

export const OUTLIER_MIN_HISTORY = 10;
const SPREAD = 6; // scaled MADs above the median
const MIN_RELATIVE_SPREAD = 0.25; // a spread of at least a quarter of the median (identical amounts)

export function amountOutlier(history: readonly number[], amount: number): AmountOutlierVerdict {
  if (history.length < OUTLIER_MIN_HISTORY) return { outlier: false, threshold: null, median: null };
  const med = median(history);
  const mad = 1.4826 * median(history.map((v) => Math.abs(v - med)));
  const spread = Math.max(mad, Math.abs(med) * MIN_RELATIVE_SPREAD, 1);
  const threshold = Math.round(med + SPREAD * spread);
  return { outlier: amount > threshold, threshold, median: med };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
