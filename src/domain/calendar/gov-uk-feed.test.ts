import { describe, expect, it } from 'vitest'
import { mergeHolidayFeeds, parseHolidayFeed, yearsCovered, type HolidayFeed } from './gov-uk-feed.ts'

const feed = (events: Record<string, { title: string; date: string; notes?: string }[]>) =>
  Object.fromEntries(Object.entries(events).map(([division, list]) => [division, { division, events: list }]))

describe('GOV.UK bank-holiday feeds', () => {
  it('reads a feed in GOV.UK’s shape', () => {
    const parsed = parseHolidayFeed(
      feed({ scotland: [{ title: 'St Andrew’s Day', date: '2030-12-02', notes: 'Substitute day' }] }),
    )
    expect(parsed).toEqual({
      ok: true,
      value: { scotland: [{ date: '2030-12-02', title: 'St Andrew’s Day', notes: 'Substitute day' }] },
    })
  })

  it.each([
    ['not an object', 'a string', 'not a GOV.UK bank-holidays feed'],
    ['an unknown division', feed({ wales: [{ title: 'X', date: '2030-01-01' }] }), 'unknown division "wales"'],
    ['an unreal date', feed({ scotland: [{ title: 'X', date: '2030-02-30' }] }), '"2030-02-30" is not a real date'],
    ['a year out of range', feed({ scotland: [{ title: 'X', date: '2101-01-01' }] }), 'outside 1990–2100'],
    [
      'a date twice',
      feed({
        scotland: [
          { title: 'X', date: '2030-01-01' },
          { title: 'Y', date: '2030-01-01' },
        ],
      }),
      'listed twice',
    ],
    ['no events', feed({ scotland: [] }), 'no bank holidays'],
    ['an event with no title', feed({ scotland: [{ title: ' ', date: '2030-01-01' }] }), 'has no title'],
  ])('refuses %s', (_what, json, message) => {
    const parsed = parseHolidayFeed(json)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.error.join(' ')).toContain(message)
  })

  it('lets a later import win for the years it covers, division by division', () => {
    const earlier: HolidayFeed = {
      scotland: [
        { date: '2030-01-01' as never, title: 'A', notes: '' },
        { date: '2031-01-01' as never, title: 'B', notes: '' },
      ],
      'northern-ireland': [{ date: '2030-03-18' as never, title: 'C', notes: '' }],
    }
    const later: HolidayFeed = { scotland: [{ date: '2030-01-02' as never, title: 'D', notes: '' }] }
    const merged = mergeHolidayFeeds(earlier, later)
    expect(merged.scotland?.map((event) => event.title)).toEqual(['D', 'B'])
    expect(merged['northern-ireland']?.map((event) => event.title)).toEqual(['C'])
    expect([...yearsCovered(merged, 'scotland')]).toEqual([2030, 2031])
  })
})
