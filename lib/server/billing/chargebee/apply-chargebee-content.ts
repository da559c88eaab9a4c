import { applyPlatformContent } from '@/lib/server/billing/stripe/sync/apply-platform-content';
import type { ChargebeeEventHandler } from './chargebee-handler-context';

// Every Chargebee event carries full snapshots of the objects it is about (a subscription event
// its subscription and customer; payment_* the transaction, invoice, customer, subscription).
// Each snapshot goes through the shared writers (apply-platform-content), ordered by its own
// resource_version, as billing_provider 'chargebee'.
export const applyChargebeeContent: ChargebeeEventHandler = (ctx) =>
  applyPlatformContent(ctx, ctx.eventType, ctx.content, 'chargebee');
