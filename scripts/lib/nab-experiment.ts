/**
 * Development helper (not a product CLI): runs the detector with parameter overrides on a NAB
 * corpus, optimises the threshold for the standard profile and prints per-file diagnostics.
 * Usage: tsx scripts/lib/nab-experiment.ts --data <dir> [--params '{"squash":3}'] [--files]
 */
import { loadNabCorpus } from './nab-data';
import { runDetector, toResults, scoreAll } from './nab-run';

const args = process.argv.slice(2);
const get = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = loadNabCorpus(get('--data') ?? '/work/shared/data/nab');
const base = JSON.parse(get('--params') ?? '{}');
if (get('--grid')) {
  // --grid '{"key":[v1,v2],...}': one line per combination (cartesian product)
  const grid = JSON.parse(get('--grid')!) as Record<string, unknown[]>;
  let combos: Record<string, unknown>[] = [{}];
  for (const [k, vs] of Object.entries(grid)) combos = combos.flatMap((c) => vs.map((v) => ({ ...c, [k]: v })));
  for (const c of combos) {
    const r = runDetector(corpus, { ...base, ...c });
    const sc = scoreAll(corpus, toResults(r.runs));
    const line = Object.entries(sc)
      .map(([p, v]) => `${p.slice(0, 12)} ${v.total.toFixed(1)}`)
      .join(' ');
    const cats = Object.values(sc.standard.categories)
      .map((v) => v.toFixed(1))
      .join(' ');
    console.log(JSON.stringify(c), '|', line, '| std cats', cats, `thr ${sc.standard.threshold.toFixed(3)}`);
  }
  process.exit(0);
}
const params = base;
const { runs } = runDetector(corpus, params);
const results = toResults(runs);
const scored = scoreAll(corpus, results);
const std = scored.standard;
console.log(
  `threshold ${std.threshold.toFixed(4)} total ${std.total.toFixed(1)}`,
  Object.entries(std.categories)
    .map(([k, v]) => `${k.slice(0, 12)} ${v.toFixed(1)}`)
    .join('  '),
);
if (args.includes('--files')) {
  for (let f = 0; f < results.length; f++) {
    const { geo, scores } = results[f];
    const hits: string[] = [];
    const best = new Array(geo.windows).fill(null as null | [number, number]);
    let fps = 0;
    const fpPos: number[] = [];
    for (let i = geo.probation; i < geo.rows; i++) {
      if (scores[i] < std.threshold) continue;
      const w = geo.windowOf[i];
      if (w >= 0) {
        if (!best[w]) best[w] = [i, geo.unit[i]];
      } else {
        fps++;
        if (fpPos.length < 8) fpPos.push(i);
      }
    }
    for (let w = 0; w < geo.windows; w++)
      hits.push(
        best[w]
          ? `W${w}@${best[w]![0]}${'spLnxr'[runs[f].driver[best[w]![0]]]}(${best[w]![1].toFixed(2)})`
          : `W${w}:MISS`,
      );
    let mx = 0;
    for (let i = geo.probation; i < geo.rows; i++) mx = Math.max(mx, scores[i]);
    console.log(
      `${runs[f].series.key.padEnd(62)} n=${geo.rows} fp=${fps} ${hits.join(' ')} fpAt=${fpPos.map((i) => i + 'spLnxr'[runs[f].driver[i]]).join(',')} max=${mx.toFixed(3)}`,
    );
  }
}
