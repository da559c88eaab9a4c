import { recurlyCredit } from './recurly-credit';

// The action kinds Recurly executes (the port's PlatformActionEffect, checked where the platform
// is defined: lib/server/billing-platforms/recurly-platform.ts). A kind not listed — plan_change,
// dunning_step today — fails on a Recurly customer with not_supported_on_platform.
export const RECURLY_ACTIONS = { credit: recurlyCredit } as const;
