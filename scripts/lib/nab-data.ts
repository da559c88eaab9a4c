/**
 * Loads a corpus in NAB's directory layout: data/<category>/*.csv (timestamp,value),
 * labels/combined_windows.json ("<category>/<file>.csv" -> [[start, end], ...]) and
 * config/profiles.json. Timestamps are parsed as UTC. Nothing here knows file names.
 */
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { NabProfile, NabWindow } from '../../lib/analytics/nab-score';

export interface NabSeries {
  category: string;
  file: string; // e.g. "nyc_taxi.csv"
  key: string; // "<category>/<file>"
  timestamps: Float64Array; // ms since epoch, UTC
  values: Float64Array;
  rawTimestamps: string[];
  rawValues: string[];
  windows: NabWindow[];
}

export interface NabCorpus {
  series: NabSeries[];
  profiles: Record<string, NabProfile>;
}

/** Parses "YYYY-MM-DD HH:MM:SS[.ffffff]" (or ISO with T / Z) as UTC milliseconds. */
export function parseUtc(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?/.exec(s.trim());
  if (!m) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new Error(`unparseable timestamp: ${s}`);
    return t;
  }
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0, ms);
}

export function parseCsv(text: string): { ts: string[]; vs: string[] } {
  const lines = text.split(/\r?\n/);
  const ts: string[] = [];
  const vs: string[] = [];
  let header = true;
  for (const line of lines) {
    if (!line.trim()) continue;
    if (header) {
      header = false;
      if (/timestamp/i.test(line)) continue;
    }
    const c = line.indexOf(',');
    if (c < 0) continue;
    ts.push(line.slice(0, c).trim());
    vs.push(line.slice(c + 1).trim());
  }
  return { ts, vs };
}

export function loadNabCorpus(dir: string, opts: { withLabels?: boolean } = {}): NabCorpus {
  const dataDir = join(dir, 'data');
  if (!existsSync(dataDir)) throw new Error(`no data/ directory under ${dir}`);
  const windowsPath = join(dir, 'labels', 'combined_windows.json');
  const windowsJson: Record<string, [string, string][]> =
    opts.withLabels === false || !existsSync(windowsPath) ? {} : JSON.parse(readFileSync(windowsPath, 'utf8'));
  const profilesPath = join(dir, 'config', 'profiles.json');
  const profiles: Record<string, NabProfile> = {};
  if (existsSync(profilesPath)) {
    const raw = JSON.parse(readFileSync(profilesPath, 'utf8')) as Record<
      string,
      { CostMatrix: Record<string, number> }
    >;
    for (const [name, p] of Object.entries(raw)) {
      profiles[name] = {
        tpWeight: p.CostMatrix.tpWeight,
        fnWeight: p.CostMatrix.fnWeight,
        fpWeight: p.CostMatrix.fpWeight,
      };
    }
  } else {
    profiles.standard = { tpWeight: 1, fnWeight: 1, fpWeight: 0.11 };
  }
  const series: NabSeries[] = [];
  for (const category of readdirSync(dataDir).sort()) {
    const cdir = join(dataDir, category);
    if (!statSync(cdir).isDirectory()) continue;
    for (const file of readdirSync(cdir).sort()) {
      if (!file.endsWith('.csv')) continue;
      const { ts, vs } = parseCsv(readFileSync(join(cdir, file), 'utf8'));
      const key = `${category}/${file}`;
      const windows = (windowsJson[key] ?? []).map(([a, b]) => [parseUtc(a), parseUtc(b)] as const);
      series.push({
        category,
        file,
        key,
        timestamps: Float64Array.from(ts, parseUtc),
        values: Float64Array.from(vs, Number),
        rawTimestamps: ts,
        rawValues: vs,
        windows,
      });
    }
  }
  return { series, profiles };
}
