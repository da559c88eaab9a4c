import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { createUsageWorld, event, isoAgo, postUsage, type UsageWorld } from '../helpers/usage-world';

// Every way a usage request can be wrong, each with its exact status and error code — and
// after each one, nothing stored for the world's source or customer.

let w: UsageWorld;
let revokedToken: string;

interface Case {
  name: string;
  status: number;
  code: string;
  body?: (w: UsageWorld) => unknown;
  raw?: (w: UsageWorld) => string;
  contentType?: string;
  token?: (w: UsageWorld) => string | null;
  // For batches: the per-event code expected in results[0].
  eventCode?: string;
}

const ev =
  (o: Record<string, unknown> = {}) =>
  (x: UsageWorld) =>
    event(x, o);
const ce =
  (o: Record<string, unknown> = {}) =>
  (x: UsageWorld) => ({
    specversion: '1.0',
    id: `ce-${Math.random()}`,
    source: 'test',
    type: x.meters.sum,
    subject: x.customerId,
    time: isoAgo(1000),
    data: { value: 1 },
    ...o,
  });
const DAY = 86_400_000;

const CASES: Case[] = [
  { name: 'no Authorization header', status: 401, code: 'missing_token', body: ev(), token: () => null },
  { name: 'unknown token', status: 401, code: 'invalid_token', body: ev(), token: () => 'tg_ingest_not-a-real-token' },
  { name: 'revoked token', status: 401, code: 'invalid_token', body: ev(), token: () => revokedToken },
  {
    name: 'text/plain content type',
    status: 415,
    code: 'unsupported_media_type',
    body: ev(),
    contentType: 'text/plain',
  },
  {
    name: 'form content type',
    status: 415,
    code: 'unsupported_media_type',
    body: ev(),
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'body over 4 MiB',
    status: 413,
    code: 'body_too_large',
    raw: (x) => JSON.stringify([event(x, { properties: { pad: 'x'.repeat(4 * 1024 * 1024) } })]),
  },
  { name: 'malformed JSON', status: 400, code: 'invalid_json', raw: () => '{"idempotencyKey": "a",' },
  {
    name: 'NaN literal',
    status: 400,
    code: 'invalid_json',
    raw: (x) => JSON.stringify(event(x)).replace('"quantity":1', '"quantity":NaN'),
  },
  {
    name: 'Infinity literal',
    status: 400,
    code: 'invalid_json',
    raw: (x) => JSON.stringify(event(x)).replace('"quantity":1', '"quantity":Infinity'),
  },
  { name: 'empty body', status: 400, code: 'empty_body', raw: () => '' },
  {
    name: 'batch of 1,001 events',
    status: 413,
    code: 'batch_too_large',
    body: (x) => Array.from({ length: 1001 }, () => event(x)),
  },
  { name: 'empty batch', status: 422, code: 'empty_batch', body: () => [] },
  { name: 'body is a number', status: 422, code: 'invalid_body', body: () => 42 },
  { name: '"events" is not an array', status: 422, code: 'invalid_body', body: () => ({ events: 5 }) },
  {
    name: 'CloudEvents batch that is an object',
    status: 422,
    code: 'invalid_body',
    body: ce(),
    contentType: 'application/cloudevents-batch+json',
  },
  {
    name: 'missing idempotency key',
    status: 422,
    code: 'missing_idempotency_key',
    body: ev({ idempotencyKey: undefined }),
  },
  { name: 'numeric idempotency key', status: 422, code: 'invalid_idempotency_key', body: ev({ idempotencyKey: 12 }) },
  {
    name: 'idempotency key of 256 characters',
    status: 422,
    code: 'invalid_idempotency_key',
    body: ev({ idempotencyKey: 'k'.repeat(256) }),
  },
  {
    name: 'NUL byte in the idempotency key',
    status: 422,
    code: 'nul_byte',
    body: ev({ idempotencyKey: 'abc\u0000def' }),
  },
  { name: 'no customer', status: 422, code: 'missing_customer', body: ev({ customerId: undefined }) },
  {
    name: 'two customer references',
    status: 422,
    code: 'ambiguous_customer',
    body: (x) => event(x, { externalCustomerId: x.externalId }),
  },
  {
    name: 'unknown customer id',
    status: 422,
    code: 'unknown_customer',
    body: ev({ customerId: 'cus_does_not_exist' }),
  },
  {
    name: 'unknown customer API key',
    status: 422,
    code: 'unknown_customer',
    body: ev({ customerId: undefined, apiKey: 'tg_test_unknown' }),
  },
  { name: 'customer id that is a number', status: 422, code: 'invalid_customer', body: ev({ customerId: 7 }) },
  { name: 'no meter', status: 422, code: 'missing_meter', body: ev({ meter: undefined }) },
  { name: 'unknown meter', status: 422, code: 'unknown_meter', body: ev({ meter: 'no_such_meter' }) },
  {
    name: 'negative quantity on a meter that forbids it',
    status: 422,
    code: 'negative_quantity',
    body: ev({ quantity: -3 }),
  },
  { name: 'quantity as a string', status: 422, code: 'invalid_quantity', body: ev({ quantity: '5' }) },
  { name: 'quantity "NaN" string', status: 422, code: 'invalid_quantity', body: ev({ quantity: 'NaN' }) },
  {
    name: 'quantity 1e400 (parses to Infinity)',
    status: 422,
    code: 'invalid_quantity',
    raw: (x) => JSON.stringify(event(x)).replace('"quantity":1', '"quantity":1e400'),
  },
  {
    name: 'quantity above 2^53',
    status: 422,
    code: 'quantity_out_of_range',
    raw: (x) => JSON.stringify(event(x)).replace('"quantity":1', '"quantity":9007199254740994'),
  },
  { name: 'quantity null', status: 422, code: 'missing_quantity', body: ev({ quantity: null }) },
  { name: 'quantity boolean', status: 422, code: 'invalid_quantity', body: ev({ quantity: true }) },
  {
    name: 'quantity with 10 decimals',
    status: 422,
    code: 'quantity_too_precise',
    body: ev({ quantity: 0.0000000001 }),
  },
  { name: 'timestamp 36 days old', status: 422, code: 'timestamp_too_old', body: ev({ timestamp: isoAgo(36 * DAY) }) },
  {
    name: 'timestamp 10 minutes ahead',
    status: 422,
    code: 'timestamp_in_future',
    body: ev({ timestamp: isoAgo(-10 * 60_000) }),
  },
  {
    name: 'timestamp without a time zone',
    status: 422,
    code: 'invalid_timestamp',
    body: ev({ timestamp: '2026-11-25T10:00:00' }),
  },
  {
    name: 'timestamp as epoch milliseconds',
    status: 422,
    code: 'invalid_timestamp',
    body: ev({ timestamp: Date.now() }),
  },
  {
    name: 'timestamp in month 13',
    status: 422,
    code: 'invalid_timestamp',
    body: ev({ timestamp: '2026-13-01T00:00:00Z' }),
  },
  { name: 'missing timestamp', status: 422, code: 'missing_timestamp', body: ev({ timestamp: undefined }) },
  { name: 'properties that are an array', status: 422, code: 'invalid_properties', body: ev({ properties: [1, 2] }) },
  {
    name: 'properties over 8 KB',
    status: 422,
    code: 'properties_too_large',
    body: ev({ properties: { blob: 'x'.repeat(8200) } }),
  },
  {
    name: 'properties nested 7 deep',
    status: 422,
    code: 'properties_too_deep',
    body: ev({ properties: { a: { b: { c: { d: { e: { f: { g: 1 } } } } } } } }),
  },
  {
    name: 'NUL byte in a property value',
    status: 422,
    code: 'nul_byte',
    body: ev({ properties: { region: 'eu\u0000west' } }),
  },
  {
    name: 'NUL byte in a property key',
    status: 422,
    code: 'nul_byte',
    body: ev({ properties: { 're\u0000gion': 'eu' } }),
  },
  {
    name: 'unpaired surrogate in a property',
    status: 422,
    code: 'invalid_unicode',
    raw: (x) => JSON.stringify(event(x, { properties: { s: 'SURROGATE' } })).replace('SURROGATE', '\\ud800'),
  },
  {
    name: 'CloudEvent with specversion 0.3',
    status: 422,
    code: 'invalid_cloudevent',
    body: ce({ specversion: '0.3' }),
    contentType: 'application/cloudevents+json',
  },
  {
    name: 'CloudEvent whose data is a string',
    status: 422,
    code: 'invalid_cloudevent',
    body: ce({ data: 'five' }),
    contentType: 'application/cloudevents+json',
  },
  {
    name: 'CloudEvent without subject',
    status: 422,
    code: 'missing_customer',
    body: ce({ subject: undefined }),
    contentType: 'application/cloudevents+json',
  },
  {
    name: 'CloudEvent with a string value',
    status: 422,
    code: 'invalid_quantity',
    body: ce({ data: { value: '3' } }),
    contentType: 'application/cloudevents+json',
  },
  {
    name: 'batch whose only event is not an object',
    status: 422,
    code: 'batch_rejected',
    body: () => [1],
    eventCode: 'invalid_event',
  },
  {
    name: 'batch whose events all fail',
    status: 422,
    code: 'batch_rejected',
    body: (x) => [event(x, { quantity: 'x' }), event(x, { meter: 'nope' })],
    eventCode: 'invalid_quantity',
  },
];

