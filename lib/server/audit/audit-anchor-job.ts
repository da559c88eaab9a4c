import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { writeAuditAnchor } from '@/lib/server/audit/write-audit-anchor';
import { defineJob } from '@/lib/server/jobs/job-definition';

export const auditAnchorJob = defineJob({
  name: 'audit.anchor',
  payloadSchema: z.object({}).passthrough(),
  cron: `*/${getEnvSafeInterval()} * * * *`,
  handler: async () => {
    await writeAuditAnchor(getDb(), getEnv().AUDIT_ANCHOR_FILE);
  },
});

// The cron string is built when the registry loads; fall back to 5 minutes if config is absent.
function getEnvSafeInterval(): number {
  try {
    return Math.min(59, getEnv().AUDIT_ANCHOR_INTERVAL_MINUTES);
  } catch {
    return 5;
  }
}
