import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { readClockRequest, type ClockProblem } from '../../domain/deadlines/clock-request.ts'
import type { Deadline } from '../../domain/deadlines/deadline.ts'
import { isRegime, type Regime } from '../../domain/deadlines/regime.ts'
import { computeResponseDeadline } from '../../domain/deadlines/response-deadline.ts'
import { computeReviewDeadline } from '../../domain/deadlines/review-deadlines.ts'
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
 * Where a refused review clock is shown, and in what words. The domain puts every refusal on the law; on this form
 * the fix is sometimes elsewhere: the Scottish Information Commissioner's window is a deadline FOIA and the EIR do not
 * have, and only a FOIA review can be complex or voluminous.
 */
const reviewRefusal = (
  problem: ClockProblem,
  request: { readonly regime: Regime; readonly clock: ReviewClock; readonly extended: boolean },
): FieldError => {
  const { regime, clock, extended } = request
  if (problem.field !== 'regime') {
    // The only other problem is a deadline past the end of the calendar: it belongs to the date the clock runs from.
    return { field: REVIEW_DATE_FIELDS[clock], message: problem.message, parts: DATE_PARTS }
  }
  if (regime === 'sar') return { field: 'regime', message: problem.message, parts: [] }
  if (clock === 'regulator-window') {
    return {
      field: 'clock',
      message:
        regime === 'eir'
          ? 'The EIR set no time limit for complaining to the ICO (regulation 18): the Scottish Information Commissioner’s 6 months are for FOISA only'
          : 'FOIA sets no time limit for complaining to the ICO (section 50): the Scottish Information Commissioner’s 6 months are for FOISA only',
      parts: [],
    }
  }
  if (clock === 'review' && extended) {
    return {
      field: 'complexReview',
      message:
        regime === 'eir'
          ? 'An EIR review already has 40 working days (regulation 11(4)): only a FOIA review can be complex or voluminous'
          : 'A FOISA review has 20 working days (section 21(1)) and cannot be extended: only a FOIA review can be complex or voluminous',
      parts: [],
    }
  }
  return { field: 'regime', message: problem.message, parts: [] }
}

/** Any real date: the domain judges a review clock's rule before its date (see `calculateReview`). */
const PLACEHOLDER_DATE = '2024-01-02' as IsoDate

const calculateReview = (
  calendar: UkCalendar,
  form: CalculatorForm,
  clock: ReviewClock,
): Result<Deadline, FieldError[]> => {
  const input = toReviewInput(form, clock)
  const errors = [...input.errors]
  const regimeText = input.regime.trim().toLowerCase()
  if (!isRegime(regimeText)) {
    errors.push({ field: 'regime', message: SELECT_REGIME, parts: [] })
    return fail(orderErrors(errors))
  }
  const request = { regime: regimeText, clock, extended: input.extended }
  // With no usable date, the clock is still asked about on a placeholder date, so that a refused clock (subject access
  // has no review) is listed beside the missing date rather than after it is fixed. Only its refusals are kept.
  const deadline = computeReviewDeadline(calendar, {
    regime: regimeText,
    clock,
    from: input.from ?? PLACEHOLDER_DATE,
    ...(input.extended ? { extended: true } : {}),
  })
  if (!deadline.ok) {
    const refusals = input.from === undefined ? deadline.error.filter((p) => p.field === 'regime') : deadline.error
    errors.push(...refusals.map((problem) => reviewRefusal(problem, request)))
  }
  if (errors.length > 0 || !deadline.ok) return fail(orderErrors(errors))
  return ok(deadline.value)
}

/** Reads the form and works out the chosen deadline, or says what to fix. */
export const calculateDeadline = (calendar: UkCalendar, form: CalculatorForm): Result<Deadline, FieldError[]> => {
  const { clock } = form
  if (!isClock(clock)) return fail([{ field: 'clock', message: 'Select which deadline to work out', parts: [] }])
  return clock === 'response' ? calculateResponse(calendar, form) : calculateReview(calendar, form, clock)
}
