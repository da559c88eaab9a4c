import { describe, expect, it } from 'vitest';
import { ACTION_KINDS } from '@/lib/schemas/action-kinds';
import { AGENT_SCOPES } from '@/lib/server/agent-scopes/agent-scope';
import { AGENTS } from '@/lib/server/agents/registry';

// The scope table is read by the action gate and the Stripe client without the registry; an agent
// added to the registry without a row would draft as an unknown id (never on autopilot, no
// endpoint limit on its actions), so the two lists must name the same agents.
describe('agent scope table', () => {
  it('has a row for every registered agent and no row for an agent that is not registered', () => {
    expect(Object.keys(AGENT_SCOPES).sort()).toEqual(AGENTS.map((a) => a.id).sort());
  });

  it('lists only real action kinds and well-formed endpoint patterns', () => {
    for (const [id, scope] of Object.entries(AGENT_SCOPES)) {
      for (const kind of scope.actionKinds) expect(Object.keys(ACTION_KINDS), id).toContain(kind);
      for (const pattern of scope.endpoints) expect(pattern, id).toMatch(/^(GET|POST|DELETE) \/v[12]\/[a-z_*/]+$/);
    }
  });
});
