// Strict text → number parsing for the SLA editor: a percent with at most two decimals (to basis
// points of a percent, 99.95 → 9995) and whole numbers. Anything else is an error, never a guess.
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

export function parsePercentBp(text: string): Parsed {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t))
    return { ok: false, message: 'A percentage such as 99.95 (two decimals at most)' };
  const bp = Math.round(Number(t) * 100);
  return bp > 10_000 ? { ok: false, message: 'At most 100 %' } : { ok: true, value: bp };
}

export function parseWhole(text: string, min: number, max: number): Parsed {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return { ok: false, message: 'A whole number' };
  const n = Number(t);
  return n < min || n > max ? { ok: false, message: `Between ${min} and ${max}` } : { ok: true, value: n };
}

export const bpText = (bp: number) => (bp / 100).toFixed(2);

/** An ISO instant → the datetime-local value (browser time) and back. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
export const fromLocalInput = (v: string) => {
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
