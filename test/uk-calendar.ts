import publishedFeed from '../src/domain/calendar/data/gov-uk-bank-holidays.json' with { type: 'json' }
import { parseHolidayFeed, type HolidayFeed } from '../src/domain/calendar/gov-uk-feed.ts'
import { ONE_OFF_BANK_HOLIDAYS } from '../src/domain/calendar/one-off-bank-holidays.ts'
import { createUkCalendar, type UkCalendar } from '../src/domain/calendar/uk-calendar.ts'

/** GOV.UK's published data as shipped, checked. */
export const publishedHolidays = (): HolidayFeed => {
  const parsed = parseHolidayFeed(publishedFeed)
  if (!parsed.ok) throw new Error(parsed.error.join('; '))
  return parsed.value
}

let shared: UkCalendar | undefined

/** The calendar Disclose uses with nothing imported: rules, one-off days and GOV.UK's published data. */
export const defaultUkCalendar = (): UkCalendar =>
  (shared ??= createUkCalendar({ oneOffs: ONE_OFF_BANK_HOLIDAYS, published: publishedHolidays(), imported: null }))

/** A calendar from the rules and the one-off table alone, with no published data. */
export const ruleOnlyUkCalendar = (imported: HolidayFeed | null = null): UkCalendar =>
  createUkCalendar({ oneOffs: ONE_OFF_BANK_HOLIDAYS, published: {}, imported })
