import { getDb, getPool } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { DestinationError, resolveDestination } from '@/lib/server/integrations/resolve-destination';
import { checkOutboundUrl, OutboundUrlError } from '@/lib/server/outbound-http/check-outbound-url';
import { outgoingPayload } from './escape-slack-text';
import { postJson } from '@/lib/server/outbound-http/post-json';
import { clock } from '@/lib/clock';
import { deliverCrmTask } from '@/lib/server/integrations/crm/deliver-crm-task';
import { deliverEmail, markEmailAbandoned } from '@/lib/server/email/deliver-email';
import { recordOutboxCall } from '@/lib/server/outbox/record-outbox-call';

const MAX_ATTEMPTS = 8;

function backoffSeconds(attempt: number): number {
  return Math.min(3600, 2 ** attempt * 5);
}

// The claim outlives the delivery's total deadline by a wide margin, so a live worker always
// finishes (sent, or failed on its deadline) before another may take the message over.
export function outboxLeaseMs(deadlineMs: number): number {
  return 2 * deadlineMs + 30_000;
}

interface Claimed {
  id: string;
  channel: 'email' | 'slack' | 'crm';
  destination: string;
  payload: Record<string, unknown>;
  attempts: number;
  idempotency_key: string;
  action_id: string | null;
}

// Claims the head message (oldest not yet sent or dead) of up to `limit` destinations whose head
// is due — so one destination never has two messages in flight, nor a later one overtaking an
// earlier one that is still retrying. A 'sending' head with a lapsed lease means its worker died.
// The due condition sits in the locking query too: PostgreSQL re-checks it on a row another worker
// claimed meanwhile, so two workers never claim the same message.
async function claimHeads(limit: number, leaseMs: number): Promise<Claimed[]> {
  const now = clock.now();
  const { rows } = await getPool().query<Claimed>(
    `WITH heads AS (
       SELECT DISTINCT ON (destination) id, next_attempt_at
         FROM outbox_messages
        WHERE status IN ('pending', 'failed', 'sending')
        ORDER BY destination, created_at, id
     ), claimable AS (
       SELECT m.id FROM outbox_messages m
        WHERE m.id IN (SELECT id FROM heads WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $2)
          AND m.status IN ('pending', 'failed', 'sending') AND m.next_attempt_at <= $1
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox_messages m
        SET status = 'sending', attempts = m.attempts + 1, next_attempt_at = $3
       FROM claimable c WHERE m.id = c.id
     RETURNING m.id, m.channel::text AS channel, m.destination, m.payload, m.attempts, m.idempotency_key, m.action_id`,
    [now, limit, new Date(now.getTime() + leaseMs)],
  );
  return rows;
}

// Delivers due outbox messages, several destinations at once, each in order; returns how many
// deliveries were attempted. Receivers get an Idempotency-Key so a redelivery can be recognised.
export async function deliverDueOutbox(limit = 20): Promise<number> {
  const { OUTBOX_DELIVERY_DEADLINE_MS: deadlineMs, OUTBOX_CONCURRENCY: concurrency } = getEnv();
  let delivered = 0;
  while (delivered < limit) {
    const batch = await claimHeads(Math.min(concurrency, limit - delivered), outboxLeaseMs(deadlineMs));
    if (!batch.length) break;
    await Promise.all(batch.map((msg) => deliverOne(msg, deadlineMs)));
    delivered += batch.length;
  }
  return delivered;
}

// Every outcome is written only while this worker's claim still stands (same attempt number,
// still 'sending'): a worker that lost its claim cannot mark someone else's delivery.
async function settle(msg: Claimed, data: { status: 'sent' | 'failed' | 'dead'; [k: string]: unknown }) {
  const { count } = await getDb().outboxMessage.updateMany({
    where: { id: msg.id, status: 'sending', attempts: msg.attempts },
    data,
  });
  if (count === 0) console.warn(`[outbox] claim on ${msg.id} (attempt ${msg.attempts}) was lost; outcome not recorded`);
}

