import { createRng } from '@/lib/prng';
import { describe, expect, it } from 'vitest';
import { ANOMALY_THRESHOLD, AnomalyDetector, classifyAnomaly } from './anomaly';

function noise(seed: number): () => number {
  const r = createRng(seed);
  return () => r.next() - 0.5;
}
const STEP = 300_000;
const T0 = Date.UTC(2025, 0, 6);

function series(n: number, f: (i: number) => number) {
  return Array.from({ length: n }, (_, i) => ({ t: T0 + i * STEP, v: f(i) }));
}

describe('AnomalyDetector', () => {
  it('scores are in [0, 1] and zero during warm-up', () => {
    const e = noise(1);
    const det = new AnomalyDetector();
    series(3000, (i) => 100 + 10 * Math.sin(i / 20) + 5 * e()).forEach(({ t, v }, i) => {
      const r = det.update(t, v);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      if (i < det.params.warmup) expect(r.score).toBe(0);
      expect(r.kind === 'none').toBe(r.score < ANOMALY_THRESHOLD);
    });
  });

  it('flags a large spike in a noisy series and rarely fires otherwise', () => {
    const e = noise(2);
    const det = new AnomalyDetector();
    const pts = series(4000, (i) => (i === 3000 ? 400 : 100 + 5 * e()));
    let alarms = 0;
    let spike = det.update(0, 0);
    pts.forEach(({ t, v }, i) => {
      const r = det.update(t, v);
      if (i === 3000) spike = r;
      else if (r.score >= ANOMALY_THRESHOLD) alarms++;
    });
    expect(spike.score).toBeGreaterThanOrEqual(ANOMALY_THRESHOLD);
    expect(spike.kind).toBe('spike');
    expect(alarms).toBeLessThan(40); // < 1% of points
  });

  it('detects a level shift soon after it starts', () => {
    const e = noise(3);
    const det = new AnomalyDetector();
    let first = -1;
    series(4000, (i) => (i >= 3000 ? 160 : 100) + 5 * e()).forEach(({ t, v }, i) => {
      const r = det.update(t, v);
      if (i >= 3000 && first < 0 && r.score >= ANOMALY_THRESHOLD) first = i;
    });
    expect(first).toBeGreaterThanOrEqual(3000);
    expect(first).toBeLessThan(3020);
  });

  it('never looks ahead: a prefix is scored the same whatever follows', () => {
    const e = noise(4);
    const base = series(2500, (i) => 50 + 10 * Math.sin(i / 30) + 3 * e());
    const a = new AnomalyDetector();
    const b = new AnomalyDetector();
    const sa = base.map(({ t, v }) => a.score(t, v));
    const sb = base.slice(0, 2000).map(({ t, v }) => b.score(t, v));
    expect(sb).toEqual(sa.slice(0, 2000));
  });

  it('ignores non-finite values', () => {
    const det = new AnomalyDetector();
    for (let i = 0; i < 500; i++) det.update(T0 + i * STEP, 10 + (i % 3));
    expect(det.update(T0 + 500 * STEP, Number.NaN)).toEqual({ score: 0, kind: 'none' });
  });
});

describe('classifyAnomaly', () => {
  const base = { expected: 100, scale: 5, baseline: 100, previousMean: 100 };
  it('single points above/below expectation are spikes/drops', () => {
    expect(classifyAnomaly({ ...base, value: 160, recentMean: 107 })).toBe('spike');
    expect(classifyAnomaly({ ...base, value: 40, recentMean: 93 })).toBe('drop');
  });
  it('a sustained move is a level shift; a sustained accelerating rise is runaway growth', () => {
    expect(classifyAnomaly({ ...base, value: 60, recentMean: 61 })).toBe('level_shift');
    expect(classifyAnomaly({ ...base, value: 140, recentMean: 138, previousMean: 137 })).toBe('level_shift');
    expect(classifyAnomaly({ ...base, value: 150, recentMean: 145, previousMean: 120 })).toBe('runaway_growth');
  });
});
