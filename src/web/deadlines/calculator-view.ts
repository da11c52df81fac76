import { dayNumberOfIso, formatLongDate, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import { DIVISION_NAMES, DIVISIONS } from '../../domain/calendar/division.ts'
import type { ClockKind, ClockStatus, Deadline } from '../../domain/deadlines/deadline.ts'
import { REGIME_NAMES } from '../../domain/deadlines/regime.ts'
import {
  CLOCK_EVENT_FIELDS,
  COMPLIANCE_FIELDS,
  DATE_FIELDS,
  DATE_PARTS,
  errorHref,
  isDateField,
  type CalculatorForm,
  type DateField,
  type FieldError,
  type FormField,
} from './calculator-form.ts'

/** What the calculator template is given: plain values, shaped for the GOV.UK macros. */
export interface CalculatorView {
  readonly pageTitle: string
  readonly action: string
  readonly form: CalculatorForm
  readonly errorList: readonly { readonly text: string; readonly href: string }[]
  readonly errors: Readonly<Partial<Record<FormField, { readonly text: string }>>>
  readonly dateItems: Readonly<Record<DateField, readonly DateItem[]>>
  readonly nations: readonly { readonly value: string; readonly text: string }[]
  readonly clockEventsOpen: boolean
  /** Whether the section for schools, archives and information held overseas starts open. */
  readonly complianceOpen: boolean
  readonly result: ResultView | undefined
}

interface DateItem {
  readonly name: string
  readonly value: string
  readonly classes: string
}

interface ResultView {
  /** Whether the clock is stopped, so there is no due date yet. */
  readonly stopped: boolean
  readonly heading: string
  readonly lead: string
  readonly rows: readonly { readonly key: { readonly text: string }; readonly value: { readonly text: string } }[]
  readonly warnings: readonly string[]
  readonly explanation: readonly string[]
  readonly skippedHeading: string
  readonly skippedRows: readonly (readonly [
    { readonly text: string },
    { readonly text: string; readonly classes: string },
  ])[]
  readonly skippedEmptyText: string | undefined
  readonly weekendText: string | undefined
}

const long = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

const STATUS_TEXT: Readonly<Record<ClockStatus, string>> = {
  running: 'Running',
  'awaiting-clarification': 'Stopped: waiting for clarification',
  'awaiting-fee': 'Stopped: waiting for the fee',
}

const weekendSentence = (days: number): string =>
  days === 0
    ? 'No Saturdays or Sundays fell in the period.'
    : days === 1
      ? '1 Saturday or Sunday was not counted.'
      : `${days} Saturdays and Sundays were not counted.`

/** How each clock's result names the day it runs from, and its last day. */
const CLOCK_WORDS: Readonly<Record<ClockKind, { readonly from: string; readonly due: string }>> = {
  response: { from: 'Date of receipt', due: 'Response due by' },
  'review-window': { from: 'Date of the response', due: 'Last day to ask for a review' },
  review: { from: 'Request for a review arrived', due: 'Review due by' },
  'regulator-window': { from: 'Date of the review’s outcome', due: 'Last day to apply' },
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1)

/** The panel for a clock after the response, which never stops: its heading and the line under it. */
const reviewPanel = (clock: Exclude<ClockKind, 'response'>, due: string, limit: string): [string, string] => {
  switch (clock) {
    case 'review-window':
      return [`Ask for a review by ${due}`, `${capitalise(limit)} after the response`]
    case 'review':
      return [`Review due by ${due}`, `${capitalise(limit)} after the request for a review arrived`]
    case 'regulator-window':
      return [
        `Apply by ${due}`,
        `${capitalise(limit)} after the review’s outcome: the last day to apply to the Scottish Information Commissioner`,
      ]
  }
}

export const resultView = (deadline: Deadline, nationName: string): ResultView => {
  const law = REGIME_NAMES[deadline.regime]
  const words = CLOCK_WORDS[deadline.clock]
  const rows: { key: { text: string }; value: { text: string } }[] = [
    { key: { text: 'Law' }, value: { text: law } },
    { key: { text: words.from }, value: { text: long(deadline.received) } },
  ]
  if (deadline.countedFrom !== deadline.received) {
    rows.push({ key: { text: 'Counted from' }, value: { text: long(deadline.countedFrom) } })
  }
  const response = deadline.clock === 'response'
  if (deadline.regime === 'sar') rows.push({ key: { text: 'Bank holidays of' }, value: { text: nationName } })
  rows.push({ key: { text: 'Time limit' }, value: { text: deadline.limit } })
  // The clocks after the response never stop, so only the response says whether its clock is running.
  if (response) rows.push({ key: { text: 'Clock' }, value: { text: STATUS_TEXT[deadline.status] } })
  if (deadline.feeDueBy !== undefined) {
    rows.push({ key: { text: 'Fee must be paid by' }, value: { text: long(deadline.feeDueBy) } })
  }
  if (deadline.refusalNoticeDue !== undefined) {
    rows.push({ key: { text: 'Refusal notice due by' }, value: { text: long(deadline.refusalNoticeDue) } })
  }
  if (deadline.due !== null) rows.push({ key: { text: words.due }, value: { text: long(deadline.due) } })

  let heading: string
  let lead: string
  if (deadline.clock !== 'response' && deadline.due !== null) {
    ;[heading, lead] = reviewPanel(deadline.clock, long(deadline.due), deadline.limit)
  } else if (deadline.due !== null) {
    heading = `Due by ${long(deadline.due)}`
    lead =
      deadline.refusalNoticeDue === undefined
        ? `${deadline.limit}${deadline.limit.includes(',') ? ',' : ''} under the ${law}`
        : `Extended to consider the public interest; the refusal notice is due by ${long(deadline.refusalNoticeDue)}`
  } else if (deadline.status === 'awaiting-fee') {
    heading = 'The clock is stopped until the fee arrives'
    lead =
      deadline.feeDueBy === undefined
        ? 'Enter the date the fee arrived to work out the deadline'
        : `If the fee is not paid by ${long(deadline.feeDueBy)}, the request lapses`
  } else {
    heading = 'The clock is stopped until clarification arrives'
    lead = 'Enter the date clarification arrived to work out the deadline'
  }

  // Calendar months, not working days: no days are passed over, only a due date that may move.
  const months = deadline.regime === 'sar' || deadline.clock === 'regulator-window'
  return {
    stopped: deadline.due === null,
    heading,
    lead,
    rows,
    warnings: deadline.warnings,
    explanation: deadline.explanation,
    skippedHeading: months ? 'Days the due date moved past' : 'Days not counted, apart from weekends',
    skippedRows: deadline.skipped.map(
      (day) => [{ text: long(day.date) }, { text: day.reason, classes: 'app-skipped-days__reason' }] as const,
    ),
    skippedEmptyText:
      months || deadline.due === null ? undefined : 'No bank holidays or other days fell in the period.',
    weekendText: months || deadline.due === null ? undefined : weekendSentence(deadline.weekendDays),
  }
}

const PAGE_TITLE = 'Work out a deadline'

/** "Due by …" becomes "due by …" after the page's name. */
const uncapitalise = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

export const calculatorView = (options: {
  readonly action: string
  readonly form: CalculatorForm
  readonly errors: readonly FieldError[]
  readonly deadline: Deadline | undefined
}): CalculatorView => {
  const { form, errors, deadline } = options
  const nation = DIVISIONS.find((division) => division === form.nation)
  const byField = new Map(errors.map((error) => [error.field, error]))
  const dateItems = Object.fromEntries(
    DATE_FIELDS.map((field) => {
      const error = byField.get(field)
      const items = DATE_PARTS.map((part) => ({
        name: part,
        value: form.dates[field][part],
        classes: `govuk-input--width-${part === 'year' ? 4 : 2}${error?.parts.includes(part) === true ? ' govuk-input--error' : ''}`,
      }))
      return [field, items]
    }),
  ) as Record<DateField, DateItem[]>
  const typed = (field: DateField): boolean => DATE_PARTS.some((part) => form.dates[field][part].trim() !== '')
  const eventTyped =
    CLOCK_EVENT_FIELDS.filter(isDateField).some((field) => field !== 'extendedTo' && typed(field)) ||
    (form.extension !== '' && form.extension !== 'none')
  const result =
    deadline === undefined ? undefined : resultView(deadline, DIVISION_NAMES[nation ?? 'england-and-wales'])
  return {
    pageTitle: result !== undefined && !result.stopped ? `${PAGE_TITLE}: ${uncapitalise(result.heading)}` : PAGE_TITLE,
    action: options.action,
    form,
    errorList: errors.map((error) => ({ text: error.message, href: errorHref(error) })),
    errors: Object.fromEntries(errors.map((error) => [error.field, { text: error.message }])),
    dateItems,
    nations: DIVISIONS.map((division) => ({ value: division, text: DIVISION_NAMES[division] })),
    clockEventsOpen: eventTyped || errors.some((error) => CLOCK_EVENT_FIELDS.includes(error.field)),
    complianceOpen:
      (form.timeForCompliance !== '' && form.timeForCompliance !== 'standard') ||
      errors.some((error) => COMPLIANCE_FIELDS.includes(error.field)),
    result,
  }
}
