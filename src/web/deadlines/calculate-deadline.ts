import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import { readClockRequest, type ClockProblem } from '../../domain/deadlines/clock-request.ts'
import type { Deadline } from '../../domain/deadlines/deadline.ts'
import type { Regime } from '../../domain/deadlines/regime.ts'
import { computeResponseDeadline } from '../../domain/deadlines/response-deadline.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import {
  DATE_FIELDS,
  DATE_PARTS,
  FORM_FIELDS,
  FORM_FIELD_OF,
  toRawClockRequest,
  type CalculatorForm,
  type FieldError,
  type FormField,
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

const toFieldError = (problem: ClockProblem, regime: Regime | undefined): FieldError => {
  const field = FORM_FIELD_OF[problem.field]
  const parts = (DATE_FIELDS as readonly FormField[]).includes(field) ? DATE_PARTS : []
  if (problem.field === 'regime') return { field, message: 'Select the law the request is handled under', parts }
  if (problem.field === 'nation') return { field, message: 'Select where the authority is', parts }
  if (problem.field === 'extension') {
    const message =
      regime === undefined ? 'Select whether the time limit has been extended' : EXTENSION_REFUSALS[regime]
    return { field, message, parts }
  }
  return { field, message: problem.message, parts }
}

/** One message a field, the form's own first, in the order the fields appear on the page. */
const orderErrors = (errors: readonly FieldError[]): FieldError[] => {
  const first = new Map<string, FieldError>()
  for (const error of errors) if (!first.has(error.field)) first.set(error.field, error)
  return [...first.values()].sort((a, b) => FORM_FIELDS.indexOf(a.field) - FORM_FIELDS.indexOf(b.field))
}

/** Reads the form and works out the response deadline, or says what to fix. */
export const calculateDeadline = (calendar: UkCalendar, form: CalculatorForm): Result<Deadline, FieldError[]> => {
  const { raw, errors } = toRawClockRequest(form)
  const request = readClockRequest(raw)
  if (!request.ok) return fail(orderErrors([...errors, ...request.error.map((p) => toFieldError(p, undefined))]))
  if (errors.length > 0) return fail(orderErrors(errors))
  const deadline = computeResponseDeadline(calendar, request.value)
  if (!deadline.ok) return fail(orderErrors(deadline.error.map((p) => toFieldError(p, request.value.regime))))
  return ok(deadline.value)
}
