export const ROLES = ['admin', 'revops', 'support'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  revops: 'RevOps',
  support: 'Support',
};
