// Utilisation for the agent's texts: one decimal, rounded down, so "79.96 %" never reads as a
// threshold of 80 % that did not fire.
export const usagePercent = (ratio: number) =>
  `${(Math.floor(ratio * 1000) / 10).toFixed(Math.floor(ratio * 1000) % 10 === 0 ? 0 : 1)}%`;
