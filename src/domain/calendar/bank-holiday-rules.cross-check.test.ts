import Holidays from 'date-holidays'
import { describe, expect, it } from 'vitest'
import { deriveBankHolidays } from './bank-holiday-rules.ts'
import { DIVISIONS, type Division } from './division.ts'
import { ONE_OFF_BANK_HOLIDAYS } from './one-off-bank-holidays.ts'

/**
 * An independent oracle: the `date-holidays` package (its own rules, maintained apart from Disclose) for every year
 * 1990–2100. It knows no one-off days and keeps St Andrew's Day before the 2007 Act; those are the only differences
 * allowed, and each must be one the one-off table or the Act explains.
 */
const REGION: Readonly<Record<Division, string>> = {
  'england-and-wales': 'ENG',
  scotland: 'SCT',
  'northern-ireland': 'NIR',
}

const isWeekday = (date: string): boolean => {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay()
  return day !== 0 && day !== 6
}

describe('bank holidays by rule, against date-holidays', () => {
  it.each(DIVISIONS)(
    'agree for %s every year 1990–2100 but for one-off days and St Andrew’s Day before 2007',
    (division) => {
      const oracle = new Holidays('GB', REGION[division])
      const oneOffYears = new Set(
        ONE_OFF_BANK_HOLIDAYS.filter((c) => c.divisions.includes(division)).map((c) => c.year),
      )
      const unexplained: string[] = []
      for (let year = 1990; year <= 2100; year += 1) {
        const theirs = oracle
          .getHolidays(year)
          .filter((holiday) => holiday.type === 'public' || holiday.type === 'bank')
          .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
          .filter((holiday) => isWeekday(holiday.date))
        const ours: string[] = deriveBankHolidays(division, year, ONE_OFF_BANK_HOLIDAYS).map((holiday) => holiday.date)
        const missing = theirs.filter((holiday) => !ours.includes(holiday.date))
        const extra = ours.filter((date) => !theirs.some((holiday) => holiday.date === date))
        for (const holiday of missing) {
          const beforeTheAct = division === 'scotland' && year < 2007 && holiday.name.startsWith('St Andrew')
          if (!beforeTheAct && !oneOffYears.has(year)) unexplained.push(`${holiday.date} ${holiday.name} missing`)
        }
        for (const date of extra) if (!oneOffYears.has(year)) unexplained.push(`${date} extra`)
      }
      expect(unexplained).toEqual([])
    },
  )
})
