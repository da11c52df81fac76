/**
 * When two findings overlap, one of them is kept: the more specific type, then the longer span, then the higher
 * score. Specific means harder to find by chance: a number with a check digit beats one without, a checked number
 * beats a name, and an address (a heuristic) beats only a name. So a card number is not also a phone number, an email
 * address is not also a name, and "14 Jordan Road" is an address, not "Jordan" the person.
 *
 * An NHS number inside a longer digit run is never a candidate in the first place: each detector refuses digits
 * that run on (see pattern-detectors.ts), so overlap resolution only ever chooses between whole candidates.
 */

import type { Finding, PiiType } from './finding.ts'

export const SPECIFICITY: Readonly<Record<PiiType, number>> = {
  email: 100,
  iban: 95,
  'payment-card': 90,
  'driving-licence': 88,
  'national-insurance-number': 87,
  'nhs-number': 85,
  'bank-account': 84,
  'passport-number': 83,
  'date-of-birth': 80,
  'ip-address': 78,
  phone: 75,
  postcode: 70,
  'vehicle-registration': 65,
  'postal-address': 60,
  'person-name': 50,
}

const beats = (a: Finding, b: Finding): number =>
  SPECIFICITY[b.type] - SPECIFICITY[a.type] ||
  b.end - b.start - (a.end - a.start) ||
  b.score - a.score ||
  a.start - b.start

const overlap = (a: Finding, b: Finding): boolean => a.start < b.end && b.start < a.end

/** A group this large is resolved with a map of the characters taken, so that it stays linear. */
const LARGE_GROUP = 32

/** Within a group of findings that overlap one another (directly or through a chain), the winners, by start. */
const resolveGroup = (group: readonly Finding[], groupStart: number, groupEnd: number): Finding[] => {
  if (group.length === 1) return [...group]
  const kept: Finding[] = []
  const byRank = [...group].sort(beats)
  if (group.length < LARGE_GROUP) {
    for (const candidate of byRank) if (!kept.some((winner) => overlap(winner, candidate))) kept.push(candidate)
  } else {
    const taken = new Uint8Array(groupEnd - groupStart)
    for (const candidate of byRank) {
      const from = candidate.start - groupStart
      const to = candidate.end - groupStart
      let free = true
      for (let at = from; at < to && free; at += 1) free = taken[at] === 0
      if (!free) continue
      taken.fill(1, from, to)
      kept.push(candidate)
    }
  }
  return kept.sort((a, b) => a.start - b.start)
}

/** The findings with no two overlapping, sorted by start. Linear after the sort: groups are found in one sweep. */
export const resolveOverlaps = (findings: readonly Finding[]): Finding[] => {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end)
  const result: Finding[] = []
  let group: Finding[] = []
  let groupStart = 0
  let groupEnd = -1
  const flush = () => {
    for (const winner of resolveGroup(group, groupStart, groupEnd)) result.push(winner)
    group = []
  }
  for (const finding of sorted) {
    if (finding.start >= groupEnd && group.length > 0) flush()
    if (group.length === 0) groupStart = finding.start
    group.push(finding)
    groupEnd = Math.max(groupEnd, finding.end)
  }
  if (group.length > 0) flush()
  return result
}
