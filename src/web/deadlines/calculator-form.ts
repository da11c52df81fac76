import { MONTH_NAMES } from '../../domain/calendar/calendar-date.ts'
import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import {
  FIELD_LABELS,
  readLabelledDate,
  type ClockField,
  type RawClockRequest,
} from '../../domain/deadlines/clock-request.ts'
import { REVIEW_FROM_LABELS } from '../../domain/deadlines/review-deadlines.ts'
import type { ClockKind } from '../../domain/deadlines/deadline.ts'
import { fail, ok, type Result } from '../../domain/result.ts'

/**
 * The deadline calculator's form: what the query string holds, read as typed, and turned into the domain's
 * `RawClockRequest` (the response) or the parts of a `ReviewClockRequest` (the clocks after it). Only the shape of
 * the date inputs is judged here (a part missing, or not a number); whether a date is real, in range and in order is
 * the domain's to say. Two kinds of date are the exception, because the domain would not say which input is wrong:
 * the day a review clock runs from (the domain takes it as a real date) and the school closures (the domain reports
 * them as one field). Those are judged here with the domain's own `readDate`.
 */

export const DATE_PARTS = ['day', 'month', 'year'] as const
export type DatePart = (typeof DATE_PARTS)[number]
export type DateParts = Readonly<Record<DatePart, string>>

/** The deadlines the calculator works out, in the order the form offers them. */
export const CLOCKS = [
  'response',
  'review-window',
  'review',
  'regulator-window',
] as const satisfies readonly ClockKind[]
export type ReviewClock = Exclude<ClockKind, 'response'>

export const isClock = (text: string): text is ClockKind => (CLOCKS as readonly string[]).includes(text)

