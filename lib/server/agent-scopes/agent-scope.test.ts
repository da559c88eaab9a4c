import { describe, expect, it } from 'vitest';
import { endpointAllowed, kindOutOfScope } from './agent-scope';

describe('agent scope', () => {
  const patterns = ['POST /v1/credit_notes', 'GET /v1/customers/*/balance_transactions'];
  it('matches method and path, * standing for one segment', () => {
    expect(endpointAllowed(patterns, 'post', '/v1/credit_notes')).toBe(true);
    expect(endpointAllowed(patterns, 'GET', '/v1/customers/cus_1/balance_transactions?limit=100')).toBe(true);
    expect(endpointAllowed(patterns, 'GET', '/v1/credit_notes')).toBe(false);
    expect(endpointAllowed(patterns, 'GET', '/v1/customers/cus_1/x/balance_transactions')).toBe(false);
    expect(endpointAllowed(patterns, 'POST', '/v1/refunds')).toBe(false);
  });
  it('refuses a kind a scoped agent does not list, and leaves unscoped agents to policy', () => {
    const scoped = { status: 'scoped' as const, scope: { actionKinds: ['email' as const], endpoints: [] } };
    expect(kindOutOfScope('a', scoped, 'email')).toBeNull();
    expect(kindOutOfScope('a', scoped, 'credit')).toMatch(/outside the scope of agent a/);
    expect(kindOutOfScope('a', { status: 'unknown' }, 'credit')).toBeNull();
  });
});
