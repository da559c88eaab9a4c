// npm run test:clocks — the agent and action suites again with the application clock
// (lib/clock.ts) started at instants where date arithmetic breaks: a period boundary, a month
// end and a leap day. A test that reads the wall clock, or SQL that compares against the
// database's now(), fails here while it passes on most days.
import { spawnSync } from 'node:child_process';

const INSTANTS = {
  'period boundary': '2027-01-01T00:00:30Z',
  'month end': '2027-01-31T23:45:00Z',
  'leap day': '2028-02-29T12:00:00Z',
};
const SUITES = ['tests/agents', 'tests/actions/lifecycle.test.ts', 'tests/actions/execution.test.ts'];

let failed = 0;
for (const [label, instant] of Object.entries(INSTANTS)) {
  console.log(`\n━━ clock at ${instant} (${label}) ━━`);
  const r = spawnSync('npx', ['vitest', 'run', ...SUITES], {
    stdio: 'inherit',
    env: { ...process.env, TOLLGATE_CLOCK_START: instant },
  });
  if (r.status !== 0) failed += 1;
}
console.log(`\n${Object.keys(INSTANTS).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
