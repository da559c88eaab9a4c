import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

// `npm run lint` is the layer fence: these prove it refuses a back-edge and an unformatted file,
// by linting probe sources under the paths they would live at, with the project's own config.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint layer rules', () => {
  it.each([
    [
      'a component importing lib/server',
      'components/probe/probe.tsx',
      "import { appendAuditEvent } from '@/lib/server/audit/append-audit-event';\nexport const p = appendAuditEvent;\n",
    ],
    [
      'a component importing the database',
      'components/probe/probe.tsx',
      "import { getDb } from '@/lib/db';\nexport const p = getDb;\n",
    ],
    [
      'a component reaching lib/server by a relative path',
      'components/probe/probe.tsx',
      "import { auditHash } from '../../lib/server/audit/audit-hash';\nexport const p = auditHash;\n",
    ],
    [
      'lib importing app/',
      'lib/server/probe/probe.ts',
      "import { GET } from '@/app/api/health/route';\nexport const p = GET;\n",
    ],
    [
      'lib importing components/',
      'lib/probe.ts',
      "import { NAV_ITEMS } from '@/components/shell/nav-items';\nexport const p = NAV_ITEMS;\n",
    ],
    [
      'pure analytics importing the database',
      'lib/analytics/probe.ts',
      "import { getPool } from '@/lib/db';\nexport const p = getPool;\n",
    ],
    [
      'a page importing Prisma',
      'app/(console)/probe/page.tsx',
      "import { getDb } from '@/lib/db';\nexport const p = getDb;\n",
    ],
  ])('refuses %s', async (_label, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-imports');
  });

  it('allows the forward direction (a route calling domain code)', async () => {
    const code =
      "import { verifyAuditChain } from '@/lib/server/audit/verify-audit-chain';\nexport const p = verifyAuditChain;\n";
    expect(await ruleIds('app/api/v1/probe/route.ts', code)).not.toContain('no-restricted-imports');
  });

  it('prettier refuses an unformatted file and accepts its formatted form', async () => {
    const options = { ...(await prettier.resolveConfig('lib/probe.ts')), filepath: 'lib/probe.ts' };
    const messy = 'export const  x = {a:1,b:[1,2]}\n';
    expect(await prettier.check(messy, options)).toBe(false);
    expect(await prettier.check(await prettier.format(messy, options), options)).toBe(true);
  });
});
