import { z } from 'zod';

// Settings → Billing platform. The key is write-only: the browser sees its hint and mode only.

export const stripeKeyBody = z.object({
  secretKey: z
    .string()
    .trim()
    .regex(
      /^(sk|rk)_(test|live)_[A-Za-z0-9_]{8,}$/,
      'A Stripe secret key (sk_test_…, sk_live_…) or restricted key (rk_…)',
    ),
});
export type StripeKeyInput = z.infer<typeof stripeKeyBody>;

export const stripePermissionProbe = z.object({
  resource: z.string(),
  label: z.string(),
  ok: z.boolean(),
  message: z.string().nullable(),
});
export type StripePermissionProbe = z.infer<typeof stripePermissionProbe>;

export const billingConnectionView = z.object({
  /** Where the key in use comes from: the environment wins over the console. */
  source: z.enum(['env', 'console']).nullable(),
  keyHint: z.string().nullable(),
  keyMode: z.enum(['test', 'live']).nullable(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  livemode: z.boolean().nullable(),
  testedAt: z.string().nullable(),
  missingPermissions: z.array(z.string()),
  webhook: z.object({
    url: z.string().nullable(),
    events: z.array(z.string()),
    endpointId: z.string().nullable(),
    secretStored: z.boolean(),
    secretInEnv: z.boolean(),
  }),
});
export type BillingConnectionView = z.infer<typeof billingConnectionView>;

export const connectionTestResult = z.object({
  ok: z.boolean(),
  message: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  livemode: z.boolean().nullable(),
  probes: z.array(stripePermissionProbe),
});
export type ConnectionTestResult = z.infer<typeof connectionTestResult>;

export const createWebhookEndpointBody = z.object({
  /** Defaults to the console's public URL + /api/webhooks/stripe. */
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});
