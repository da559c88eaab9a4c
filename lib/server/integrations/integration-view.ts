import type { Prisma } from '@/generated/prisma/client';
import type { IntegrationView } from '@/lib/schemas/integrations';
import { providerOf } from './crm/crm-adapters';

// Selects everything the view needs and nothing secret: the ciphertext never leaves this folder.
export const integrationViewSelect = {
  id: true,
  kind: true,
  name: true,
  config: true,
  secretHint: true,
  disabledAt: true,
  updatedAt: true,
} satisfies Prisma.IntegrationSelect;

type Row = Prisma.IntegrationGetPayload<{ select: typeof integrationViewSelect }>;

export function toIntegrationView(row: Row): IntegrationView {
  const config = (row.config ?? {}) as { label?: string };
  const provider = row.kind === 'crm' ? providerOf(row.config) : undefined;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    config: { ...(config.label ? { label: config.label } : {}), ...(provider ? { provider } : {}) },
    secretHint: row.secretHint,
    disabled: Boolean(row.disabledAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const secretHintFor = (url: string) => new URL(url).host;
