import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import {
  asDate,
  asDecimalString,
  asInt,
  firstOf,
  get,
  idOf,
  listData,
  metadataOf,
  requireId,
  StripeNormalizeError,
  sumAmounts,
} from './read';

describe('read helpers', () => {
  it('reads nested values and expandable ids without throwing', () => {
    expect(get({ a: { b: [{ c: 1 }] } }, 'a', 'b', 0, 'c')).toBe(1);
    expect(get(null, 'a', 'b')).toBeUndefined();
    expect(idOf('cus_1')).toBe('cus_1');
    expect(idOf({ id: 'cus_1', object: 'customer' })).toBe('cus_1');
    expect(idOf(null)).toBeNull();
    expect(idOf('')).toBeNull();
  });

  it('keeps integers only, converts Unix seconds to Dates', () => {
    expect(asInt(1500)).toBe(1500);
    expect(asInt(15.5)).toBeNull();
    expect(asInt('1500')).toBeNull();
    expect(asDate(1648320105)?.toISOString()).toBe('2022-03-26T18:41:45.000Z');
    expect(asDate(null)).toBeNull();
  });

  it('stringifies decimal strings and SDK Decimal objects', () => {
    expect(asDecimalString('0.0425')).toBe('0.0425');
    expect(asDecimalString(Stripe.Decimal.from('0.0425'))).toBe('0.0425');
    expect(asDecimalString({})).toBeNull();
  });

  it('lists, sums, metadata, firstOf', () => {
    expect(listData({ object: 'list', data: [1, 2] })).toEqual([1, 2]);
    expect(listData(undefined)).toEqual([]);
    expect(sumAmounts([{ amount: 2 }, { amount: 3 }, {}])).toBe(5);
    expect(sumAmounts(null)).toBeNull();
    expect(metadataOf({ a: 'x', b: 1 })).toEqual({ a: 'x' });
    expect(firstOf(null, 0, 1)).toBe(0);
  });

  it('requireId throws a StripeNormalizeError carrying the path', () => {
    try {
      requireId(undefined, 'invoice.customer');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StripeNormalizeError);
      expect((error as StripeNormalizeError).path).toBe('invoice.customer');
      expect((error as Error).message).toBe('Stripe object invoice.customer: required id is missing');
    }
    expect(() => requireId(42, 'x.id')).toThrow('id is not a string');
  });
});
