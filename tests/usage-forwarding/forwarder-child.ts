// A real forwarder process for the crash tests: forwards usage to the fake Stripe server and,
// at the CRASH_AT-th time it reaches CRASH_STEP, prints `STEP <step> <unit ids> <unrecorded>` —
// the units it sent whose outcome it has not recorded yet — and waits for the parent to SIGKILL
// it there. Without CRASH_STEP it forwards until nothing is due and
// prints DONE. Small batches, one request at a time, so each kill interrupts a known unit.
import Stripe from 'stripe';
import { forwardUsage, type ForwardStep } from '@/lib/server/usage-forwarding/forward-usage';

const url = new URL(process.env.FAKE_STRIPE_URL!);
const stripe = new Stripe('sk_test_crash', {
  host: url.hostname,
  port: url.port,
  protocol: 'http',
  maxNetworkRetries: 0,
  telemetry: false,
  timeout: 5_000,
});
const crashStep = process.env.CRASH_STEP as ForwardStep | undefined;
const crashAt = Number(process.env.CRASH_AT ?? 1);
let seen = 0;
const unrecorded = new Set<string>();

await forwardUsage(stripe, {
  mode: 'v1',
  batch: 3,
  concurrency: 1,
  leaseMs: 60_000,
  onStep: async (step, ids) => {
    if (step === 'after_send') for (const id of ids) unrecorded.add(id);
    if (step === 'after_record') for (const id of ids) unrecorded.delete(id);
    if (step !== crashStep || !ids.length || ++seen < crashAt) return;
    process.stdout.write(`STEP ${step} ${ids.join(',')} ${[...unrecorded].join(',') || '-'}\n`);
    await new Promise(() => {}); // hold here until killed
  },
});
process.stdout.write('DONE\n');
process.exit(0);
