import type Stripe from 'stripe';
import { conflict } from '@/lib/errors';
import { stripeCall } from './stripe-call';

// Withdraws a period-end plan change before it starts: releasing the schedule leaves the
// subscription exactly as it is (cancelling a schedule would cancel the subscription too).
// Once the new phase has begun the change has happened and cannot be withdrawn here.
export async function releaseStripeSchedule(stripe: Stripe, scheduleId: string, idempotencyKey: string) {
  const schedule = await stripeCall(() => stripe.subscriptionSchedules.retrieve(scheduleId));
  const second = schedule.phases[1];
  const started =
    schedule.status === 'completed' ||
    (second !== undefined && schedule.current_phase !== null && schedule.current_phase.start_date >= second.start_date);
  if (started) throw conflict('schedule_started', `The scheduled change has already started (${schedule.id})`);
  if (schedule.status === 'released' || schedule.status === 'canceled') return schedule;
  return stripeCall(() => stripe.subscriptionSchedules.release(scheduleId, {}, { idempotencyKey }));
}
