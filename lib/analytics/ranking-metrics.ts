/** Area under the ROC curve by the rank-sum (Mann–Whitney) formula; ties count half. */
export function rocAuc(scores: readonly number[], labels: readonly boolean[]): number {
  const idx = scores.map((s, i) => [s, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(scores.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
    for (let k = i; k <= j; k++) ranks[idx[k]![1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const pos = labels.filter(Boolean).length;
  const neg = labels.length - pos;
  if (!pos || !neg) return Number.NaN;
  const sumPos = labels.reduce((s, l, i) => (l ? s + ranks[i]! : s), 0);
  return (sumPos - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Share of positives among the k highest scores (ties broken by input order). */
export function precisionAtK(scores: readonly number[], labels: readonly boolean[], k: number): number {
  const top = scores
    .map((s, i) => [s, i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, k);
  return top.length ? top.filter(([, i]) => labels[i]).length / top.length : Number.NaN;
}
