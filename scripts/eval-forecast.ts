/**
 * Rolling-origin evaluation of the forecaster on NAB-layout data aggregated hourly.
 *
 *   npm run eval:forecast -- --data <dir> [--horizon <hours>] [--origins <n>]
 *
 * Each CSV is summed per UTC hour (gaps carried forward, partial first/last hours dropped);
 * series shorter than three weeks of hours are skipped. For several origins per series the
 * model is fitted on everything before the origin and scored on the next `horizon` hours by
 * MASE: MAE / in-sample MAE of the seasonal-naive method with period m (168 when the training
 * history has two weeks, else 24). Seasonal naive itself is scored the same way. The 80 %
 * interval is scored by its coverage: the share of actual hours inside [lower, upper].
 * The last line printed is one JSON object.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fitForecast, seasonalNaive } from '../lib/analytics/forecast';
import { parseCsv, parseUtc } from './lib/nab-data';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = arg('--data');
if (!dataDir) {
  console.error('usage: eval-forecast --data <dir> [--horizon <hours>] [--origins <n>]');
  process.exit(2);
}
const horizon = Number(arg('--horizon') ?? 24);
const originsPer = Number(arg('--origins') ?? 6);
const MIN_HOURS = 21 * 24;
const HOUR = 3_600_000;

function hourly(ts: number[], vs: number[]): number[] {
  const buckets = new Map<number, number>();
  for (let i = 0; i < ts.length; i++) {
    if (!Number.isFinite(vs[i]) || !Number.isFinite(ts[i])) continue;
    const h = Math.floor(ts[i] / HOUR);
    buckets.set(h, (buckets.get(h) ?? 0) + vs[i]);
  }
  const keys = [...buckets.keys()].sort((a, b) => a - b);
  if (keys.length < 3) return [];
  const out: number[] = [];
  let prev = buckets.get(keys[1])!;
  for (let h = keys[1]; h < keys[keys.length - 1]; h++) {
    const v = buckets.get(h);
    prev = v ?? prev;
    out.push(prev);
  }
  return out;
}

function mae(a: number[], b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

const root = join(dataDir, 'data');
if (!existsSync(root)) throw new Error(`no data/ under ${dataDir}`);
const rows: { key: string; mase: number; naive: number; origins: number }[] = [];
let sumModel = 0;
let sumNaive = 0;
let count = 0;
// Calibration of the 80 % band: share of actual hours inside [lower, upper].
let inside = 0;
let bandPoints = 0;
for (const cat of readdirSync(root).sort()) {
  const cdir = join(root, cat);
  if (!statSync(cdir).isDirectory()) continue;
  for (const file of readdirSync(cdir).sort()) {
    if (!file.endsWith('.csv')) continue;
    const { ts, vs } = parseCsv(readFileSync(join(cdir, file), 'utf8'));
    const y = hourly(ts.map(parseUtc), vs.map(Number));
    if (y.length < MIN_HOURS) continue;
    const minTrain = 14 * 24 + 24;
    const room = y.length - horizon - minTrain;
    if (room < 0) continue;
    const stride = Math.max(horizon, Math.floor(room / Math.max(1, originsPer - 1)));
    let sm = 0;
    let sn = 0;
    let k = 0;
    for (let j = 0; j < originsPer; j++) {
      const origin = y.length - horizon - j * stride;
      if (origin < minTrain) break;
      const train = y.slice(0, origin);
      const actual = y.slice(origin, origin + horizon);
      const m = train.length >= 2 * 168 ? 168 : 24;
      let scale = 0;
      for (let t = m; t < train.length; t++) scale += Math.abs(train[t] - train[t - m]);
      scale /= train.length - m;
      if (!(scale > 0)) continue;
      const band = fitForecast(train).forecast(horizon);
      const fc = band.mean;
      for (let t = 0; t < horizon; t++) if (actual[t] >= band.lower[t] && actual[t] <= band.upper[t]) inside++;
      bandPoints += horizon;
      const sn0 = seasonalNaive(train, horizon, m);
      sm += mae(actual, fc) / scale;
      sn += mae(actual, sn0) / scale;
      k++;
    }
    if (k === 0) continue;
    rows.push({ key: `${cat}/${file}`, mase: sm / k, naive: sn / k, origins: k });
    sumModel += sm;
    sumNaive += sn;
    count += k;
  }
}
console.log(`hourly series evaluated: ${rows.length} (≥ ${MIN_HOURS} h), horizon ${horizon} h, ${count} origins`);
console.log(`${'series'.padEnd(60)} origins     MASE  MASE(snaive)`);
for (const r of rows)
  console.log(
    `${r.key.padEnd(60)} ${String(r.origins).padStart(7)} ${r.mase.toFixed(3).padStart(8)} ${r.naive.toFixed(3).padStart(13)}`,
  );
const mase = count ? sumModel / count : Number.NaN;
const maseSeasonalNaive = count ? sumNaive / count : Number.NaN;
console.log(
  `mean over origins: model ${mase.toFixed(3)}, seasonal naive ${maseSeasonalNaive.toFixed(3)}, ratio ${(mase / maseSeasonalNaive).toFixed(3)}`,
);
console.log(`80 % band coverage: ${((100 * inside) / bandPoints).toFixed(1)} % of ${bandPoints} forecast hours`);
const r3 = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : null);
console.log(
  JSON.stringify({
    mase: r3(mase),
    maseSeasonalNaive: r3(maseSeasonalNaive),
    ratio: r3(mase / maseSeasonalNaive),
    coverage80: r3(inside / bandPoints),
    series: rows.length,
  }),
);
