import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('serialises dates and bigints stably', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.006Z'), n: 12n })).toBe(
      '{"at":"2026-01-02T03:04:05.006Z","n":"12"}',
    );
  });
});
