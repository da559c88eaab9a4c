const CAL_BINS = 64;
const CAL_RES = 8; // bins per doubling of (1 + feature)
const CAL_PRIOR = 1;

/**
 * Turns a non-negative feature into a surprise, -log10 P(feature >= x), using an exponentially
 * decayed histogram of the feature's own past values on a log2 scale (64 bins, factor ~1.09 per
 * bin). Empirical tails handle heavy-tailed and zero-inflated features that a Gaussian fit gets
 * badly wrong; the decay keeps the effective history (and so the largest attainable surprise)
 * comparable between long and short series. Values beyond everything seen so far get extra
 * surprise for how far beyond they are, so magnitude still ranks the extremes.
 */
export class TailCalibrator {
  // Fenwick (binary indexed) tree over the bins: O(log 64) tail queries and updates.
  private readonly tree = new Float64Array(CAL_BINS + 1);
  private total = 0;
  private top = -1;
  private sinceDecay = 0;
  constructor(
    private readonly decay: number,
    private readonly exceed: number,
  ) {}

  surprise(x: number): number {
    let b = Math.floor(Math.log2(1 + x) * CAL_RES);
    if (b >= CAL_BINS) b = CAL_BINS - 1;
    if (b < 0) b = 0;
    const t = this.tree;
    let s = 0;
    if (b > 0 && this.total > 0) {
      let below = 0; // mass of bins [0, b-1]
      for (let i = b; i > 0; i -= i & -i) below += t[i];
      const tail = this.total - below;
      s = -Math.log10(((tail > 0 ? tail : 0) + CAL_PRIOR) / (this.total + CAL_PRIOR));
      if (b > this.top) s += (this.exceed * (b - this.top)) / CAL_RES; // per doubling beyond the max
    }
    for (let i = b + 1; i <= CAL_BINS; i += i & -i) t[i] += 1;
    this.total += 1;
    if (b > this.top) this.top = b;
    if (++this.sinceDecay === 64) {
      // Decay in batches of 64 points (a Fenwick tree is linear, so scaling every node scales
      // every bin): practically the same as per-point decay at 1/64 of the cost.
      const f = Math.pow(this.decay, 64);
      for (let i = 1; i <= CAL_BINS; i++) t[i] *= f;
      this.total *= f;
      this.sinceDecay = 0;
    }
    return s;
  }
}
