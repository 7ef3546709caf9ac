/** Latency figures of one operation, in milliseconds. */
export interface Stats {
  iterations: number;
  p50: number;
  p95: number;
  mean: number;
}

export function summarize(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest sample with at least q of them at or below it.
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
  return {
    iterations: sorted.length,
    p50: rank(0.5),
    p95: rank(0.95),
    mean: sorted.reduce((sum, t) => sum + t, 0) / sorted.length,
  };
}

/** Iterations run before measuring, so caches and JIT are warm: their indexes follow the measured ones. */
export const warmUpCount = (iterations: number) => Math.min(30, Math.ceil(iterations / 10));

async function timed(operation: (i: number) => Promise<unknown>, i: number, samples: number[]): Promise<void> {
  const start = performance.now();
  await operation(i);
  samples.push(performance.now() - start);
}

/**
 * Runs two operations `iterations` times each, one after the other in turns (in alternating
 * order), after a warm-up: both see the same machine, whatever else it is doing meanwhile.
 */
export async function measurePair(
  iterations: number,
  a: (i: number) => Promise<unknown>,
  b: (i: number) => Promise<unknown>,
): Promise<[Stats, Stats]> {
  for (let i = 0; i < warmUpCount(iterations); i++) {
    await a(iterations + i);
    await b(iterations + i);
  }
  const samplesA: number[] = [];
  const samplesB: number[] = [];
  for (let i = 0; i < iterations; i++) {
    if (i % 2 === 0) {
      await timed(a, i, samplesA);
      await timed(b, i, samplesB);
    } else {
      await timed(b, i, samplesB);
      await timed(a, i, samplesA);
    }
  }
  return [summarize(samplesA), summarize(samplesB)];
}
