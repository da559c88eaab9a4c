import Stripe from 'stripe';
import { toProviderError } from '@/lib/server/billing/stripe/stripe-errors';
import type { ClaimedUnit } from './claim-forward-units';
import type { SendResult } from './record-forward-results';

// Stripe's v2 meter event stream takes at most 100 events per request.
export const STREAM_BATCH = 100;

// The payload keys are the Stripe meter's defaults (customer_mapping.event_payload_key and
// value_settings.event_payload_key); a meter configured with other keys needs them mapped here.
const payloadOf = (u: ClaimedUnit) => ({ stripe_customer_id: u.stripeCustomerId, value: u.value });

// 429, 5xx, timeouts and connection failures are retried with the same identifier; any other
// refusal (an unknown event name, a malformed value) would fail again, so it is flagged.
function failure(unit: ClaimedUnit, err: unknown): SendResult {
  const e = toProviderError(err);
  return { unit, outcome: e.retryable ? 'retry' : 'refused', error: `${e.code}: ${e.message}` };
}

/** v1: one POST /v1/billing/meter_events per unit, identified by the unit's id. */
export async function sendMeterEvent(stripe: Stripe, unit: ClaimedUnit): Promise<SendResult> {
  try {
    await stripe.billing.meterEvents.create(
      {
        event_name: unit.eventName,
        identifier: unit.id,
        payload: payloadOf(unit),
        timestamp: Math.floor(unit.timestampMs / 1000),
      },
      // Stripe keeps idempotency keys for 24 h too: a resend gets the first answer back.
      { idempotencyKey: `meter_event:${unit.id}` },
    );
    return { unit, outcome: 'acked' };
  } catch (err) {
    return failure(unit, err);
  }
}

// A v2 meter event session: a short-lived token (15 minutes) that authenticates the stream.
const g = globalThis as unknown as { tollgateMeterSession?: { client: Stripe; token: string; expiresAtMs: number } };

async function sessionToken(stripe: Stripe, nowMs: number): Promise<string> {
  const cached = g.tollgateMeterSession;
  if (cached && cached.client === stripe && cached.expiresAtMs - 60_000 > nowMs) return cached.token;
  const session = await stripe.v2.billing.meterEventSession.create();
  g.tollgateMeterSession = {
    client: stripe,
    token: session.authentication_token,
    expiresAtMs: Date.parse(session.expires_at),
  };
  return session.authentication_token;
}

/**
 * v2: up to STREAM_BATCH units in one POST /v2/billing/meter_event_stream, authenticated by a
 * meter event session. The stream validates asynchronously, so a 2xx acknowledges receipt of the
 * whole batch; it fails or succeeds as one.
 */
export async function sendMeterEventBatch(stripe: Stripe, units: ClaimedUnit[], nowMs: number): Promise<SendResult[]> {
  const events = units.map((u) => ({
    event_name: u.eventName,
    identifier: u.id,
    payload: payloadOf(u),
    timestamp: new Date(u.timestampMs).toISOString(),
  }));
  for (let attempt = 1; ; attempt++) {
    try {
      const apiKey = await sessionToken(stripe, nowMs);
      await stripe.v2.billing.meterEventStream.create({ events }, { apiKey });
      return units.map((unit) => ({ unit, outcome: 'acked' }));
    } catch (err) {
      // An expired session is renewed once at once; it says nothing about the events.
      if (err instanceof Stripe.errors.TemporarySessionExpiredError && attempt === 1) {
        g.tollgateMeterSession = undefined;
        continue;
      }
      return units.map((unit) => failure(unit, err));
    }
  }
}
