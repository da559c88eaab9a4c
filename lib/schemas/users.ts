import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'revops', 'support']);

export const userView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type UserView = z.infer<typeof userView>;

const password = z.string().min(12, 'Use at least 12 characters').max(200);

export const createUserBody = z.object({
  email: z
    .email()
    .max(200)
    .transform((e) => e.trim().toLowerCase()),
  name: z.string().trim().min(1).max(120),
  role: roleSchema,
  // Optional: people who sign in through SSO need none.
  password: password.optional(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: password.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'Nothing to change');
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const userListResponse = z.object({ items: z.array(userView) });
