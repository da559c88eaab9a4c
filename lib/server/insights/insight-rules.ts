// The numbers behind the usage insights, in one place so the agent, the API and the tests agree.

// The agent that decides on these insights (lib/server/agents/usage-analyst): the customer page
// shows its decisions and drafts by this id.
export const USAGE_ANALYST_ID = 'usage-analyst';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** History analysed before the current period: four weeks gives the detector warm-up and the forecast a weekly season. */
export const WINDOW_DAYS_BEFORE_PERIOD = 28;
/** The forecast fits on at most this many recent hours: bounded work per series, still two weekly seasons and more. */
export const FORECAST_HISTORY_HOURS = 28 * 24;
/** Hourly points the chart shows before the current period (for anomalies that started just before it). */
export const DISPLAY_DAYS_BEFORE_PERIOD = 7;
/** Forecast band resolution on the chart. */
export const FORECAST_PATH_STEP_HOURS = 6;

/**
 * Materiality: the detector says "statistically unusual"; people only need to look when the
 * size matters too. An upward alarm counts when its hour is at least triple its seasonal
 * baseline, or when usage from it holds at 1.5x baseline (over up to a day, judged once six
 * hours are in); a downward one when usage from it holds at half or less (judged after three
 * hours). Either way the difference must also exceed NOISE_SIGMAS counting-noise deviations
 * (sqrt of the baseline), so 2 calls in an hour that usually has 1 is not news.
 */
export const SPIKE_POINT_RATIO = 3;
export const SUSTAINED_UP_RATIO = 1.5;
export const SUSTAINED_DOWN_RATIO = 0.5;
export const SUSTAINED_WINDOW_HOURS = 24;
export const MIN_UP_HOURS = 6;
export const MIN_DOWN_HOURS = 3;
export const NOISE_SIGMAS = 4;
/** Hours at the start of an episode (and at the end of the series) compared with their baseline. */
export const MATERIALITY_WINDOW_HOURS = 6;
/** Alarms this close after the previous one, in the same direction, belong to the same episode. */
export const EPISODE_GAP_HOURS = 24;
/** An upward episode is runaway when usage now is this many times its baseline and still rising. */
export const RUNAWAY_RATIO = 3;
export const RUNAWAY_RISE = 1.25;
/** Episodes starting this recently are acted on; older ones are history on the chart. */
export const RECENT_HOURS = 7 * 24;
/** Prior episodes within this distance of a new one are the same episode (late data may move an alarm by hours). */
export const SAME_EPISODE_HOURS = 24;
/** Excess of an upward episode is counted while usage stays this far above baseline (at most a week). */
export const EXCESS_RATIO = 1.5;
export const EXCESS_MAX_HOURS = 7 * 24;
