// Test-only helpers: load the shared Stripe fixtures. CI lays shared/ beside the repo; a git
// worktree one level deeper (wt/<name>) finds it one folder further up.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURE_CANDIDATES = ['../shared/fixtures/stripe', '../../shared/fixtures/stripe'].map((dir) =>
  path.resolve(process.cwd(), dir),
);
export const STRIPE_FIXTURES_DIR = FIXTURE_CANDIDATES.find((dir) => existsSync(dir)) ?? FIXTURE_CANDIDATES[0];

export function fixturePath(relative: string): string {
  return path.join(STRIPE_FIXTURES_DIR, relative);
}

export function readFixtureText(relative: string): string {
  return readFileSync(fixturePath(relative), 'utf8');
}

export function readFixture<T = Record<string, unknown>>(relative: string): T {
  return JSON.parse(readFixtureText(relative)) as T;
}

export function listFixtures(folder: string): string[] {
  return readdirSync(fixturePath(folder))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** Wraps a bare object (objects-current-schema/) in a webhook event envelope. */
export function wrapInEvent(
  type: string,
  object: Record<string, unknown>,
  created = 1_735_689_600,
  apiVersion = '2025-03-31.basil',
) {
  return {
    id: `evt_wrapped_${type.replaceAll('.', '_')}`,
    object: 'event' as const,
    api_version: apiVersion,
    created,
    livemode: false,
    type,
    data: { object },
  };
}
