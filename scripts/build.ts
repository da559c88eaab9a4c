// npm run build — the production build `npm start` serves: `next build` into NEXT_DIST_DIR
// (default .next). The gateway and the worker run from source through tsx and need no build.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' },
});
process.exit(result.status ?? 1);
