import { z } from 'zod';

export const incidentView = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  severity: z.string(),
  status: z.enum(['investigating', 'identified', 'monitoring', 'resolved']),
  startedAt: z.string(),
  resolvedAt: z.string().nullable(),
  durationMinutes: z.number().int().nullable(),
  affectedCustomers: z.number().int(),
  slaPolicy: z.string().nullable(),
});
export const incidentListResponse = z.object({ items: z.array(incidentView) });
