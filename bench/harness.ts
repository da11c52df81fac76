/** Small helpers shared by the benchmarks: a seeded generator and a median-of-runs timer. */

/** A seeded pseudo-random generator (mulberry32), so every run measures the same inputs. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Timing {
  readonly name: string
  /** Operations a second, the median of the runs. */
  readonly rate: number
  readonly runs: readonly number[]
}

/** Runs `work` (which does `operations` operations) `runs` times after one warm-up, and reports the median rate. */
export const measure = (name: string, operations: number, work: () => number, runs = 5): Timing => {
  let sink = work()
  const rates: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint()
    sink += work()
    const seconds = Number(process.hrtime.bigint() - start) / 1e9
    rates.push(operations / seconds)
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work from being optimised away')
  const sorted = [...rates].sort((a, b) => a - b)
  return { name, rate: sorted[Math.floor(sorted.length / 2)] ?? 0, runs: rates }
}

export const formatRate = (rate: number): string =>
  rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} million/s` : `${Math.round(rate).toLocaleString('en-GB')}/s`
