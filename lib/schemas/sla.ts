import { z } from 'zod';

// SLA policies, incidents opened in the console, and the incident page's cohort — the contract
// shared by the routes, the editor form and the billing-ops-sla agent.

// Percent as basis points of a percent: 9990 = 99.90 %.
const bp = z.number().int().min(0).max(10_000);

export const creditTier = z.object({
  belowBp: bp,
  creditPercent: z.number().int().min(1, 'A tier credits at least 1 %').max(100, 'At most 100 %'),
});

export const maintenanceWindow = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    note: z.string().max(200).default(''),
  })
  .refine((w) => Date.parse(w.endsAt) > Date.parse(w.startsAt), {
    message: 'A maintenance window ends after it starts',
    path: ['endsAt'],
  });
export type MaintenanceWindow = z.infer<typeof maintenanceWindow>;

export const slaPolicyFields = z
  .object({
    name: z.string().trim().min(1, 'Name the policy').max(100),
    uptimeTargetBp: bp.min(9000, 'Targets below 90 % are not SLAs'),
    windowDays: z.number().int().min(1).max(366),
    creditTiers: z.array(creditTier).min(1, 'Add at least one credit tier').max(10),
    capPercent: z.number().int().min(1).max(100),
    capMinor: z.number().int().positive().max(100_000_000).nullable(),
    exclusions: z.array(maintenanceWindow).max(100),
  })
  .superRefine((p, ctx) => {
    p.creditTiers.forEach((t, i) => {
      if (t.belowBp > p.uptimeTargetBp) {
        ctx.addIssue({
          code: 'custom',
          path: ['creditTiers', i, 'belowBp'],
          message: 'A tier starts at or below the uptime target',
        });
      }
    });
    const seen = new Set<number>();
    p.creditTiers.forEach((t, i) => {
      if (seen.has(t.belowBp)) {
        ctx.addIssue({
          code: 'custom',
          path: ['creditTiers', i, 'belowBp'],
          message: 'Two tiers start at the same uptime',
        });
      }
      seen.add(t.belowBp);
    });
  });
export type SlaPolicyFields = z.infer<typeof slaPolicyFields>;

export const slaPolicyView = z.object({
  id: z.string(),
  name: z.string(),
  planId: z.string().nullable(),
  planName: z.string().nullable(),
  currency: z.string(),
  uptimeTargetBp: z.number().int(),
  windowDays: z.number().int(),
  creditTiers: z.array(creditTier),
  capPercent: z.number().int(),
  capMinor: z.number().int().nullable(),
  exclusions: z.array(maintenanceWindow),
  updatedAt: z.string().nullable(),
});
export const slaPolicyListResponse = z.object({ items: z.array(slaPolicyView) });
export const slaPolicyParams = z.object({ id: z.string().min(1).max(100) });

export const openIncidentBody = z.object({
  title: z.string().trim().min(1, 'Give the incident a title').max(300),
  description: z.string().max(5000).default(''),
  severity: z.enum(['sev1', 'sev2', 'sev3']),
  services: z.array(z.string().trim().min(1).max(100)).max(50),
  regions: z.array(z.string().trim().min(1).max(100)).max(50),
  startedAt: z.iso.datetime({ offset: true }),
});
export const resolveIncidentBody = z.object({
  resolvedAt: z.iso.datetime({ offset: true }),
  note: z.string().max(2000).default(''),
});
export const incidentParams = z.object({ id: z.string().min(1).max(100) });

export const cohortReason = z.enum([
  'in_cohort',
  'no_traffic',
  'no_errors',
  'errors_outside_scope',
  'maintenance_window',
  'no_sla_policy',
]);

export const assessmentView = z.object({
  customerId: z.string(),
  customerName: z.string(),
  included: z.boolean(),
  reason: z.string(),
  requests: z.number().int(),
  failures: z.number().int(),
  downtimeMinutes: z.number().int(),
  calculation: z.record(z.string(), z.unknown()),
  amountMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  action: z
    .object({
      id: z.string(),
      status: z.string(),
      currentRevision: z.number().int(),
      executedAt: z.string().nullable(),
    })
    .nullable(),
  ticketId: z.string().nullable(),
  notifiedAt: z.string().nullable(),
});

export const incidentDetailResponse = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  source: z.string(),
  services: z.array(z.string()),
  regions: z.array(z.string()),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  timeline: z.array(
    z.object({ id: z.string(), at: z.string(), kind: z.string(), message: z.string(), source: z.string() }),
  ),
  assessments: z.array(assessmentView),
  totals: z.object({
    included: z.number().int(),
    excluded: z.number().int(),
    creditMinor: z.number().int(),
    currency: z.string().nullable(),
    pendingActionIds: z.array(z.object({ id: z.string(), revision: z.number().int() })),
  }),
});
export type IncidentDetail = z.infer<typeof incidentDetailResponse>;

export const approveCreditsBody = z.object({
  items: z
    .array(z.object({ id: z.string().min(1), revision: z.number().int().min(1) }))
    .min(1)
    .max(500),
});
