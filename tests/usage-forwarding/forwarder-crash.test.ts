import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPool } from '@/lib/db';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { FakeStripeMeters } from '../fixtures/fake-stripe-meters';
import { createForwardingWorld, forwardStates } from './forwarding-world';

// SIGKILLs a real forwarder process at each step — before the send, after the send (Stripe has
// the event, our record does not), after the record — 20 times each, then lets a healthy one
// finish. By our own count of what reached the fake Stripe (every receipt, not its dedupe):
// every event is counted, and an identifier arrives more than once only when a kill fell
// between its send and its record — then again under the same identifier, once per such kill.

const RUNS = Number(process.env.CRASH_RUNS ?? 20);
const STEPS = ['before_send', 'after_send', 'after_record'] as const;
const LEASE_MS = 60_000;

let fake: FakeStripeServer;
let meters: FakeStripeMeters;
// Each child runs its clock one lease further ahead, so the leases a killed child held have
// lapsed for the next one (instead of waiting a minute per kill).
let generation = 0;
// The child is bundled once (imports resolved, TypeScript stripped): 63 processes start in about
// half the time they take under tsx on a busy machine.
const CHILD = 'node_modules/.cache/tollgate-forwarder-child.mjs';

beforeAll(async () => {
  fake = await new FakeStripeServer().start();
  meters = new FakeStripeMeters(fake);
  buildSync({
    entryPoints: ['tests/usage-forwarding/forwarder-child.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    outfile: CHILD,
    logLevel: 'warning',
  });
  await getPool().query(`UPDATE usage_forward_units SET status = 'acked' WHERE status <> 'acked'`);
  await getPool().query(`UPDATE usage_forwards SET status = 'flagged' WHERE status = 'pending'`);
});
afterAll(async () => fake.close());

function runChild(env: Record<string, string>): Promise<{ line: string; killed: boolean }> {
  generation++;
  const child = spawn(process.execPath, [CHILD], {
    env: {
      ...process.env,
      FAKE_STRIPE_URL: fake.url,
      TOLLGATE_CLOCK_START: new Date(Date.now() + generation * (LEASE_MS + 1_000)).toISOString(),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let line = '';
    createInterface({ input: child.stdout! }).on('line', (l) => {
      line = l;
      if (l.startsWith('STEP ')) child.kill('SIGKILL');
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (signal === 'SIGKILL' && line.startsWith('STEP ')) resolve({ line, killed: true });
      else if (code === 0 && line === 'DONE') resolve({ line, killed: false });
      else reject(new Error(`forwarder child ended with ${signal ?? code} after "${line}"`));
    });
  });
}

describe('forwarding survives SIGKILL at every step', () => {
  for (const step of STEPS) {
    it(
      `SIGKILL ${step}: ${RUNS} kills, every event counted by Stripe, resent only when interrupted after the send`,
      { timeout: 300_000 },
      async () => {
        const w = await createForwardingWorld(meters);
        const quantities: number[] = [];
        const ingest = async (n: number) => {
          const q = Array.from({ length: n }, (_, i) => 1 + ((quantities.length + i) % 7));
          quantities.push(...q);
          await w.ingest(q);
        };
        await ingest(20);
        const interruptedAfterSend = new Map<string, number>();
        for (let i = 0; i < RUNS; i++) {
          await ingest(10);
          const { line, killed } = await runChild({ CRASH_STEP: step, CRASH_AT: String(1 + (i % 3)) });
          expect(killed).toBe(true);
          const unrecorded = line.split(' ')[3]!;
          if (unrecorded !== '-')
            for (const id of unrecorded.split(','))
              interruptedAfterSend.set(id, (interruptedAfterSend.get(id) ?? 0) + 1);
        }
        expect((await runChild({})).line).toBe('DONE');

        // Nothing lost: every event's unit is acknowledged and Stripe counts the full quantity.
        const states = await forwardStates(w);
        expect(states).toHaveLength(quantities.length);
        expect(states.filter((s) => s.unit_status !== 'acked')).toEqual([]);
        const total = quantities.reduce((a, b) => a + b, 0);
        expect(meters.countedTotal(w.stripeCustomerId, w.eventName)).toBe(total);

        // Our own count of receipts per identifier: once, plus once per kill between its send and its record.
        const receipts = meters.receipts.filter((r) => r.customer === w.stripeCustomerId);
        const byId = new Map<string, typeof receipts>();
        for (const r of receipts) byId.set(r.identifier, [...(byId.get(r.identifier) ?? []), r]);
        const units = new Set(states.map((s) => s.unit_id!));
        expect(new Set(byId.keys())).toEqual(units);
        const duplicates = [...byId].filter(([id, rs]) => rs.length !== 1 + (interruptedAfterSend.get(id) ?? 0));
        expect(
          duplicates.map(([id, rs]) => ({ id, receipts: rs.length, interrupted: interruptedAfterSend.get(id) ?? 0 })),
        ).toEqual([]);
        // A repeat is always the same event: same value, timestamp and customer.
        for (const rs of byId.values())
          expect(new Set(rs.map((r) => `${r.value}|${r.timestamp}|${r.customer}`)).size).toBe(1);
        const resent = [...byId.values()].filter((rs) => rs.length > 1).length;
        if (step === 'after_send') expect(resent).toBeGreaterThan(0);
        else expect(resent).toBe(0);
        console.log(
          `[crash ${step}] ${RUNS} kills, ${units.size} meter events, ${receipts.length} receipts, ${resent} resent after an unrecorded send, 0 duplicates, 0 lost`,
        );
      },
    );
  }
});
