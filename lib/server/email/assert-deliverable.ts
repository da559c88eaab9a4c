import type { Tx } from '@/lib/db';
import { ApiError } from '@/lib/errors';
import { findSuppression, suppressionMessage } from './suppression';

export const RECIPIENT_SUPPRESSED = 'recipient_suppressed';

// Action kinds that send e-mail call this from checkAgainstStoredState, so a draft, an edit and an
// approval to a suppressed address are refused (409 recipient_suppressed) — and proposeAction turns
// it into a `suppressed` outcome, which is what an agent records instead of a failure.
export async function assertDeliverable(tx: Tx, address: string | null | undefined, transactional: boolean) {
  if (!address) return;
  const suppressed = await findSuppression(tx, address, transactional);
  if (suppressed)
    throw new ApiError(
      409,
      RECIPIENT_SUPPRESSED,
      suppressionMessage(address, suppressed).replace('; nothing was sent', ''),
    );
}
