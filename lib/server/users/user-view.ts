import type { UserView } from '@/lib/schemas/users';

// Only these columns ever leave the server; the password hash never does.
export const userViewSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  passwordHash: true,
  lastLoginAt: true,
  createdAt: true,
} as const;

export function toUserView(u: {
  id: string;
  email: string;
  name: string;
  role: UserView['role'];
  disabledAt: Date | null;
  passwordHash: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: u.disabledAt !== null,
    hasPassword: u.passwordHash !== null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
