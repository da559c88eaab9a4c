import Stripe from 'stripe';
import { resetEnvForTests } from '@/lib/env';
import { outboundLoggingStripeHttpClient } from '@/lib/server/billing/stripe/outbound-call-log';
import { createStripeProvider } from '@/lib/server/billing/stripe/stripe-provider';
import { FakeStripeServer } from '../fixtures/fake-stripe-server';
import { FakeStripeBilling } from '../fixtures/fake-stripe-billing';

// The fake Stripe server with its billing endpoints, the real SDK pointed at it, and an executor
// configured for tests: three attempts, no backoff, a short client timeout.
export async function startStripeWorld() {
  process.env.ACTION_RETRY_BASE_SECONDS = '0';
  process.env.ACTION_MAX_ATTEMPTS = '3';
  resetEnvForTests();
  const fake = await new FakeStripeServer().start();
  const billing = new FakeStripeBilling(fake, 1_500);
  const url = new URL(fake.url);
  const stripe = new Stripe('sk_test_fake', {
    host: url.hostname,
    port: url.port,
    protocol: 'http',
    maxNetworkRetries: 0,
    timeout: 500,
    telemetry: false,
    httpClient: outboundLoggingStripeHttpClient(), // as getStripeClient: agent scope, keys, call log
  });
  return {
    fake,
    billing,
    stripe,
    provider: createStripeProvider(stripe),
    async close() {
      await fake.close();
      delete process.env.ACTION_RETRY_BASE_SECONDS;
      delete process.env.ACTION_MAX_ATTEMPTS;
      resetEnvForTests();
    },
  };
}

export type StripeWorld = Awaited<ReturnType<typeof startStripeWorld>>;
