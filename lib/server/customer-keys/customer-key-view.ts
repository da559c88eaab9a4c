import type { CustomerKeyView } from '@/lib/schemas/customer-keys';

// The columns a key is shown with — never its hash.
export const customerKeySelect = {
  id: true,
  customerId: true,
  name: true,
  prefix: true,
  createdAt: true,
  revokedAt: true,
  lastUsedAt: true,
} as const;

type Row = {
  id: string;
  customerId: string;
  name: string;
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export function toCustomerKeyView(k: Row): CustomerKeyView {
  return {
    id: k.id,
    customerId: k.customerId,
    name: k.name,
    prefix: k.prefix,
    createdAt: k.createdAt.toISOString(),
    revokedAt: k.revokedAt?.toISOString() ?? null,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  };
}
