import { analyzeMeterUsage, type MeterInsight } from './analyze-meter-usage';
import { DAY_MS, DISPLAY_DAYS_BEFORE_PERIOD } from './insight-rules';
import { loadUsageWindow, type SubscriptionWindow } from './load-usage-window';

export interface CustomerInsights {
  customerId: string;
  asOf: Date;
  /** End of the last complete hour analysed. */
  hour: number;
  subscription: SubscriptionWindow;
  meters: MeterInsight[];
}

// Utilisation, forecast and anomalies of every metered limit of a customer's live subscription,
// as of `asOf`. The usage-insights route and the usage-analyst agent both call this, so what
// the console shows is what the agent decided on. Null when there is no live subscription.
export async function computeCustomerInsights(customerId: string, asOf: Date): Promise<CustomerInsights | null> {
  const window = await loadUsageWindow(customerId, asOf);
  if (!window) return null;
  const { subscription, hour } = window;
  const period = {
    periodStart: subscription.periodStart,
    periodEnd: subscription.periodEnd,
    hour,
    displayFrom: subscription.periodStart - DISPLAY_DAYS_BEFORE_PERIOD * DAY_MS,
  };
  return { customerId, asOf, hour, subscription, meters: window.meters.map((m) => analyzeMeterUsage(m, period)) };
}
