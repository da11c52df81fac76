import { describe, expect, it } from 'vitest'
import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import { formatDayMonthYear, formatTimestamp } from './dates.ts'
import { textBlock } from './case-page-view.ts'

describe('dates and times on staff pages', () => {
  it('writes dates in GOV.UK style', () => {
    expect(formatDayMonthYear('2024-12-04' as IsoDate)).toBe('4 December 2024')
  })

  it.each([
    ['2024-12-04T10:00:00.000Z', '4 December 2024 at 10am'],
    ['2024-07-01T11:30:00.000Z', '1 July 2024 at 12:30pm'], // British Summer Time
    ['2024-07-01T11:00:00.000Z', '1 July 2024 at midday'],
    ['2024-12-31T00:00:00.000Z', '31 December 2024 at midnight'],
    ['2024-12-31T17:05:00.000Z', '31 December 2024 at 5:05pm'],
  ])('writes %s as “%s”, in UK time', (instant, expected) => {
    expect(formatTimestamp(instant)).toBe(expected)
  })
})

describe('text as paragraphs of lines', () => {
  it('keeps line breaks within a paragraph and splits paragraphs at blank lines', () => {
    expect(textBlock('Dear team,\r\n\r\nPlease send:\n1. contracts\n2. invoices\n\n\n  \nThanks')).toEqual([
      ['Dear team,'],
      ['Please send:', '1. contracts', '2. invoices'],
      ['Thanks'],
    ])
  })

  it('gives nothing for empty text', () => {
    expect(textBlock('')).toEqual([])
  })
})