// A CRM integration with a vendor API (Salesforce, HubSpot, Gainsight) answers through its
// adapter; every other destination gets the JSON POST. Both answer a status the same rules judge.
async function send(
  msg: Claimed,
  deadlineMs: number,
): Promise<{ status: number; body: string; retryAfterMs?: number }> {
  if (msg.channel === 'crm') {
    const crm = await deliverCrmTask(
      {
        destination: msg.destination,
        payload: msg.payload,
        actionId: msg.action_id,
        idempotencyKey: msg.idempotency_key,
        attempt: msg.attempts,
      },
      deadlineMs,
    );
    if (crm) return crm;
  }
  const url = await resolveDestination(msg.destination, msg.channel);
  const env = getEnv();
  const target = await checkOutboundUrl(url, {
    allowLoopback: env.OUTBOUND_ALLOW_LOOPBACK,
    allowedPorts: env.OUTBOUND_ALLOWED_PORTS,
  });
  const body = outgoingPayload(msg.channel, msg.payload);
  // Stored with the action as one of its outbound calls (issue 17: request hash, key, answer).
  const startedMs = performance.now();
  const call = { actionId: msg.action_id, destination: msg.destination, idempotencyKey: msg.idempotency_key };
  const res = await postJson(target, body, { 'idempotency-key': msg.idempotency_key }, deadlineMs).catch(
    async (err: Error) => {
      await recordOutboxCall(call, body, { status: null, error: err.message, startedMs });
      throw err;
    },
  );
  await recordOutboxCall(call, body, { status: res.status, error: null, startedMs });
  return res;
}

async function deliverOne(msg: Claimed, deadlineMs: number) {
  if (msg.channel === 'email') return deliverEmailMessage(msg, deadlineMs);
  try {
    const res = await send(msg, deadlineMs);
    if (res.status >= 200 && res.status < 300) {
      await settle(msg, { status: 'sent', sentAt: clock.now(), lastError: null });
      return;
    }
    const permanent = res.status >= 300 && res.status < 500 && res.status !== 429 && res.status !== 408;
    throw Object.assign(
      new Error(
        `Receiver answered ${res.status}${res.status >= 300 && res.status < 400 ? ' (redirects are not followed)' : ''}: ${res.body.slice(0, 200)}`,
      ),
      { permanent, retryAfterMs: res.retryAfterMs },
    );
  } catch (err) {
    const permanent =
      err instanceof OutboundUrlError ||
      err instanceof DestinationError ||
      (err as { permanent?: boolean }).permanent === true;
    const dead = permanent || msg.attempts >= MAX_ATTEMPTS;
    await settle(msg, {
      status: dead ? 'dead' : 'failed',
      lastError: (err as Error).message,
      // A receiver's Retry-After (429) is honoured when it asks for longer than our own backoff.
      nextAttemptAt: new Date(
        clock.nowMs() +
          Math.max(backoffSeconds(msg.attempts) * 1000, (err as { retryAfterMs?: number }).retryAfterMs ?? 0),
      ),
    });
  }
}

// E-mail goes through its transport (SMTP, a provider, or the webhook relay) in lib/server/email,
// which keeps its own record of the hand-off; the outbox keeps the claim, order and retries.
async function deliverEmailMessage(msg: Claimed, deadlineMs: number) {
  const outcome = await deliverEmail(msg, deadlineMs).catch((err: Error) => ({
    status: 'failed' as const,
    error: err.message,
  }));
  if (outcome.status === 'sent') {
    await settle(msg, { status: 'sent', sentAt: clock.now(), lastError: null });
    return;
  }
  const dead = outcome.status === 'dead' || msg.attempts >= MAX_ATTEMPTS;
  if (dead) await markEmailAbandoned(msg.id, outcome.error);
  await settle(msg, {
    status: dead ? 'dead' : 'failed',
    lastError: outcome.error,
    nextAttemptAt: new Date(clock.nowMs() + backoffSeconds(msg.attempts) * 1000),
  });
}
