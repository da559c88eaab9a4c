import type { Tx } from '@/lib/db';
import { parseActionPayload, type ActionKind } from '@/lib/schemas/action-kinds';
import { clock } from '@/lib/clock';
import { kindDefinition, type ActionDescription } from './kinds';

export type { ActionDescription };

// A typed, human before/after for the reviewer, computed from the stored payload and current
// billing state — e.g. "Growth $199.00/mo → Scale $799.00/mo, prorated $400.00 today". Each
// kind's definition says how.
export async function describeAction(
  tx: Tx,
  kind: ActionKind,
  raw: unknown,
  customerId: string | null,
  now = clock.now(),
): Promise<ActionDescription> {
  return kindDefinition(kind).describe(tx, parseActionPayload(kind, raw), { customerId, now });
}
