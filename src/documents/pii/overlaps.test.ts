import { describe, expect, it } from 'vitest'
import type { Finding, PiiType } from './finding.ts'
import { resolveOverlaps } from './overlaps.ts'

const finding = (type: PiiType, start: number, end: number, score = 0.9): Finding => ({
  type,
  start,
  end,
  text: 'x'.repeat(end - start),
  score,
  reason: 'test',
})
const kept = (findings: readonly Finding[]): [PiiType, number, number][] =>
  resolveOverlaps(findings).map((f) => [f.type, f.start, f.end])

describe('resolveOverlaps', () => {
  it('keeps findings that do not overlap, sorted by start', () => {
    expect(kept([finding('phone', 20, 30), finding('email', 0, 10), finding('postcode', 10, 17)])).toEqual([
      ['email', 0, 10],
      ['postcode', 10, 17],
      ['phone', 20, 30],
    ])
  })

  it.each<[string, Finding, Finding, PiiType]>([
    ['a card number over a phone number', finding('phone', 0, 11), finding('payment-card', 0, 19), 'payment-card'],
    ['an email address over a name inside it', finding('person-name', 0, 11), finding('email', 0, 23), 'email'],
    ['an address over a name in it', finding('person-name', 3, 9), finding('postal-address', 0, 14), 'postal-address'],
    ['an NHS number over a phone number', finding('phone', 0, 12), finding('nhs-number', 0, 12), 'nhs-number'],
    ['an IBAN over a bank account number', finding('bank-account', 4, 12), finding('iban', 0, 22), 'iban'],
  ])('prefers %s', (_what, a, b, winner) => {
    expect(kept([a, b]).map(([type]) => type)).toEqual([winner])
  })

  it('prefers the longer span of the same type, then the higher score', () => {
    expect(kept([finding('person-name', 0, 5), finding('person-name', 0, 11)])).toEqual([['person-name', 0, 11]])
    const [winner] = resolveOverlaps([finding('person-name', 0, 5, 0.6), finding('person-name', 0, 5, 0.95)])
    expect(winner?.score).toBe(0.95)
  })

  it('resolves a chain: A overlaps B, B overlaps C, A and C both kept when B loses', () => {
    expect(kept([finding('email', 0, 10), finding('person-name', 8, 22), finding('phone', 20, 30)])).toEqual([
      ['email', 0, 10],
      ['phone', 20, 30],
    ])
  })

  it('treats touching spans as not overlapping', () => {
    expect(kept([finding('person-name', 0, 5), finding('person-name', 5, 10)])).toHaveLength(2)
  })

  it('resolves a long chain of overlapping findings, keeping every other one', () => {
    const chain = Array.from({ length: 10_000 }, (_, index) => finding('person-name', index * 5, index * 5 + 8))
    const winners = resolveOverlaps(chain)
    expect(winners).toHaveLength(5_000)
    expect(winners.every((winner, index) => index === 0 || winner.start >= (winners[index - 1]?.end ?? 0))).toBe(true)
  })
})
