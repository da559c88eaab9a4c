/**
 * Scores a published NAB detector's result files with Tollgate's NAB scorer, on the files of a
 * NAB-layout corpus — the reference line for eval:anomaly (same files, same scorer, threshold
 * optimised on this corpus per profile, as eval:anomaly --optimize does for ours).
 *
 *   tsx scripts/lib/score-nab-results.ts --data <corpus dir> --results <NAB repo>/results --detector numenta
 *
 * Result files are <results>/<detector>/<category>/<detector>_<file>.csv with the score in the
 * third column. The last line printed is one JSON object.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileGeometry, scoreCorpus } from '../../lib/analytics/nab-score';
import { loadNabCorpus, parseCsv } from './nab-data';

const args = process.argv.slice(2);
const arg = (k: string) => {
  const i = args.indexOf(k);
  return i >= 0 ? args[i + 1] : undefined;
};
const dataDir = arg('--data');
const resultsDir = arg('--results');
const detector = arg('--detector');
if (!dataDir || !resultsDir || !detector) {
  console.error('usage: score-nab-results --data <dir> --results <dir> --detector <name>');
  process.exit(2);
}
const corpus = loadNabCorpus(dataDir);
const files = corpus.series.map((s) => {
  const path = join(resultsDir, detector, s.category, `${detector}_${s.file}`);
  if (!existsSync(path)) throw new Error(`no result file ${path}`);
  // parseCsv splits at the first comma: the rest is "value,anomaly_score,..."
  const scores = Float64Array.from(parseCsv(readFileSync(path, 'utf8')).vs, (rest) => Number(rest.split(',')[1]));
  if (scores.length !== s.values.length)
    throw new Error(`${path}: ${scores.length} rows, corpus has ${s.values.length}`);
  return { category: s.category, geo: fileGeometry(s.timestamps, s.windows), scores };
});
const out: Record<string, { total: number; threshold: number; categories: Record<string, number | null> }> = {};
for (const [name, profile] of Object.entries(corpus.profiles)) {
  const r = scoreCorpus(files, profile);
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : null);
  out[name] = {
    total: round(r.total) ?? Number.NaN,
    threshold: r.threshold,
    categories: Object.fromEntries(Object.entries(r.categories).map(([k, v]) => [k, round(v)])),
  };
  const cats = Object.entries(out[name].categories)
    .map(([k, v]) => `${k} ${v ?? 'n/a'}`)
    .join(', ');
  console.log(`${detector} ${name}: total ${out[name].total} (${cats})`);
}
console.log(JSON.stringify({ detector, profiles: out }));
