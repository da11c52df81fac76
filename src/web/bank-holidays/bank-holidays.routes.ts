import { Router } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import { judgeBankHolidaysForm, readBankHolidaysForm } from './bank-holidays-form.ts'
import { bankHolidaysView, holidayTable } from './bank-holidays-view.ts'

const LONDON_YEAR = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' })

/** This year in the UK, whatever time zone the server keeps. */
export const currentUkYear = (now: Date = new Date()): number => Number(LONDON_YEAR.format(now))

const VIEW = 'bank-holidays/bank-holidays.njk'

/**
 * The bank holidays Disclose counts, for one year and one calendar, with where each date came from. Read-only and
 * public; the form is sent with GET, so `/bank-holidays?year=2024&nation=scotland` can be bookmarked. With no
 * parameters it shows this year's bank holidays anywhere in the UK, the calendar FOIA and the EIR count on.
 */
export const bankHolidaysRoutes = (deps: Pick<Dependencies, 'calendar'>): Router => {
  const router = Router()
  router.get('/bank-holidays', async (req, res) => {
    const form = readBankHolidaysForm(req.query, currentUkYear())
    const choice = judgeBankHolidaysForm(form)
    if (!choice.ok) {
      res.status(400)
      res.render(VIEW, bankHolidaysView({ form, errors: choice.error, table: undefined }))
      return
    }
    await deps.calendar.refresh() // an import made with the CLI while the app runs shows at once
    const table = holidayTable(deps.calendar.current(), choice.value)
    const shown = { year: String(choice.value.year), nation: choice.value.nation }
    res.render(VIEW, bankHolidaysView({ form: shown, errors: [], table }))
  })
  return router
}
