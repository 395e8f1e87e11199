// Order statistics for benchmark samples (milliseconds, MiB…).

export function quantile(samples, q) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

/** median, p95, min, max and n of a list of samples. */
export function summarize(samples) {
  const finite = samples.filter((x) => Number.isFinite(x));
  return {
    n: finite.length,
    median: quantile(finite, 0.5),
    p95: quantile(finite, 0.95),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
  };
}

/** Median of the per-pair ratios a[i] / b[i] (pairs measured back to back). */
export function pairedRatio(a, b) {
  const ratios = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (b[i] > 0) ratios.push(a[i] / b[i]);
  return quantile(ratios, 0.5);
}
