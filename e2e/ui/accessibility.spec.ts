import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { storageStateFor } from '../fixtures/e2e-world';

// Every console page (app/(console)/**/page.tsx) plus /login, checked with axe for WCAG 2.0/2.1
// A+AA in light and dark colour schemes: no serious or critical violation may ship. Detail pages
// use seeded rows found through the API. Each failure prints the rule, impact and offending nodes.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const STATIC_PAGES = [
  '/customers',
  '/approvals',
  '/audit',
  '/catalog',
  '/expansion',
  '/incidents',
  '/ingest',
  '/integrations',
  '/invoices',
  '/knowledge',
  '/overview',
  '/policies',
  '/reconciliation',
  '/settings',
  '/settings/billing',
  '/webhooks',
];

async function firstId(request: APIRequestContext, path: string): Promise<string | undefined> {
  const res = await request.get(path);
  if (!res.ok()) return undefined;
  const body = (await res.json()) as { items?: { id: string }[] };
  return body.items?.[0]?.id;
}

async function consolePages(request: APIRequestContext): Promise<string[]> {
  const pages = [...STATIC_PAGES, '/customers/cus_demo_008'];
  const invoice = await firstId(request, '/api/v1/invoices?limit=1');
  if (invoice) pages.push(`/invoices/${invoice}`);
  const incident = await firstId(request, '/api/v1/incidents');
  if (incident) pages.push(`/incidents/${incident}`);
  return pages;
}

type Finding = { page: string; rule: string; impact: string; help: string; nodes: string[] };

async function seriousFindings(page: Page, path: string): Promise<Finding[]> {
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      page: path,
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
}

function report(findings: Finding[]): string {
  return findings
    .map((f) => `${f.page}  [${f.impact}] ${f.rule}: ${f.help}\n${f.nodes.map((n) => `    ${n}`).join('\n')}`)
    .join('\n');
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe, ${colorScheme} scheme, as admin`, () => {
    test.use({ storageState: storageStateFor('admin'), colorScheme });

    test(`every console page has no serious or critical violation (${colorScheme})`, async ({ page, request }) => {
      test.setTimeout(240_000);
      const findings: Finding[] = [];
      for (const path of await consolePages(request)) {
        const found = await seriousFindings(page, path);
        console.log(`axe ${colorScheme} ${path}: ${found.length} serious/critical rule(s)`);
        findings.push(...found);
      }
      expect(findings, report(findings)).toEqual([]);
    });
  });

  test.describe(`axe login, ${colorScheme}`, () => {
    test.use({ storageState: { cookies: [], origins: [] }, colorScheme });
    test(`the login page has no serious or critical violation (${colorScheme})`, async ({ page }) => {
      const found = await seriousFindings(page, '/login');
      expect(found, report(found)).toEqual([]);
    });
  });
}

test.describe('responsive layout, as admin', () => {
  test.use({ storageState: storageStateFor('admin') });
  for (const width of [1280, 1024, 768, 390]) {
    test(`main pages do not overflow horizontally at ${width}px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      for (const path of ['/overview', '/customers', '/approvals', '/audit', '/invoices', '/settings']) {
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `${path} overflows by ${overflow}px at ${width}px`).toBeLessThanOrEqual(0);
      }
    });
  }
});
