import { describe, expect, it } from 'vitest'
import { hasPositiveTerm, parseSearch, toFts5Query } from './search-query.ts'

describe('reading what a person types in a search box', () => {
  it.each([
    ['permit figures', '("permit" AND "figures")'],
    ['"figures attached"', '("figures attached")'],
    ['permit -attached', '("permit") NOT "attached"'],
    ['catering OR cleaning', '("catering" OR "cleaning")'],
    ['foi@tfl.gov.uk', '("foi tfl gov uk")'],
    ['SW1A-2AA', '("SW1A 2AA")'],
    ['-"draft version" budget', '("budget") NOT "draft version"'],
    ['NEAR(a b) *', '("NEAR a" AND "b")'],
    ['"unclosed phrase', '("unclosed phrase")'],
    ['Ŵyn Gruffydd', '("Ŵyn" AND "Gruffydd")'],
  ])('%s becomes the FTS5 query %s', (typed, query) => {
    expect(toFts5Query(parseSearch(typed))).toBe(query)
  })

  it.each(['', '   ', '-draft', 'OR', '"" ***', '-"a b"'])('%j asks for nothing to find', (typed) => {
    expect(hasPositiveTerm(parseSearch(typed))).toBe(false)
    expect(toFts5Query(parseSearch(typed))).toBeUndefined()
  })

  it('drops an OR with nothing on one side', () => {
    expect(toFts5Query(parseSearch('OR permit OR'))).toBe('("permit")')
  })
})
