/**
 * Postal addresses, anchored on a postcode: the lines (or comma-separated parts of a line) just before it, read
 * backwards. Towns and districts nearest the postcode are taken while they come; then a street line is required
 * ("14 Acacia Avenue", "Flat 3, 14 Acacia Avenue", "Mill Lane"), and a flat or building name before it is taken too.
 * Whatever comes before that (a person's name, "I live at") is not. The postcode is its own finding: the address
 * ends before it, so the two never overlap.
 */

import type { Finding } from './finding.ts'
import { STREET_WORDS } from './name-words.ts'
import { makeFinding } from './text-scan.ts'

/** A word as it starts a line or a name: "Road" or "road". */
const eitherCase = (word: string): string => `[${word.charAt(0).toUpperCase()}${word.charAt(0)}]${word.slice(1)}`
const anyOf = (words: readonly string[]): string => words.map(eitherCase).join('|')

const STREETS = anyOf([...STREET_WORDS].filter((word) => word.length > 2 || word === 'st' || word === 'rd'))
const FLAT = anyOf(['flat', 'apartment', 'unit', 'suite', 'room'])
const BUILDINGS = anyOf(
  'house cottage farm court lodge hall barn mill manor villa villas buildings mansions chambers tower towers apartments'.split(
    ' ',
  ),
)
const CAPITALISED = String.raw`\p{Lu}[\p{L}'’.-]*`
const LOCALITY_WORDS = String.raw`${CAPITALISED}(?:[ -]+(?:upon|on|in|under|by|le|the|de|${CAPITALISED})){0,3}`

/** A street line at the end of a part: "(Flat 3, )14(a) Acacia Avenue( North)( Leeds)". */
const STREET_LINE = new RegExp(
  String.raw`(?:\b(?:${FLAT})[ \t]+\d{1,4}[A-Za-z]?,?[ \t]+)?(?:\b\d{1,4}[A-Za-z]?(?:-\d{1,4}[A-Za-z]?)?,?[ \t]+)?(?:${CAPITALISED}[ \t]+){1,3}(?:${STREETS})\.?(?:[ \t]+(?:North|South|East|West))?(?:,?[ \t]+${LOCALITY_WORDS})?$`,
  'u',
)
const NUMBERED = /^(?:[A-Za-z]+[ \t]+)?\d/u
/** A flat or a building name at the end of a part: "Flat 3", "Rose Cottage". */
const BUILDING = new RegExp(
  String.raw`(?:\b(?:${FLAT})[ \t]+\d{1,4}[A-Za-z]?|(?:${CAPITALISED}[ \t]+){1,3}(?:${BUILDINGS}))$`,
  'u',
)
const LOCALITY = new RegExp(String.raw`^${LOCALITY_WORDS}$`, 'u')

const MAX_PARTS = 6
const MAX_PART_LENGTH = 120

/** Skips back over spaces, commas and at most one line end (a blank line ends an address). */
const skipSeparators = (text: string, at: number): number => {
  let cursor = at
  let lineEnds = 0
  while (cursor > 0) {
    const code = text.charCodeAt(cursor - 1)
    if (code === 10) {
      lineEnds += 1
      if (lineEnds > 1) return -1
    } else if (code !== 32 && code !== 9 && code !== 44 && code !== 13) break
    cursor -= 1
  }
  return cursor
}

export const detectPostalAddresses = (text: string, postcodes: readonly Finding[], out: Finding[]): void => {
  for (const postcode of postcodes) {
    let cursor = postcode.start
    let start: number | undefined
    let end: number | undefined
    let street = false
    let numbered = false
    for (let part = 0; part < MAX_PARTS; part += 1) {
      const partEnd = skipSeparators(text, cursor)
      if (partEnd <= 0) break
      let partStart = partEnd
      const floor = Math.max(0, partEnd - MAX_PART_LENGTH)
      while (partStart > floor && text.charCodeAt(partStart - 1) !== 10 && text.charCodeAt(partStart - 1) !== 44) {
        partStart -= 1
      }
      while (partStart < partEnd && /\s/u.test(text.charAt(partStart))) partStart += 1
      const segment = text.slice(partStart, partEnd)
      if (!street) {
        const line = STREET_LINE.exec(segment)
        if (line !== null) {
          street = true
          numbered = NUMBERED.test(line[0])
          start = partStart + line.index
          end ??= partEnd
          if (line.index > 0) break
        } else if (LOCALITY.test(segment)) {
          start = partStart
          end ??= partEnd
        } else break
      } else {
        const building = BUILDING.exec(segment)
        if (building === null) break
        start = partStart + building.index
        if (building.index > 0) break
      }
      cursor = partStart
    }
    if (!street || start === undefined || end === undefined) continue
    const reason = 'address lines before a postcode'
    out.push(makeFinding('postal-address', text, start, end, numbered ? 0.8 : 0.65, reason))
  }
}
