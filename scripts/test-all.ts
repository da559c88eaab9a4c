// npm test — everything CI checks, in order: lint, typecheck, production build (`npm run build`,
// the README's path; tests/production starts it with `npm start`), Vitest (unit + integration on
// real PostgreSQL, both API transports), the agent and action suites at odd instants
// (test:clocks), Playwright (API contracts + browser journeys).
// Ends with one line "N passed, N failed, N skipped" and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' };
// Tests bring their own databases; a DATABASE_URL from the shell is only used as a server to
// create fresh databases on (see tests/global-setup.ts).
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures: string[] = [];

function run(label: string, cmd: string, args: string[]): boolean {
  console.log(`\n━━ ${label} ━━`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env });
  const ok = result.status === 0;
  console.log(`━━ ${label}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return ok;
}

function countStep(label: string, ok: boolean) {
  if (ok) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(label);
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- reporter JSON, read for counts only
function readJson(path: string): any {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

mkdirSync('reports', { recursive: true });
for (const f of ['reports/vitest.json', 'reports/playwright.json']) rmSync(f, { force: true });

countStep('lint', run('lint', 'npm', ['run', '--silent', 'lint']));
countStep('typecheck', run('typecheck', 'npx', ['tsc', '--noEmit']));

const buildOk = run('npm run build', 'npm', ['run', '--silent', 'build']);
countStep('npm run build', buildOk);

const vitestOk = run('vitest', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile=reports/vitest.json',
]);
const vitest = readJson('reports/vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (vitest.numFailedTests || !vitestOk) failures.push('vitest');
  if (!vitestOk && !vitest.numFailedTests) totals.failed += 1; // a suite failed to load
} else countStep('vitest (no report)', false);

// The agent and action suites again at a period boundary, a month end and a leap day.
countStep('test:clocks', run('test:clocks', 'npm', ['run', '--silent', 'test:clocks']));

if (buildOk) {
  const e2eOk = run('playwright', 'npx', ['playwright', 'test']);
  const pw = readJson('reports/playwright.json');
  if (pw) {
    totals.passed += pw.stats.expected + pw.stats.flaky;
    totals.failed += pw.stats.unexpected;
    totals.skipped += pw.stats.skipped;
    if (pw.stats.unexpected || !e2eOk) failures.push('playwright');
    if (!e2eOk && !pw.stats.unexpected) totals.failed += 1; // the run itself failed (server, setup)
  } else countStep('playwright (no report)', false);
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
