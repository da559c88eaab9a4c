// npm run bench:pages [-- --url http://127.0.0.1:3000 --runs 3] — how long each console page
// takes to its first view in a real browser: from navigation until the page's content is drawn
// and no skeleton (role=status "Loading") is left. Run it against a production build with the
// demo data (`npm run build && npm start -- --demo`, or `npm run dev` for dev figures). Prints a
// line per page and, last, JSON with every page's median and worst time.
import { chromium, type Page } from '@playwright/test';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1] ?? '');
const baseUrl = (args.get('url') ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const runs = Math.max(1, Number(args.get('runs') ?? 3));
const goalMs = Number(args.get('goal-ms') ?? 1000);
const users = {
  revops: {
    email: args.get('revops-email') ?? 'revops@tollgate.local',
    password: args.get('revops-password') ?? 'tollgate-revops',
  },
  admin: {
    email: args.get('admin-email') ?? 'admin@tollgate.local',
    password: args.get('admin-password') ?? 'tollgate-admin',
  },
};
const TIMEOUT_MS = 20_000;

async function signIn(page: Page, who: keyof typeof users) {
  const csrf = (await (await page.request.get(`${baseUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const res = await page.request.post(`${baseUrl}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: users[who].email, password: users[who].password, json: 'true' },
  });
  const me = await page.request.get(`${baseUrl}/api/v1/me`);
  if (!me.ok())
    throw new Error(
      `Sign-in as ${users[who].email} failed (${res.status()}, /api/v1/me ${me.status()}): check the URL and the demo passwords`,
    );
}

// The first id a list route returns, so detail pages are measured on real rows.
async function firstId(page: Page, path: string): Promise<string | null> {
  const res = await page.request.get(`${baseUrl}${path}`);
  if (!res.ok()) return null;
  const body = (await res.json()) as { items?: { id: string }[] };
  return body.items?.[0]?.id ?? null;
}

// Navigation → the page's main content is there and no skeleton is left. Failures are reported
// as such (the time is the timeout), never dropped.
async function timeFirstView(page: Page, path: string): Promise<{ ms: number; ok: boolean; note?: string }> {
  const started = performance.now();
  try {
    const res = await page.goto(`${baseUrl}${path}`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    if (!res || res.status() >= 400)
      return { ms: performance.now() - started, ok: false, note: `HTTP ${res?.status()}` };
    await page.locator('main').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    await page.waitForFunction(
      () => !document.querySelector('[role="status"][aria-label="Loading"]') && document.readyState !== 'loading',
      undefined,
      { timeout: TIMEOUT_MS, polling: 25 },
    );
    return { ms: performance.now() - started, ok: true };
  } catch (e) {
    return { ms: performance.now() - started, ok: false, note: (e as Error).message.split('\n')[0] };
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch({ executablePath: args.get('chromium') ?? '/usr/bin/chromium' });
try {
  const results: Record<string, { medianMs: number; worstMs: number; ok: boolean; note?: string }> = {};
  for (const who of ['revops', 'admin'] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, who);
    const customer = await firstId(page, '/api/v1/customers?limit=1');
    const invoice = await firstId(page, '/api/v1/invoices?limit=1');
    const incident = await firstId(page, '/api/v1/incidents');
    const detail = (base: string, id: string | null): [string, string][] =>
      id ? [[`${base}/:id`, `${base}/${encodeURIComponent(id)}`]] : [];
    const list = (...paths: string[]): [string, string][] => paths.map((p) => [p, p]);
    const pages: [string, string][] =
      who === 'revops'
        ? [
            ...list('/approvals', '/customers'),
            ...detail('/customers', customer),
            ...list('/invoices'),
            ...detail('/invoices', invoice),
            ...list('/expansion', '/incidents'),
            ...detail('/incidents', incident),
            ...list('/reconciliation', '/knowledge', '/audit', '/policies'),
          ]
        : list('/settings', '/settings/billing', '/catalog', '/ingest', '/webhooks');
    // One untimed pass: the server's first compile/cache fill is not what a user waits for daily.
    for (const [, path] of pages) await timeFirstView(page, path);
    for (const [label, path] of pages) {
      const times: number[] = [];
      let last: Awaited<ReturnType<typeof timeFirstView>> = { ms: 0, ok: true };
      for (let i = 0; i < runs; i++) {
        last = await timeFirstView(page, path);
        times.push(last.ms);
        if (!last.ok) break;
      }
      results[label] = {
        medianMs: Math.round(median(times)),
        worstMs: Math.round(Math.max(...times)),
        ok: last.ok,
        ...(last.note ? { note: last.note } : {}),
      };
      console.log(
        `${label.padEnd(22)} ${who.padEnd(7)} median ${String(results[label].medianMs).padStart(5)} ms  worst ${String(results[label].worstMs).padStart(5)} ms${last.ok ? '' : `  FAILED: ${last.note}`}`,
      );
    }
    await context.close();
  }
  const entries = Object.entries(results);
  const over = entries.filter(([, r]) => !r.ok || r.medianMs > goalMs).map(([p]) => p);
  console.log(
    JSON.stringify({
      url: baseUrl,
      runs,
      goalMs,
      pages: Object.fromEntries(entries.map(([p, r]) => [p, r.medianMs])),
      worstMedianMs: Math.max(...entries.map(([, r]) => r.medianMs)),
      overGoal: over,
      failed: entries.filter(([, r]) => !r.ok).map(([p]) => p),
    }),
  );
} finally {
  await browser.close();
}
