// npm start — like `npm run dev` but serves the production build (`npm run build` first).
import { existsSync } from 'node:fs';
import { prepareDatabase } from './lib/prepare-database';
import { runNext } from './lib/run-next';

if (!existsSync('.next/BUILD_ID')) {
  console.error('No production build found: run `npm run build` first.');
  process.exit(1);
}
const db = await prepareDatabase({ mode: 'production' });
runNext('start', db, process.env.PORT ?? '3000');
