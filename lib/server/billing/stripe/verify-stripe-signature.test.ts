import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { readFixture, readFixtureText } from '@/tests/fixtures/stripe-fixture-files';
import { readStripeEvent, verifyStripeSignature } from './verify-stripe-signature';

type VectorCase = {
  name: string;
  payload?: string;
  payload_file?: string;
  payload_sha256?: string;
  timestamp: number;
  header: string;
  verify_at: number;
  expect: string;
};
const vectors = readFixture<{ secret: string; default_tolerance_seconds: number; cases: VectorCase[] }>(
  'signature-test-vectors.json',
);

const SECRET_OLD = 'whsec_tollgate_old_NOT_A_REAL_KEY';
const SECRET_NEW = 'whsec_tollgate_new_NOT_A_REAL_KEY';
const NOW = 1_750_000_000;
const BODY = JSON.stringify({
  id: 'evt_tollgate_1',
  object: 'event',
  type: 'invoice.paid',
  created: NOW - 5,
  data: { object: { id: 'in_1', object: 'invoice' } },
});

function sign(payload: string, secret: string, timestamp = NOW) {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

describe('verifyStripeSignature — signature-test-vectors.json', () => {
  const expectedCode: Record<string, string | null> = {
    valid_file_payload: null,
    valid_compact_payload: null,
    valid_with_v0_and_rotated_v1: null,
    stale_timestamp: 'stale_signature',
    tampered_body: 'invalid_signature',
    wrong_secret: 'invalid_signature',
  };

  it('covers every case in the file', () => {
    expect(vectors.cases.map((c) => c.name).sort()).toEqual(Object.keys(expectedCode).sort());
    expect(vectors.default_tolerance_seconds).toBe(300);
  });

  for (const vector of vectors.cases) {
    it(`${vector.name} → ${expectedCode[vector.name] ?? 'ok'}`, () => {
      const payload = vector.payload_file ? readFixtureText(vector.payload_file) : vector.payload!;
      if (vector.payload_sha256) {
        // The fixture bytes must be exactly the signed bytes.
        expect(createHash('sha256').update(payload).digest('hex')).toBe(vector.payload_sha256);
      }
      const result = verifyStripeSignature(payload, vector.header, [vectors.secret], { nowSec: vector.verify_at });
      const code = expectedCode[vector.name];
      if (code === null) {
        expect(result.ok).toBe(true);
        expect(readStripeEvent(payload)).toMatchObject({ ok: true, event: { id: JSON.parse(payload).id } });
      } else {
        expect(result).toMatchObject({ ok: false, code });
      }
    });
  }

  it('the file payload verifies to the invoice.payment_failed event it contains', () => {
    const vector = vectors.cases.find((c) => c.name === 'valid_file_payload')!;
    const payload = readFixtureText(vector.payload_file!);
    expect(verifyStripeSignature(payload, vector.header, [vectors.secret], { nowSec: vector.verify_at }).ok).toBe(true);
    const read = readStripeEvent(payload);
    expect(read.ok && read.event.type).toBe('invoice.payment_failed');
    expect(read.ok && read.event.data?.object.id).toBe('in_000000000000000000000000');
  });
});

describe('verifyStripeSignature — headers from stripe.webhooks.generateTestHeaderString', () => {
  it('accepts a good signature; the body reads as the event', () => {
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW), [SECRET_NEW], { nowSec: NOW })).toEqual({ ok: true });
    expect(readStripeEvent(BODY)).toMatchObject({ ok: true, event: { id: 'evt_tollgate_1', type: 'invoice.paid' } });
  });

  it('refuses a genuine signature dated more than 300 s ahead, accepts exactly 300 s ahead', () => {
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW, NOW + 301), [SECRET_NEW], { nowSec: NOW })).toMatchObject(
      { ok: false, code: 'future_signature' },
    );
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW, NOW + 300), [SECRET_NEW], { nowSec: NOW }).ok).toBe(true);
    // Forged and future: invalid, as for forged and old.
    expect(
      verifyStripeSignature(BODY, sign(BODY, 'whsec_other', NOW + 3600), [SECRET_NEW], { nowSec: NOW }),
    ).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a header signed with another secret (forged)', () => {
    const result = verifyStripeSignature(BODY, sign(BODY, 'whsec_attacker'), [SECRET_NEW], { nowSec: NOW });
    expect(result).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a body changed after signing', () => {
    const header = sign(BODY, SECRET_NEW);
    const result = verifyStripeSignature(BODY.replace('invoice.paid', 'invoice.voided'), header, [SECRET_NEW], {
      nowSec: NOW,
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_signature' });
  });

  it('rejects a re-serialised body (raw bytes matter)', () => {
    const header = sign(BODY, SECRET_NEW);
    const pretty = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(verifyStripeSignature(pretty, header, [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'invalid_signature',
    });
  });

  it('rejects a genuine signature older than 300 s as stale, accepts exactly 300 s', () => {
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW, NOW - 301), [SECRET_NEW], { nowSec: NOW })).toMatchObject(
      {
        ok: false,
        code: 'stale_signature',
      },
    );
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW, NOW - 300), [SECRET_NEW], { nowSec: NOW }).ok).toBe(true);
  });

  it('honours a custom tolerance', () => {
    const header = sign(BODY, SECRET_NEW, NOW - 11);
    expect(verifyStripeSignature(BODY, header, [SECRET_NEW], { nowSec: NOW, toleranceSec: 10 })).toMatchObject({
      code: 'stale_signature',
    });
    expect(verifyStripeSignature(BODY, header, [SECRET_NEW], { nowSec: NOW, toleranceSec: 20 }).ok).toBe(true);
  });

  it('reports a forged and old header as invalid, not stale', () => {
    const header = sign(BODY, 'whsec_attacker', NOW - 3600);
    expect(verifyStripeSignature(BODY, header, [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'invalid_signature',
    });
  });

  it('uses the clock when nowSec is not given', () => {
    const header = sign(BODY, SECRET_NEW, Math.floor(Date.now() / 1000));
    expect(verifyStripeSignature(BODY, header, [SECRET_NEW]).ok).toBe(true);
    expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW, NOW - 10 * 365 * 86400), [SECRET_NEW])).toMatchObject({
      code: 'stale_signature',
    });
  });

  it('reports a missing or empty header', () => {
    expect(verifyStripeSignature(BODY, null, [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'missing_signature',
    });
    expect(verifyStripeSignature(BODY, '  ', [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'missing_signature',
    });
  });

  it('reports an unparseable header, or one with only v0 signatures, as invalid', () => {
    expect(verifyStripeSignature(BODY, 'garbage', [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'invalid_signature',
    });
    const v0Only = sign(BODY, SECRET_NEW).replace('v1=', 'v0=');
    expect(verifyStripeSignature(BODY, v0Only, [SECRET_NEW], { nowSec: NOW })).toMatchObject({
      code: 'invalid_signature',
    });
  });

  describe('rotated secrets', () => {
    it('accepts an event signed with the new secret while the old one is still configured', () => {
      expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW), [SECRET_OLD, SECRET_NEW], { nowSec: NOW }).ok).toBe(
        true,
      );
    });

    it('accepts an event signed with the old secret during the overlap', () => {
      expect(verifyStripeSignature(BODY, sign(BODY, SECRET_OLD), [SECRET_NEW, SECRET_OLD], { nowSec: NOW }).ok).toBe(
        true,
      );
    });

    it('accepts a header carrying one v1 signature per secret (how Stripe signs during a roll)', () => {
      const oldSig = sign(BODY, SECRET_OLD).split('v1=')[1];
      const header = `${sign(BODY, SECRET_NEW)},v1=${oldSig}`;
      expect(verifyStripeSignature(BODY, header, [SECRET_OLD], { nowSec: NOW }).ok).toBe(true);
      expect(verifyStripeSignature(BODY, header, [SECRET_NEW], { nowSec: NOW }).ok).toBe(true);
    });

    it('rejects once the signing secret is no longer configured', () => {
      expect(verifyStripeSignature(BODY, sign(BODY, SECRET_OLD), [SECRET_NEW], { nowSec: NOW })).toMatchObject({
        code: 'invalid_signature',
      });
    });

    it('reports staleness for a replay signed with any configured secret', () => {
      const header = sign(BODY, SECRET_OLD, NOW - 600);
      expect(verifyStripeSignature(BODY, header, [SECRET_NEW, SECRET_OLD], { nowSec: NOW })).toMatchObject({
        code: 'stale_signature',
      });
    });

    it('ignores blank secrets and throws when none is configured', () => {
      expect(verifyStripeSignature(BODY, sign(BODY, SECRET_NEW), ['', SECRET_NEW], { nowSec: NOW }).ok).toBe(true);
      expect(() => verifyStripeSignature(BODY, sign(BODY, SECRET_NEW), [], { nowSec: NOW })).toThrow(
        /no webhook signing secret/,
      );
      expect(() => verifyStripeSignature(BODY, sign(BODY, SECRET_NEW), [' '], { nowSec: NOW })).toThrow();
    });
  });

  describe('malformed payloads (genuinely signed): authentic, but not readable as an event', () => {
    for (const [label, payload] of [
      ['not JSON', 'not json at all'],
      ['a JSON array', '[1,2,3]'],
      ['an object that is not an event', '{"hello":"world"}'],
      ['an event with a non-object data.object', '{"id":"evt_1","type":"invoice.paid","data":{"object":"in_1"}}'],
    ] as const) {
      it(`${label} → verified, then not readable`, () => {
        expect(verifyStripeSignature(payload, sign(payload, SECRET_NEW), [SECRET_NEW], { nowSec: NOW }).ok).toBe(true);
        expect(readStripeEvent(payload)).toMatchObject({
          ok: false,
          message: expect.stringMatching(/^Signed payload/),
        });
      });
    }
  });
});
