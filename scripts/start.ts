// npm start — like `npm run dev` but serves the production build (`npm run build` first): the
// database (embedded unless DATABASE_URL is set) and its migrations, then the console (with the
// job worker in-process unless JOBS_IN_PROCESS=false) and the gateway on GATEWAY_PORT.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { prepareDatabase } from './lib/prepare-database';
import { runNext } from './lib/run-next';

const distDir = process.env.NEXT_DIST_DIR || '.next';
if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}/: run \`npm run build\` first.`);
  process.exit(1);
}
const db = await prepareDatabase({ mode: 'production' });
runNext('start', db, process.env.PORT ?? '3000');
