import { getDb, getPool } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { checkOutboundUrl, OutboundUrlError } from './check-outbound-url';
import { postJson } from './post-json';
import { clock } from '@/lib/clock';

const LEASE_SECONDS = 30;
const MAX_ATTEMPTS = 8;

function backoffSeconds(attempt: number): number {
  return Math.min(3600, 2 ** attempt * 5);
}

// Delivers due outbox messages: claims one at a time with SKIP LOCKED (a lapsed 'sending' lease
// means its worker died, so it is claimed again), posts it, and records sent / retry / dead.
// Receivers get an Idempotency-Key header so a redelivery after a crash can be recognised.
export async function deliverDueOutbox(limit = 20): Promise<number> {
  let delivered = 0;
  for (let i = 0; i < limit; i++) {
    const { rows } = await getPool().query<{
      id: string;
      destination: string;
      payload: Record<string, unknown>;
      attempts: number;
      idempotency_key: string;
    }>(
      `UPDATE outbox_messages SET status = 'sending', attempts = attempts + 1, next_attempt_at = now() + make_interval(secs => $1)
        WHERE id = (SELECT id FROM outbox_messages
                     WHERE status IN ('pending', 'failed', 'sending') AND next_attempt_at <= now()
                     ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING id, destination, payload, attempts, idempotency_key`,
      [LEASE_SECONDS],
    );
    const msg = rows[0];
    if (!msg) break;
    await deliverOne(msg);
    delivered += 1;
  }
  return delivered;
}

async function deliverOne(msg: {
  id: string;
  destination: string;
  payload: Record<string, unknown>;
  attempts: number;
  idempotency_key: string;
}) {
  const db = getDb();
  try {
    const target = await checkOutboundUrl(msg.destination, { allowLoopback: getEnv().OUTBOUND_ALLOW_LOOPBACK });
    const res = await postJson(target, msg.payload, { 'idempotency-key': msg.idempotency_key });
    if (res.status >= 200 && res.status < 300) {
      await db.outboxMessage.update({
        where: { id: msg.id },
        data: { status: 'sent', sentAt: clock.now(), lastError: null },
      });
      return;
    }
    const permanent = res.status >= 300 && res.status < 500 && res.status !== 429 && res.status !== 408;
    throw Object.assign(
      new Error(
        `Receiver answered ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}: ${res.body.slice(0, 200)}`,
      ),
      { permanent },
    );
  } catch (err) {
    const permanent = err instanceof OutboundUrlError || (err as { permanent?: boolean }).permanent === true;
    const dead = permanent || msg.attempts >= MAX_ATTEMPTS;
    await db.outboxMessage.update({
      where: { id: msg.id },
      data: {
        status: dead ? 'dead' : 'failed',
        lastError: (err as Error).message,
        nextAttemptAt: new Date(clock.nowMs() + backoffSeconds(msg.attempts) * 1000),
      },
    });
  }
}
