import { chargebeeCredit } from './chargebee-credit';

// The action kinds Chargebee executes (the port's PlatformActionEffect, checked where the
// platform is defined: lib/server/billing-platforms/chargebee-platform.ts). A kind not listed —
// plan_change, dunning_step today — fails on a Chargebee customer with not_supported_on_platform.
export const CHARGEBEE_ACTIONS = { credit: chargebeeCredit } as const;
