import { Router } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import { calculateDeadline } from './calculate-deadline.ts'
import { emptyFormFor, isSubmission, readCalculatorForm } from './calculator-form.ts'
import { calculatorView } from './calculator-view.ts'

/**
 * The deadline calculator. The form is sent with GET, so a result is a web address that can be bookmarked or
 * shared, and nothing is stored. `clock` chooses the deadline (the response when it is missing, as in every address
 * made before the calculator had the clocks after the response); `/?clock=review` opens the form with it chosen.
 */
export const deadlinesRoutes = (deps: Pick<Dependencies, 'calendar'>): Router => {
  const router = Router()
  router.get(['/', '/deadlines'], async (req, res) => {
    const action = req.path
    const query = req.query as Record<string, unknown>
    if (!isSubmission(query)) {
      res.render(
        'deadlines/calculator.njk',
        calculatorView({ action, form: emptyFormFor(query), errors: [], deadline: undefined }),
      )
      return
    }
    const form = readCalculatorForm(query)
    await deps.calendar.refresh() // an import made with the CLI while the app runs counts at once
    const calculated = calculateDeadline(deps.calendar.current(), form)
    if (!calculated.ok) {
      res.status(400)
      res.render(
        'deadlines/calculator.njk',
        calculatorView({ action, form, errors: calculated.error, deadline: undefined }),
      )
      return
    }
    res.render('deadlines/calculator.njk', calculatorView({ action, form, errors: [], deadline: calculated.value }))
  })
  return router
}
