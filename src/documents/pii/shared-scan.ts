/**
 * Several detectors sharing one regex scan. V8's regex engine spends most of a scan deciding, position by position,
 * whether a match can start there; one pattern with several alternatives costs little more than one of them, where
 * several patterns cost one scan each. So detectors whose matches start with a capital letter (titles, greetings and
 * sign-offs; driving licence, vehicle registration and IBAN numbers) are joined into one scan.
 *
 * Only rules whose matches cannot start at the same place may be joined: at any position the first alternative that
 * matches wins, and if its rule then turns the match down, the others are not tried there.
 */

import type { Finding } from './finding.ts'

export interface ScanRule {
  /** A regex source, scanned with the `g` flag. No backreferences: group numbers shift when rules are joined. */
  readonly source: string
  /** What to do with a match: the rule's own group k is `match[base + k]`, and `match[base]` is the whole match. */
  readonly accept: (text: string, match: RegExpExecArray, base: number, out: Finding[]) => void
}

/** A detector that scans once for every rule. */
export const joinRules = (rules: readonly ScanRule[]): ((text: string, out: Finding[]) => void) => {
  if (rules.length === 0) return () => undefined
  const bases: number[] = []
  let next = 1
  for (const rule of rules) {
    bases.push(next)
    next += (new RegExp(`${rule.source}|`).exec('')?.length ?? 1) - 1 + 1
  }
  const pattern = new RegExp(rules.map((rule) => `(${rule.source})`).join('|'), 'g')
  return (text, out) => {
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      if (match[0] === '') pattern.lastIndex += 1
      for (let index = 0; index < rules.length; index += 1) {
        const base = bases[index] ?? 0
        if (match[base] === undefined) continue
        rules[index]?.accept(text, match, base, out)
        break
      }
    }
  }
}
