// The inbox's two short timings (the long one, the retry schedule, is in retry-schedule.ts).

/** A new row's job normally runs at once; the sweep steps in only after this grace. */
export const FIRST_ATTEMPT_GRACE_SECONDS = 60;

/** An attempt in progress that has not finished by then is presumed dead (its lock is checked too). */
export const ATTEMPT_LEASE_SECONDS = 60;
