// Query-key factories: every key starts with its resource, so a mutation can invalidate a
// whole resource by prefix (convention 8).
export const queryKeys = {
  customers: {
    all: ['customers'] as const,
    list: (params: Record<string, unknown>) => ['customers', 'list', params] as const,
    detail: (id: string) => ['customers', 'detail', id] as const,
  },
  invoices: {
    all: ['invoices'] as const,
    list: (params: Record<string, unknown>) => ['invoices', 'list', params] as const,
  },
  incidents: { all: ['incidents'] as const, detail: (id: string) => ['incidents', 'detail', id] as const },
  slaPolicies: { all: ['sla-policies'] as const },
  actions: {
    all: ['actions'] as const,
    list: (params: Record<string, unknown>) => ['actions', 'list', params] as const,
    detail: (id: string) => ['actions', 'detail', id] as const,
  },
  policies: { all: ['policies'] as const },
  workflows: { all: ['workflows'] as const },
  audit: { all: ['audit'] as const, list: (params: Record<string, unknown>) => ['audit', 'list', params] as const },
  users: { all: ['users'] as const },
  integrations: { all: ['integrations'] as const },
  billingConnection: { all: ['billing-connection'] as const },
  chargebeeConnection: { all: ['chargebee-connection'] as const },
  stripeImports: { all: ['stripe-imports'] as const },
  chargebeeImports: { all: ['chargebee-imports'] as const },
  catalog: { all: ['catalog'] as const },
  scores: {
    all: ['scores'] as const,
    list: (params: Record<string, unknown>) => ['scores', 'list', params] as const,
    customer: (id: string) => ['scores', 'customer', id] as const,
  },
  overview: { all: ['overview'] as const, setup: ['overview', 'setup-checklist'] as const },
  email: {
    all: ['email'] as const,
    preview: (input: unknown) => ['email', 'preview', input] as const,
    deliveries: (filter: Record<string, string>) => ['email', 'deliveries', filter] as const,
    brand: ['email', 'brand'] as const,
  },
};
