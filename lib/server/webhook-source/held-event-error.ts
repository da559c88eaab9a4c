// An event that cannot be applied until a person does something (e.g. maps a Stripe price to a
// plan). Retrying on the schedule would only end it 'dead'; the inbox instead parks it (failed,
// no next attempt) after hold() has recorded what it waits for, and whatever resolves the wait
// replays it.
export abstract class HeldEventError extends Error {
  /** Records why the event waits; runs after the failed transaction has rolled back. */
  abstract hold(inboxId: string): Promise<void>;
}
