/**
 * Throughput benchmark for lib/analytics on one core.
 *
 *   npm run bench:analytics [-- --points <n>] [--data <nab dir>]
 *
 * Streams synthetic series (5-minute steps, daily + weekly seasonality, heavy-tailed noise,
 * spikes and level shifts) and, when present, the NAB development series through the anomaly
 * detector, then times forecast fits. The last line is one JSON object.
 */
import { createRng } from '../lib/prng';
import { existsSync } from 'node:fs';
import { AnomalyDetector } from '../lib/analytics/anomaly';
import { fitForecast } from '../lib/analytics/forecast';
import { loadNabCorpus } from './lib/nab-data';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const totalPoints = Number(arg('--points') ?? 3_000_000);
const nabDir = arg('--data') ?? '/work/shared/data/nab';

/** A deterministic PRNG so runs are comparable. */
const rng = (seed: number): (() => number) => createRng(seed).next;

function synthetic(n: number, seed: number): { ts: Float64Array; vs: Float64Array } {
  const r = rng(seed);
  const ts = new Float64Array(n);
  const vs = new Float64Array(n);
  const t0 = Date.UTC(2024, 0, 1);
  let level = 100 + 50 * r();
  for (let i = 0; i < n; i++) {
    const t = t0 + i * 300_000;
    const h = (t / 3_600_000) % 24;
    const dow = Math.floor(t / 86_400_000) % 7;
    if (r() < 0.0005) level *= 0.7 + 0.6 * r(); // level shift
    const noise = (r() - 0.5) * 10 + (r() < 0.01 ? 40 * Math.tan(Math.PI * (r() - 0.5)) * 0.1 : 0); // heavy tail
    const spike = r() < 0.001 ? level * 2 : 0;
    ts[i] = t;
    vs[i] = Math.max(0, level * (1 + 0.4 * Math.sin((2 * Math.PI * h) / 24)) * (dow >= 5 ? 0.7 : 1) + noise + spike);
  }
  return { ts, vs };
}

// --- anomaly detector ----------------------------------------------------------------------
const seriesLen = 200_000;
const nSeries = Math.max(1, Math.ceil(totalPoints / seriesLen));
const data = Array.from({ length: nSeries }, (_, i) => synthetic(seriesLen, 1234 + i));

function streamAll(fast: boolean): { points: number; seconds: number; checksum: number } {
  let points = 0;
  let checksum = 0;
  const t0 = process.hrtime.bigint();
  for (const { ts, vs } of data) {
    const det = new AnomalyDetector();
    const n = ts.length;
    if (fast) {
      for (let i = 0; i < n; i++) checksum += det.score(ts[i], vs[i]);
    } else {
      for (let i = 0; i < n; i++) checksum += det.update(ts[i], vs[i]).score;
    }
    points += n;
  }
  return { points, seconds: Number(process.hrtime.bigint() - t0) / 1e9, checksum };
}

streamAll(true); // JIT warm-up
const synthFast = streamAll(true);
const synthUpdate = streamAll(false);
const ppsFast = Math.round(synthFast.points / synthFast.seconds);
const ppsUpdate = Math.round(synthUpdate.points / synthUpdate.seconds);
console.log(`synthetic: ${synthFast.points.toLocaleString('en-US')} points in ${nSeries} series`);
console.log(`  score()  : ${ppsFast.toLocaleString('en-US')} points/s`);
console.log(`  update() : ${ppsUpdate.toLocaleString('en-US')} points/s`);

let nabPps: number | null = null;
if (existsSync(`${nabDir}/data`)) {
  const corpus = loadNabCorpus(nabDir, { withLabels: false });
  let points = 0;
  const reps = Math.max(1, Math.round(1_000_000 / corpus.series.reduce((n, s) => n + s.values.length, 0)));
  const t0 = process.hrtime.bigint();
  let checksum = 0;
  for (let rep = 0; rep < reps; rep++) {
    for (const s of corpus.series) {
      const det = new AnomalyDetector();
      for (let i = 0; i < s.values.length; i++) checksum += det.update(s.timestamps[i], s.values[i]).score;
      points += s.values.length;
    }
  }
  const sec = Number(process.hrtime.bigint() - t0) / 1e9;
  nabPps = Math.round(points / sec);
  console.log(
    `NAB: ${points.toLocaleString('en-US')} points (${corpus.series.length} series x ${reps}), update(): ${nabPps.toLocaleString('en-US')} points/s (checksum ${checksum.toFixed(1)})`,
  );
}

// --- forecasting ---------------------------------------------------------------------------
const hourly = Array.from({ length: 20 }, (_, i) => {
  const { vs } = synthetic(12 * 24 * 7 * 6, 99 + i); // six weeks of 5-minute points
  const out = new Float64Array(vs.length / 12);
  for (let j = 0; j < out.length; j++) {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += vs[j * 12 + k];
    out[j] = sum;
  }
  return Array.from(out);
});
for (const h of hourly) fitForecast(h, { period: 168 }); // warm-up
let fits = 0;
const f0 = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - f0) < 2e9) {
  for (const h of hourly) {
    fitForecast(h, { period: 168 }).forecast(24);
    fits++;
  }
}
const fitsPerSecond = Math.round(fits / (Number(process.hrtime.bigint() - f0) / 1e9));
console.log(
  `forecast: ${fitsPerSecond.toLocaleString('en-US')} fits/s (1,008 hourly points, period 168, + 24-step forecast)`,
);

console.log(
  JSON.stringify({
    pointsPerSecond: Math.min(ppsFast, ppsUpdate),
    scorePointsPerSecond: ppsFast,
    updatePointsPerSecond: ppsUpdate,
    nabPointsPerSecond: nabPps,
    forecastFitsPerSecond: fitsPerSecond,
  }),
);
