import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { resetEnvForTests } from '@/lib/env';
import { createIntegration } from '@/lib/server/integrations/save-integration';
import { deliverDueOutbox } from '@/lib/server/outbox/deliver-outbox';
import { escapeSlackText } from '@/lib/server/outbox/escape-slack-text';
import { uniq } from '../helpers/fresh-database';

// Finding (low): text reaching Slack was sent raw, so a customer name like "<!channel>" pinged
// everyone and "<https://evil|Pay here>" rendered as a disguised link.

describe('escapeSlackText', () => {
  it.each([
    ['<!channel> urgent', '&lt;!channel&gt; urgent'],
    ['<!here>', '&lt;!here&gt;'],
    ['<@U024BE7LH> owes', '&lt;@U024BE7LH&gt; owes'],
    ['<https://evil.example|Pay here>', '&lt;https://evil.example|Pay here&gt;'],
    ['AT&T', 'AT&amp;T'],
    ['&lt; already', '&amp;lt; already'],
    ['*bold* and _italic_', '*bold* and _italic_'],
  ])('%j → %j', (raw, escaped) => {
    expect(escapeSlackText(raw)).toBe(escaped);
  });
});

describe('every Slack message is escaped on its way out', () => {
  let server: Server;
  const bodies: unknown[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        bodies.push(JSON.parse(text));
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    process.env.OUTBOUND_ALLOW_LOOPBACK = 'true';
    resetEnvForTests();
    // Other files' leftovers must not be delivered to this receiver.
    await getDb().outboxMessage.updateMany({
      where: { status: { in: ['pending', 'failed', 'sending'] } },
      data: { status: 'dead' },
    });
  });
  afterAll(async () => {
    delete process.env.OUTBOUND_ALLOW_LOOPBACK;
    resetEnvForTests();
    await new Promise((r) => server.close(r));
  });

  it('a queued Slack post with a mention and a link arrives inert', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack`;
    const admin = { id: 'usr_escape', email: 'e@example.test', name: 'E', role: 'admin' as const };
    const hook = await createIntegration(admin, { kind: 'slack', name: uniq('escape'), url }, 'r');
    await getDb().outboxMessage.create({
      data: {
        channel: 'slack',
        destination: `integration:${hook.id}`,
        payload: { text: 'Acme <!channel> <https://evil.example|Pay here>' },
        idempotencyKey: uniq('esc'),
      },
    });
    await deliverDueOutbox();
    expect(bodies).toEqual([{ text: 'Acme &lt;!channel&gt; &lt;https://evil.example|Pay here&gt;' }]);
  });
});
