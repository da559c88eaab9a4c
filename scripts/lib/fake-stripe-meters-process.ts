// bench:forward's fake Stripe, in its own process so the forwarder being measured does not share
// its event loop with the server it sends to. Prints its URL; GET /__fake/meter-counts answers
// what it counted per customer and how many receipts repeated an identifier.
import { FakeStripeServer } from '../../tests/fixtures/fake-stripe-server';
import { FakeStripeMeters } from '../../tests/fixtures/fake-stripe-meters';

const fake = new FakeStripeServer();
const meters = new FakeStripeMeters(fake).addMeter('mtr_bench', 'bench_calls');
fake.route('GET', /^\/__fake\/meter-counts$/, () => {
  const customers = [...new Set(meters.receipts.map((r) => r.customer))];
  return {
    body: {
      receipts: meters.receipts.length,
      repeats: [...meters.repeatedIdentifiers().values()].reduce((a, n) => a + n - 1, 0),
      counted: Object.fromEntries(customers.map((c) => [c, meters.countedTotal(c, 'bench_calls')])),
    },
  };
});
await fake.start();
process.stdout.write(`${fake.url}\n`);
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
