import { describe, expect, it } from 'vitest'
import type { Finding } from './finding.ts'
import { joinRules, type ScanRule } from './shared-scan.ts'

/** A rule that reports its own group 1 as a postcode-typed finding tagged with its name. */
const rule = (name: string, source: string): ScanRule => ({
  source,
  accept: (text, match, base, out) => {
    const group = match[base + 1] ?? ''
    const start = match.index + (match[base] ?? '').indexOf(group)
    out.push({ type: 'postcode', start, end: start + group.length, text: group, score: 1, reason: name })
  },
})

describe('joinRules', () => {
  it('scans once for several rules, each reading its own groups', () => {
    const scan = joinRules([rule('numbers', String.raw`\bn(?:(x)|y)?(\d+)`), rule('words', String.raw`\bw-(\w+)`)])
    const out: Finding[] = []
    scan('n12 w-abc nx7 w-d', out)
    expect(out.map((finding) => [finding.reason, finding.text])).toEqual([
      ['numbers', ''],
      ['words', 'abc'],
      ['numbers', 'x'],
      ['words', 'd'],
    ])
  })

  it('does nothing without rules', () => {
    const out: Finding[] = []
    joinRules([])('anything', out)
    expect(out).toEqual([])
  })

  it('moves on past an empty match instead of looping', () => {
    const out: Finding[] = []
    joinRules([rule('empty', '()')])('abc', out)
    expect(out).toHaveLength(4)
  })
})