/** The form's fields, in the order they appear on the page: the error summary lists problems in this order. */
export const FORM_FIELDS = [
  'clock',
  'received',
  'responded',
  'reviewReceived',
  'complexReview',
  'reviewOutcome',
  'regime',
  'nation',
  'clarificationRequested',
  'clarified',
  'feeNotice',
  'feePaid',
  'identityVerified',
  'extension',
  'extendedTo',
  'timeForCompliance',
  'closure1From',
  'closure1To',
  'closure2From',
  'closure2To',
  'closure3From',
  'closure3To',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export const DATE_FIELDS = [
  'received',
  'responded',
  'reviewReceived',
  'reviewOutcome',
  'clarificationRequested',
  'clarified',
  'feeNotice',
  'feePaid',
  'identityVerified',
  'extendedTo',
  'closure1From',
  'closure1To',
  'closure2From',
  'closure2To',
  'closure3From',
  'closure3To',
] as const satisfies readonly FormField[]
export type DateField = (typeof DATE_FIELDS)[number]

export const isDateField = (field: FormField): field is DateField => (DATE_FIELDS as readonly string[]).includes(field)

/** A school's closures: up to three, each a first and a last day. */
export const SCHOOL_CLOSURES = [
  { from: 'closure1From', to: 'closure1To' },
  { from: 'closure2From', to: 'closure2To' },
  { from: 'closure3From', to: 'closure3To' },
] as const satisfies readonly { from: DateField; to: DateField }[]

/** The date each review clock runs from. */
export const REVIEW_DATE_FIELDS: Readonly<Record<ReviewClock, DateField>> = {
  'review-window': 'responded',
  review: 'reviewReceived',
  'regulator-window': 'reviewOutcome',
}

/** Each field's element id, which is also the prefix of its inputs' names (`received-day`). */
export const FIELD_IDS: Readonly<Record<FormField, string>> = {
  clock: 'clock',
  received: 'received',
  responded: 'responded',
  reviewReceived: 'review-received',
  complexReview: 'complex-review',
  reviewOutcome: 'review-outcome',
  regime: 'regime',
  nation: 'nation',
  clarificationRequested: 'clarification-requested',
  clarified: 'clarified',
  feeNotice: 'fee-notice',
  feePaid: 'fee-paid',
  identityVerified: 'identity-verified',
  extension: 'extension',
  extendedTo: 'extended-to',
  timeForCompliance: 'time-for-compliance',
  closure1From: 'closure-1-from',
  closure1To: 'closure-1-to',
  closure2From: 'closure-2-from',
  closure2To: 'closure-2-to',
  closure3From: 'closure-3-from',
  closure3To: 'closure-3-to',
}

/** How an error message names each date: the domain's own labels, and the form's for the dates it adds. */
export const DATE_LABELS: Readonly<Record<DateField, string>> = {
  received: FIELD_LABELS.received,
  responded: REVIEW_FROM_LABELS['review-window'],
  reviewReceived: REVIEW_FROM_LABELS.review,
  reviewOutcome: REVIEW_FROM_LABELS['regulator-window'],
  clarificationRequested: FIELD_LABELS.clarificationRequested,
  clarified: FIELD_LABELS.clarified,
  feeNotice: FIELD_LABELS.feeNotice,
  feePaid: FIELD_LABELS.feePaid,
  identityVerified: FIELD_LABELS.identityVerified,
  extendedTo: FIELD_LABELS.extendedTo,
  closure1From: 'First day of closure 1',
  closure1To: 'Last day of closure 1',
  closure2From: 'First day of closure 2',
  closure2To: 'Last day of closure 2',
  closure3From: 'First day of closure 3',
  closure3To: 'Last day of closure 3',
}

/** The message for a date a clock needs and did not get. */
export const MISSING_DATE: Readonly<Record<ReviewClock, string>> = {
  'review-window': 'Enter the date the response was sent',
  review: 'Enter the date the request for a review arrived',
  'regulator-window': 'Enter the date of the review’s outcome',
}

/** The fields inside the optional "clock events" section. */
export const CLOCK_EVENT_FIELDS: readonly FormField[] = [
  'clarificationRequested',
  'clarified',
  'feeNotice',
  'feePaid',
  'identityVerified',
  'extension',
  'extendedTo',
]

/** The fields inside the optional "time for compliance" section. */
export const COMPLIANCE_FIELDS: readonly FormField[] = [
  'timeForCompliance',
  ...SCHOOL_CLOSURES.flatMap((closure) => [closure.from, closure.to]),
]

/** What a person typed, kept exactly, so that the form can be shown again with it. */
export interface CalculatorForm {
  /** Which deadline: one of `CLOCKS`, or what was typed into the address. */
  readonly clock: string
  readonly regime: string
  readonly nation: string
  readonly extension: string
  /** `yes` when a FOIA review is complex or voluminous. */
  readonly complexReview: string
  readonly timeForCompliance: string
  readonly dates: Readonly<Record<DateField, DateParts>>
}

/** One thing to fix, on one field of the form. */
export interface FieldError {
  readonly field: FormField
  readonly message: string
  /** For a date: the inputs to highlight. Empty for other fields. */
  readonly parts: readonly DatePart[]
}

const BLANK_DATE: DateParts = { day: '', month: '', year: '' }

export const EMPTY_FORM: CalculatorForm = {
  clock: 'response',
  regime: '',
  nation: 'england-and-wales',
  extension: 'none',
  complexReview: '',
  timeForCompliance: 'standard',
  dates: Object.fromEntries(DATE_FIELDS.map((field) => [field, BLANK_DATE])) as Record<DateField, DateParts>,
}

/** The parameters a sent form always holds one of; `clock` alone only chooses the deadline of an empty form. */
const QUERY_NAMES: readonly string[] = [
  'regime',
  'nation',
  'extension',
  'complex-review',
  'time-for-compliance',
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

/**
 * Which deadline the address asks for. No `clock` (every address made before the form had one) or a blank one is
 * the response; anything else is kept as typed, for the form to refuse.
 */
const readClock = (query: Query): string => {
  const text = textOf(query, 'clock')?.trim().toLowerCase() ?? ''
  return text === '' ? EMPTY_FORM.clock : text
}

/** An empty form, with the deadline chosen by the address (`/?clock=review`) when it names a real one. */
export const emptyFormFor = (query: Query): CalculatorForm => {
  const clock = readClock(query)
  return isClock(clock) ? { ...EMPTY_FORM, clock } : EMPTY_FORM
}

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
    clock: readClock(query),
    regime: textOf(query, 'regime') ?? '',
    nation: textOf(query, 'nation') ?? EMPTY_FORM.nation,
    extension: textOf(query, 'extension') ?? EMPTY_FORM.extension,
    complexReview: textOf(query, 'complex-review') ?? '',
    timeForCompliance: textOf(query, 'time-for-compliance') ?? EMPTY_FORM.timeForCompliance,
    dates: Object.fromEntries(DATE_FIELDS.map((field) => [field, dateOf(field)])) as Record<DateField, DateParts>,
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
  const label = DATE_LABELS[field]
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
 * Judges a date with the domain's `readDate` (real, and inside the calendar's years), naming it as this form does.
 * The domain's message starts with its label for the date of receipt; that label is swapped for this field's.
 */
export const judgeDate = (field: DateField, text: string): Result<IsoDate, FieldError> => {
  const read = readLabelledDate(DATE_LABELS[field], text)
  return read.ok ? read : fail({ field, message: read.error, parts: [...DATE_PARTS] })
}

/** The response clock's dates, which `toRawClockRequest` reads; the school closures are read in pairs. */
const RESPONSE_DATE_FIELDS = [
  'received',
  'clarificationRequested',
  'clarified',
  'feeNotice',
  'feePaid',
  'identityVerified',
  'extendedTo',
] as const satisfies readonly DateField[]

/**
 * Reads the school closures as date ranges. A closure left wholly blank is not one; a closure with only one end
 * asks for the other, and one that ends before it starts is refused on its last day.
 */
const readSchoolClosures = (
  form: CalculatorForm,
  errors: FieldError[],
): { readonly from: string; readonly to: string }[] => {
  const ranges: { from: string; to: string }[] = []
  for (const [index, closure] of SCHOOL_CLOSURES.entries()) {
    const from = readDateParts(closure.from, form.dates[closure.from])
    const to = readDateParts(closure.to, form.dates[closure.to])
    if (!from.ok) errors.push(from.error)
    if (!to.ok) errors.push(to.error)
    if (!from.ok || !to.ok) continue
    if (from.value === undefined && to.value === undefined) continue
    if (from.value === undefined) {
      errors.push({ field: closure.from, message: `Enter the first day of closure ${index + 1}`, parts: DATE_PARTS })
      continue
    }
    if (to.value === undefined) {
      errors.push({ field: closure.to, message: `Enter the last day of closure ${index + 1}`, parts: DATE_PARTS })
      continue
    }
    const first = judgeDate(closure.from, from.value)
    const last = judgeDate(closure.to, to.value)
    if (!first.ok) errors.push(first.error)
    if (!last.ok) errors.push(last.error)
    if (!first.ok || !last.ok) continue
    if (last.value < first.value) {
      errors.push({
        field: closure.to,
        message: `Last day of closure ${index + 1} must be the same as or after the first day`,
        parts: DATE_PARTS,
      })
    } else ranges.push({ from: first.value, to: last.value })
  }
  return ranges
}

/**
 * Turns the form into the domain's raw clock request for the response, with a problem for each date whose shape is
 * wrong. A date with a problem is left out of the request; whatever the domain then says about that field is
 * dropped, so that a field never shows two messages.
 */
export const toRawClockRequest = (form: CalculatorForm): { raw: RawClockRequest; errors: FieldError[] } => {
  const errors: FieldError[] = []
  const dates: Partial<Record<DateField, string>> = {}
  for (const field of RESPONSE_DATE_FIELDS) {
    // The extension date is only read when the public interest extension is chosen: the browser still sends the
    // hidden conditional inputs when another option is picked.
    if (field === 'extendedTo' && form.extension !== 'pit') continue
    const read = readDateParts(field, form.dates[field])
    if (read.ok) {
      if (read.value !== undefined) dates[field] = read.value
    } else errors.push(read.error)
  }
  // Likewise the closures, which are only shown for a school.
  const school = form.timeForCompliance.trim().toLowerCase() === 'school'
  return {
    raw: {
      regime: form.regime,
      nation: form.nation,
      extension: form.extension,
      received: dates.received,
      clarificationRequested: dates.clarificationRequested,
      clarified: dates.clarified,
      feeNotice: dates.feeNotice,
      feePaid: dates.feePaid,
      identityVerified: dates.identityVerified,
      extendedTo: dates.extendedTo,
      timeForCompliance: form.timeForCompliance,
      schoolClosures: school ? readSchoolClosures(form, errors) : undefined,
    },
    errors,
  }
}

/** What a review clock needs from the form: the law, the day it runs from, and whether a FOIA review is complex. */
export interface ReviewInput {
  readonly regime: string
  /** Undefined when left blank or not a real date: `errors` says why. */
  readonly from: IsoDate | undefined
  readonly extended: boolean
  readonly errors: FieldError[]
}

/** Reads the fields a review clock uses; the response's fields, still sent by the browser, are ignored. */
export const toReviewInput = (form: CalculatorForm, clock: ReviewClock): ReviewInput => {
  const field = REVIEW_DATE_FIELDS[clock]
  const errors: FieldError[] = []
  let from: IsoDate | undefined
  const read = readDateParts(field, form.dates[field])
  if (!read.ok) errors.push(read.error)
  else if (read.value === undefined) errors.push({ field, message: MISSING_DATE[clock], parts: DATE_PARTS })
  else {
    const judged = judgeDate(field, read.value)
    if (judged.ok) from = judged.value
    else errors.push(judged.error)
  }
  return {
    regime: form.regime,
    from,
    extended: clock === 'review' && form.complexReview === 'yes',
    errors,
  }
}

/** Where each of the domain's clock fields is on this form. */
export const FORM_FIELD_OF: Readonly<Record<ClockField, FormField>> = {
  regime: 'regime',
  received: 'received',
  nation: 'nation',
  clarificationRequested: 'clarificationRequested',
  clarified: 'clarified',
  feeNotice: 'feeNotice',
  feePaid: 'feePaid',
  identityVerified: 'identityVerified',
  extension: 'extension',
  extendedTo: 'extendedTo',
  timeForCompliance: 'timeForCompliance',
  schoolClosures: 'closure1From',
}

/** The element an error summary link moves focus to: the first input of the field, or its first input in error. */
export const errorHref = (error: FieldError): string => {
  const id = FIELD_IDS[error.field]
  if (!isDateField(error.field)) return `#${id}`
  const part = DATE_PARTS.find((candidate) => error.parts.includes(candidate)) ?? 'day'
  return `#${id}-${part}`
}
