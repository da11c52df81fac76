/** A stretch of text: [start, end) in UTF-16 code units. */
export interface Span {
  readonly start: number
  readonly end: number
}

/** Spans merged into disjoint intervals sorted by start, so that their ends are sorted too. */
export const mergeSpans = (spans: readonly Span[]): Span[] => {
  const merged: Span[] = []
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1)
    if (last !== undefined && span.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) }
    else merged.push({ start: span.start, end: span.end })
  }
  return merged
}

/** Whether a span overlaps any of the merged spans: a binary search for the first span ending after it starts. */
export const overlapsAny = (span: Span, merged: readonly Span[]): boolean => {
  let low = 0
  let high = merged.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if ((merged[middle]?.end ?? 0) <= span.start) low = middle + 1
    else high = middle
  }
  const found = merged[low]
  return found !== undefined && found.start < span.end
}
