import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { readClockRequest, type ClockProblem } from '../../domain/deadlines/clock-request.ts'
import type { Deadline } from '../../domain/deadlines/deadline.ts'
import { isRegime, type Regime } from '../../domain/deadlines/regime.ts'
import { computeResponseDeadline } from '../../domain/deadlines/response-deadline.ts'
import {
  computeReviewDeadline,
  reviewClockRule,
  type ReviewClockRefusal,
} from '../../domain/deadlines/review-deadlines.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import {
  DATE_PARTS,
  FORM_FIELDS,
  FORM_FIELD_OF,
  isClock,
  isDateField,
  REVIEW_DATE_FIELDS,
  toRawClockRequest,
  toReviewInput,
  type CalculatorForm,
  type FieldError,
  type ReviewClock,
} from './calculator-form.ts'

/**
 * The domain names the values a command line takes ("use pit with a date"); on the form those are radios, so these
 * fields get messages that name what to select instead. Every other message is the domain's own.
 */
const EXTENSION_REFUSALS: Readonly<Record<Regime, string>> = {
  foia: 'Under FOIA the only extension is the public interest extension: select it and enter the date it runs to',
  eir: 'The EIR have no public interest extension: the only extension is to 40 working days (regulation 7)',
  foisa: 'FOISA allows no extension of the 20 working days: select ‘No extension’',
  sar: 'A subject access request can only be extended by 2 further months (UK GDPR Article 12(3))',
}

const SELECT_REGIME = 'Select the law the request is handled under'

const toFieldError = (problem: ClockProblem, regime: Regime | undefined): FieldError => {
  const field = FORM_FIELD_OF[problem.field]
  const parts = isDateField(field) ? DATE_PARTS : []
  if (problem.field === 'regime') return { field, message: SELECT_REGIME, parts }
  if (problem.field === 'nation') return { field, message: 'Select where the authority is', parts }
  if (problem.field === 'extension') {
    const message =
      regime === undefined ? 'Select whether the time limit has been extended' : EXTENSION_REFUSALS[regime]
    return { field, message, parts }
  }
  // Before the law is known, a problem with the time for compliance is a value the radios do not offer.
  if (problem.field === 'timeForCompliance' && regime === undefined) {
    return { field, message: 'Select how long the authority has to respond', parts }
  }
  return { field, message: problem.message, parts }
}

/** One message a field, the form's own first, in the order the fields appear on the page. */
const orderErrors = (errors: readonly FieldError[]): FieldError[] => {
  const first = new Map<string, FieldError>()
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error)
  return [...first.values()].sort((a, b) => FORM_FIELDS.indexOf(a.field) - FORM_FIELDS.indexOf(b.field))
}

const calculateResponse = (calendar: UkCalendar, form: CalculatorForm): Result<Deadline, FieldError[]> => {
  const { raw, errors } = toRawClockRequest(form)
  const request = readClockRequest(raw)
  if (!request.ok) return fail(orderErrors([...errors, ...request.error.map((p) => toFieldError(p, undefined))]))
  if (errors.length > 0) return fail(orderErrors(errors))
  const deadline = computeResponseDeadline(calendar, request.value)
  if (!deadline.ok) return fail(orderErrors(deadline.error.map((p) => toFieldError(p, request.value.regime))))
  return ok(deadline.value)
}

/**
 * Where a refused review clock is shown, and in what words. The fix is not always the law: the Scottish Information
 * Commissioner's window is a deadline FOIA and the EIR do not have, and only a FOIA review can be complex or
 * voluminous.
 */
const reviewRefusal = (refusal: ReviewClockRefusal, regime: Regime): FieldError => {
  switch (refusal.code) {
    case 'no-statutory-review':
      return { field: 'regime', message: refusal.message, parts: [] }
    case 'no-regulator-time-limit':
      return {
        field: 'clock',
        message:
          regime === 'eir'
            ? 'The EIR set no time limit for complaining to the ICO (regulation 18): the Scottish Information Commissioner’s 6 months are for FOISA only'
            : 'FOIA sets no time limit for complaining to the ICO (section 50): the Scottish Information Commissioner’s 6 months are for FOISA only',
        parts: [],
      }
    case 'no-review-extension':
      return {
        field: 'complexReview',
        message:
          regime === 'eir'
            ? 'An EIR review already has 40 working days (regulation 11(4)): only a FOIA review can be complex or voluminous'
            : 'A FOISA review has 20 working days (section 21(1)) and cannot be extended: only a FOIA review can be complex or voluminous',
        parts: [],
      }
  }
}

const calculateReview = (
  calendar: UkCalendar,
  form: CalculatorForm,
  clock: ReviewClock,
): Result<Deadline, FieldError[]> => {
  const input = toReviewInput(form, clock)
  const errors = [...input.errors]
  const regime = input.regime.trim().toLowerCase()
  if (!isRegime(regime)) {
    errors.push({ field: 'regime', message: SELECT_REGIME, parts: [] })
    return fail(orderErrors(errors))
  }
  // Whether the law has this clock at all needs no date, so a refused clock is listed beside a missing date.
  const extended = input.extended ? { extended: true } : {}
  const rule = reviewClockRule({ regime, clock, ...extended })
  if (!rule.ok) errors.push(reviewRefusal(rule.error, regime))
  if (errors.length > 0 || input.from === undefined) return fail(orderErrors(errors))
  const deadline = computeReviewDeadline(calendar, { regime, clock, from: input.from, ...extended })
  if (!deadline.ok) {
    // The rule was allowed, so the only problem left is a deadline past the end of the calendar: it belongs to the
    // date the clock runs from.
    const field = REVIEW_DATE_FIELDS[clock]
    return fail(deadline.error.map((problem) => ({ field, message: problem.message, parts: DATE_PARTS })))
  }
  return ok(deadline.value)
}

/** Reads the form and works out the chosen deadline, or says what to fix. */
export const calculateDeadline = (calendar: UkCalendar, form: CalculatorForm): Result<Deadline, FieldError[]> => {
  const { clock } = form
  if (!isClock(clock)) return fail([{ field: 'clock', message: 'Select which deadline to work out', parts: [] }])
  return clock === 'response' ? calculateResponse(calendar, form) : calculateReview(calendar, form, clock)
}
