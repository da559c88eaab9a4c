import { z } from 'zod';

// Customer API keys: the keys an API-first company's own customers call its API with. A gateway
// sends one with each entitlement check (`apiKey`, or its sha256 as `apiKeyHash`) and Tollgate
// answers for the customer the key belongs to. Only the sha256 and a recognisable prefix are
// stored; a key made here is shown once.

/** sha256 of the key, lower-case hex — what a key manager that never reveals keys can send. */
export const keyHash = z
  .string()
  .trim()
  .regex(/^[0-9a-fA-F]{64}$/, 'A key hash is the 64-character hex sha256 of the key')
  .transform((h) => h.toLowerCase());

export const customerKeyView = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export type CustomerKeyView = z.infer<typeof customerKeyView>;

export const customerKeyListResponse = z.object({ items: z.array(customerKeyView) });

export const createCustomerKeyBody = z.object({ name: z.string().trim().min(1).max(120) });

/** The only answer that contains a key: its creation (or rotation), shown once. */
export const createdCustomerKey = customerKeyView.extend({ key: z.string() });
export type CreatedCustomerKey = z.infer<typeof createdCustomerKey>;

export const rotatedCustomerKey = z.object({ revoked: customerKeyView, created: createdCustomerKey });

/** One key a gateway or key manager registers: the customer by id or billing id, the key or its hash. */
export const registeredKey = z
  .object({
    customerId: z.string().trim().min(1).max(100).optional(),
    externalCustomerId: z.string().trim().min(1).max(200).optional(),
    key: z.string().min(8).max(500).optional(),
    keyHash: keyHash.optional(),
    prefix: z.string().trim().max(32).optional(),
    name: z.string().trim().min(1).max(120).optional(),
  })
  .refine((k) => Boolean(k.customerId) !== Boolean(k.externalCustomerId), {
    message: 'Send exactly one of customerId, externalCustomerId',
    path: ['customerId'],
  })
  .refine((k) => Boolean(k.key) !== Boolean(k.keyHash), {
    message: 'Send exactly one of key, keyHash',
    path: ['key'],
  });
export type RegisteredKey = z.infer<typeof registeredKey>;

export const registerCustomerKeysBody = z.object({ keys: z.array(z.unknown()).min(1).max(1000) });

export const keyRegistrationStatus = z.enum(['created', 'existing', 'conflict', 'unknown_customer', 'invalid']);

export const registerCustomerKeysResponse = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  rejected: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      status: keyRegistrationStatus,
      id: z.string().nullable(),
      message: z.string().optional(),
    }),
  ),
});
export type RegisterCustomerKeysResult = z.infer<typeof registerCustomerKeysResponse>;

export const importCustomerKeysBody = z.object({ csv: z.string().min(1).max(5_000_000) });
