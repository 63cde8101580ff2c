// Axis arithmetic for the server-drawn SVG charts: a "nice" upper bound and evenly spaced
// ticks (1, 2, 2.5 or 5 times a power of ten), so the axis reads 0 / 25 / 50 / 75 / 100
// rather than 0 / 23.7 / 47.4.

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks from 0 up to a round value at or above `max`, about `count` of them. */
export function niceTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * power >= rough) ?? 10) * power;
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's precision so 0.1 + 0.2 style sums print cleanly.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toFixed(digits)));
  return ticks;
}
