// Runs the launchers' database preparation on its own, as `npm start` / `npm run dev` do before Next.
import { prepareDatabase } from '../../../scripts/lib/prepare-database';
import type { LaunchMode } from '../../../scripts/lib/demo-data-policy';

await prepareDatabase({ mode: process.argv[2] as LaunchMode, demo: { seed: 7, customers: 3, days: 2 } });
process.exit(0);
