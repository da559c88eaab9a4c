// Axis and tooltip formatting shared by the usage charts (UTC, like the rest of the console).
const day = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const formatDayTick = (t: number) => day.format(new Date(t));
export const formatCompactTick = (v: number) => compact.format(v);
