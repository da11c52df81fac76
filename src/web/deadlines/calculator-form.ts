import { MONTH_NAMES } from '../../domain/calendar/calendar-date.ts'
import { FIELD_LABELS, type ClockField, type RawClockRequest } from '../../domain/deadlines/clock-request.ts'
import { fail, ok, type Result } from '../../domain/result.ts'

/**
 * The deadline calculator's form: what the query string holds, read as typed, and turned into the domain's
 * `RawClockRequest`. Only the shape of the date inputs is judged here (a part missing, or not a number); whether a
 * date is real, in range and in order is the domain's to say.
 */

export const DATE_PARTS = ['day', 'month', 'year'] as const
export type DatePart = (typeof DATE_PARTS)[number]
export type DateParts = Readonly<Record<DatePart, string>>

/** The form's fields, in the order they appear on the page: the error summary lists problems in this order. */
export const FORM_FIELDS = [
  'regime',
  'received',
  'nation',
  'clarified',
  'feeNotice',
  'feePaid',
  'extension',
  'extendedTo',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export const DATE_FIELDS = ['received', 'clarified', 'feeNotice', 'feePaid', 'extendedTo'] as const
export type DateField = (typeof DATE_FIELDS)[number]

/** Each field's element id, which is also the prefix of its inputs' names (`received-day`). */
export const FIELD_IDS: Readonly<Record<FormField, string>> = {
  regime: 'regime',
  received: 'received',
  nation: 'nation',
  clarified: 'clarified',
  feeNotice: 'fee-notice',
  feePaid: 'fee-paid',
  extension: 'extension',
  extendedTo: 'extended-to',
}

/** The fields inside the optional "clock events" section. */
export const CLOCK_EVENT_FIELDS: readonly FormField[] = ['clarified', 'feeNotice', 'feePaid', 'extension', 'extendedTo']

/** What a person typed, kept exactly, so that the form can be shown again with it. */
export interface CalculatorForm {
  readonly regime: string
  readonly nation: string
  readonly extension: string
  readonly dates: Readonly<Record<DateField, DateParts>>
}

/** One thing to fix, on one field of the form. */
export interface FieldError {
  readonly field: FormField
  readonly message: string
  /** For a date: the inputs to highlight. Empty for other fields. */
  readonly parts: readonly DatePart[]
}

export const EMPTY_FORM: CalculatorForm = {
  regime: '',
  nation: 'england-and-wales',
  extension: 'none',
  dates: {
    received: { day: '', month: '', year: '' },
    clarified: { day: '', month: '', year: '' },
    feeNotice: { day: '', month: '', year: '' },
    feePaid: { day: '', month: '', year: '' },
    extendedTo: { day: '', month: '', year: '' },
  },
}

const QUERY_NAMES: readonly string[] = [
  'regime',
  'nation',
  'extension',
  ...DATE_FIELDS.flatMap((field) => DATE_PARTS.map((part) => `${FIELD_IDS[field]}-${part}`)),
]

type Query = Readonly<Record<string, unknown>>

/** The first text value of a query parameter; a repeated parameter counts once, anything else as blank. */
const textOf = (query: Query, name: string): string | undefined => {
  const value = query[name]
  const first: unknown = Array.isArray(value) ? (value as unknown[])[0] : value
  return typeof first === 'string' ? first.slice(0, 200) : undefined
}

/** Whether the form was sent: an empty form still sends its text inputs, so no radio need be chosen. */
export const isSubmission = (query: Query): boolean => QUERY_NAMES.some((name) => textOf(query, name) !== undefined)

export const readCalculatorForm = (query: Query): CalculatorForm => {
  const dateOf = (field: DateField): DateParts => {
    const id = FIELD_IDS[field]
    return {
      day: textOf(query, `${id}-day`) ?? '',
      month: textOf(query, `${id}-month`) ?? '',
      year: textOf(query, `${id}-year`) ?? '',
    }
  }
  return {
    regime: textOf(query, 'regime') ?? '',
    nation: textOf(query, 'nation') ?? EMPTY_FORM.nation,
    extension: textOf(query, 'extension') ?? EMPTY_FORM.extension,
    dates: {
      received: dateOf('received'),
      clarified: dateOf('clarified'),
      feeNotice: dateOf('feeNotice'),
      feePaid: dateOf('feePaid'),
      extendedTo: dateOf('extendedTo'),
    },
  }
}

const joinWithAnd = (words: readonly string[]): string =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`

const NUMBER = /^\d{1,4}$/

/** A month as a number, a name or a three-letter abbreviation ("11", "November", "Nov"). */
const readMonth = (text: string): number | undefined => {
  if (NUMBER.test(text)) return Number(text)
  const lower = text.toLowerCase()
  const index = MONTH_NAMES.findIndex(
    (name) => name.toLowerCase() === lower || name.slice(0, 3).toLowerCase() === lower,
  )
  return index === -1 ? undefined : index + 1
}

const pad2 = (n: number): string => String(n).padStart(2, '0')

/**
 * Reads a day, month and year as a `YYYY-MM-DD` string, or undefined when all three are blank. A date with a part
 * missing, or a part that is not a number, is refused here with the GOV.UK message; a date like 30 February is passed
 * on as `2024-02-30` for the domain to refuse.
 */
export const readDateParts = (field: DateField, parts: DateParts): Result<string | undefined, FieldError> => {
  const label = FIELD_LABELS[field]
  const text = { day: parts.day.trim(), month: parts.month.trim(), year: parts.year.trim() }
  const missing = DATE_PARTS.filter((part) => text[part] === '')
  if (missing.length === DATE_PARTS.length) return ok(undefined)
  if (missing.length > 0)
    return fail({ field, message: `${label} must include a ${joinWithAnd(missing)}`, parts: missing })

  const month = readMonth(text.month)
  const unreadable = DATE_PARTS.filter((part) => (part === 'month' ? month === undefined : !NUMBER.test(text[part])))
  if (unreadable.length > 0 || month === undefined) {
    return fail({ field, message: `${label} must be a real date`, parts: unreadable })
  }
  if (text.year.length !== 4) {
    return fail({ field, message: `${label} must include a year with 4 numbers, like 2024`, parts: ['year'] })
  }
  const day = Number(text.day)
  if (day > 99 || month > 99) return fail({ field, message: `${label} must be a real date`, parts: [...DATE_PARTS] })
  return ok(`${text.year}-${pad2(month)}-${pad2(day)}`)
}

/**
 * Turns the form into the domain's raw clock request, with a problem for each date whose shape is wrong. A date
 * with a problem is left out of the request; whatever the domain then says about that field is dropped, so that a
 * field never shows two messages.
 */
export const toRawClockRequest = (form: CalculatorForm): { raw: RawClockRequest; errors: FieldError[] } => {
  const errors: FieldError[] = []
  const dates: Partial<Record<DateField, string>> = {}
  for (const field of DATE_FIELDS) {
    // The extension date is only read when the public interest extension is chosen: the browser still sends the
    // hidden conditional inputs when another option is picked.
    if (field === 'extendedTo' && form.extension !== 'pit') continue
    const read = readDateParts(field, form.dates[field])
    if (read.ok) {
      if (read.value !== undefined) dates[field] = read.value
    } else errors.push(read.error)
  }
  return {
    raw: {
      regime: form.regime,
      nation: form.nation,
      extension: form.extension,
      received: dates.received,
      clarified: dates.clarified,
      feeNotice: dates.feeNotice,
      feePaid: dates.feePaid,
      extendedTo: dates.extendedTo,
    },
    errors,
  }
}

/** Where each of the domain's clock fields is on this form; fields the form does not ask for go to the nearest. */
export const FORM_FIELD_OF: Readonly<Record<ClockField, FormField>> = {
  regime: 'regime',
  received: 'received',
  nation: 'nation',
  clarificationRequested: 'clarified',
  clarified: 'clarified',
  feeNotice: 'feeNotice',
  feePaid: 'feePaid',
  identityVerified: 'received',
  extension: 'extension',
  extendedTo: 'extendedTo',
  timeForCompliance: 'regime',
  schoolClosures: 'regime',
}

/** The element an error summary link moves focus to: the first input of the field, or its first input in error. */
export const errorHref = (error: FieldError): string => {
  const id = FIELD_IDS[error.field]
  if (!(DATE_FIELDS as readonly string[]).includes(error.field)) return `#${id}`
  const part = DATE_PARTS.find((candidate) => error.parts.includes(candidate)) ?? 'day'
  return `#${id}-${part}`
}