async function storedCounts(x: UsageWorld) {
  const db = getDb();
  const [events, rollups] = await Promise.all([
    db.usageEvent.count({ where: { OR: [{ source: x.source }, { customerId: x.customerId }] } }),
    db.usageRollupHourly.count({ where: { customerId: x.customerId } }),
  ]);
  return { events, rollups };
}

describe('POST /api/v1/usage refuses bad input with an exact status and code, storing nothing', () => {
  beforeAll(async () => {
    w = await createUsageWorld();
    const r = await createUsageWorld();
    await getDb().ingestToken.update({ where: { id: r.tokenId }, data: { revokedAt: new Date() } });
    revokedToken = r.token;
  });

  it(`has at least 30 cases (${CASES.length})`, () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  for (const c of CASES) {
    it(`${c.name} → ${c.status} ${c.code}`, async () => {
      const token = c.token ? c.token(w) : w.token;
      const res = await postUsage(token, c.body?.(w), c.contentType ?? 'application/json', c.raw?.(w));
      expect(res.status).toBe(c.status);
      expect(res.body.error).toMatchObject({
        code: c.code,
        message: expect.any(String),
        requestId: expect.any(String),
      });
      if (c.eventCode) {
        expect(res.body.results[0]).toMatchObject({ status: 'rejected', error: { code: c.eventCode } });
        expect(res.body.accepted).toBe(0);
      }
      expect(await storedCounts(w)).toEqual({ events: 0, rollups: 0 });
    });
  }

  it('a mixed batch stores its good events and reports each bad one, in order', async () => {
    const x = await createUsageWorld();
    const good = [
      event(x),
      event(x, { quantity: -2, meter: x.meters.signed }),
      event(x, { apiKey: x.apiKey, customerId: undefined }),
    ];
    const res = await postUsage(x.token, [
      good[0],
      event(x, { quantity: -1 }),
      good[1],
      event(x, { timestamp: isoAgo(40 * DAY) }),
      good[2],
      'junk',
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 3, duplicates: 0, conflicts: 0, rejected: 3 });
    expect(res.body.results.map((r: any) => r.error?.code ?? r.status)).toEqual([
      'accepted',
      'negative_quantity',
      'accepted',
      'timestamp_too_old',
      'accepted',
      'invalid_event',
    ]);
    const stored = await getDb().usageEvent.findMany({
      where: { source: x.source },
      orderBy: { idempotencyKey: 'asc' },
    });
    expect(stored.map((e) => e.idempotencyKey).sort()).toEqual(good.map((g) => g.idempotencyKey).sort());
  });
});
