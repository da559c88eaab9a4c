import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { setupChecklist } from '@/lib/schemas/overview';
import { createIngestToken } from '@/lib/server/ingest/create-ingest-token';
import { revokeIngestToken } from '@/lib/server/ingest/revoke-ingest-token';
import { createIntegration, updateIntegration } from '@/lib/server/integrations/save-integration';
import { getSetupChecklist } from '@/lib/server/overview/get-setup-checklist';
import { uniq } from '../helpers/fresh-database';

async function admin(): Promise<SessionUser> {
  const u = await getDb().user.create({
    data: { email: `${uniq('admin')}@example.test`, name: 'Setup Admin', role: 'admin' },
  });
  return { id: u.id, email: u.email, name: u.name, role: 'admin' };
}

const step = async (key: string) => (await getSetupChecklist()).steps.find((s) => s.key === key)!;
const activeTokens = async () => Number(/^(\d+) active token/.exec((await step('ingest_token')).detail)?.[1] ?? 0);

// The checklist is read from configuration: a step follows what is stored, both ways.
describe('setup checklist', () => {
  it('lists the five first-run steps in its response contract, with a count of those done', async () => {
    const c = setupChecklist.parse(await getSetupChecklist());
    expect(c.steps.map((s) => s.key)).toEqual([
      'billing',
      'webhook_secret',
      'ingest_token',
      'notifications',
      'policies',
    ]);
    expect(c.done).toBe(c.steps.filter((s) => s.done).length);
    expect(c.total).toBe(5);
  });

  it('the ingest step counts active tokens: a new token adds one, revoking it takes it away', async () => {
    const actor = await admin();
    const before = await activeTokens();
    const created = await createIngestToken(
      actor,
      { name: 'Checklist gateway', source: uniq('gw').toLowerCase() },
      'req_setup_1',
    );
    expect(await step('ingest_token')).toMatchObject({ done: true, href: '/ingest' });
    expect(await activeTokens()).toBe(before + 1);
    await revokeIngestToken(actor, created.id, 'req_setup_2');
    expect(await activeTokens()).toBe(before);
  });

  it('the notifications step names the configured channels and follows a disabled one', async () => {
    const actor = await admin();
    const slack = await createIntegration(
      actor,
      { kind: 'slack', name: uniq('Checklist Slack'), url: 'https://hooks.slack.com/services/T000/B000/checklist' },
      'req_setup_3',
    );
    expect(await step('notifications')).toMatchObject({ done: true, href: '/integrations' });
    expect((await step('notifications')).detail).toContain('Slack');
    await updateIntegration(actor, slack.id, { disabled: true }, 'req_setup_4');
    // Other files' Slack integrations may still be enabled in the shared database.
    const otherSlack = await getDb().integration.count({ where: { kind: 'slack', disabledAt: null } });
    expect((await step('notifications')).detail.includes('Slack')).toBe(otherSlack > 0);
  });
});
