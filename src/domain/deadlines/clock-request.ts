import { parseIsoDate, yearOf, type IsoDate } from '../calendar/calendar-date.ts'
import { DIVISIONS, FIRST_CALENDAR_YEAR, isDivision, LAST_CALENDAR_YEAR, type Division } from '../calendar/division.ts'
import { fail, ok, type Result } from '../result.ts'
import type { ClockEvent, DateRange, TimeForCompliance } from './clock-event.ts'
import { isRegime, REGIMES, type Regime } from './regime.ts'

/** A request's clock as typed by a person: every field text, none yet trusted. */
export interface RawClockRequest {
  readonly regime?: string | undefined
  readonly received?: string | undefined
  readonly nation?: string | undefined
  readonly clarificationRequested?: string | undefined
  readonly clarified?: string | undefined
  readonly feeNotice?: string | undefined
  readonly feePaid?: string | undefined
  readonly identityVerified?: string | undefined
  /** `none`, `eir`, `sar` or `pit` (with `extendedTo`). */
  readonly extension?: string | undefined
  readonly extendedTo?: string | undefined
  readonly timeForCompliance?: string | undefined
  readonly schoolClosures?: readonly { readonly from: string; readonly to: string }[] | undefined
}

export type ClockField = Exclude<keyof RawClockRequest, 'schoolClosures'> | 'schoolClosures'

/** One thing wrong with a clock, tied to the field to fix. Messages follow the GOV.UK error-message pattern. */
export interface ClockProblem {
  readonly field: ClockField
  readonly message: string
}

export interface ClockRequest {
  readonly regime: Regime
  readonly received: IsoDate
  /** The authority's nation: the calendar a subject access due date rolls forward on. */
  readonly nation: Division
  readonly events: readonly ClockEvent[]
  readonly timeForCompliance: TimeForCompliance
  readonly schoolClosures: readonly DateRange[]
}

export const FIELD_LABELS: Readonly<Record<ClockField, string>> = {
  regime: 'Regime',
  received: 'Date of receipt',
  nation: 'Nation',
  clarificationRequested: 'Date clarification was asked for',
  clarified: 'Date clarification arrived',
  feeNotice: 'Date of the fees notice',
  feePaid: 'Date the fee arrived',
  identityVerified: 'Date identity was confirmed',
  extension: 'Extension',
  extendedTo: 'Date of the public interest extension',
  timeForCompliance: 'Time for compliance',
  schoolClosures: 'School closure',
}

const TIMES_FOR_COMPLIANCE: readonly TimeForCompliance[] = ['standard', 'school', 'archive', 'overseas']

const blank = (text: string | undefined): text is undefined => text === undefined || text.trim() === ''

/**
 * Reads a date a person typed, `YYYY-MM-DD`, within the calendar's years. The message names the date by `label`
 * ("Date of receipt must be a real date (February 2024 has 29 days)").
 */
export const readLabelledDate = (label: string, text: string): Result<IsoDate, string> => {
  const trimmed = text.trim()
  const parsed = parseIsoDate(trimmed)
  if (!parsed.ok) {
    return fail(
      parsed.error.code === 'not-a-date'
        ? `${label} must be a date in the form YYYY-MM-DD, like 2024-11-08`
        : `${label} must be a real date (${parsed.error.detail})`,
    )
  }
  const year = yearOf(parsed.value)
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    return fail(`${label} must be between ${FIRST_CALENDAR_YEAR} and ${LAST_CALENDAR_YEAR}`)
  }
  return ok(trimmed as IsoDate)
}

/** Reads a date a person typed, naming the field in any problem. */
export const readDate = (field: ClockField, text: string): Result<IsoDate, ClockProblem> => {
  const read = readLabelledDate(FIELD_LABELS[field], text)
  return read.ok ? read : fail({ field, message: read.error })
}

/** Checks what a person typed and turns it into a clock request, or lists every problem. */
export const readClockRequest = (raw: RawClockRequest): Result<ClockRequest, ClockProblem[]> => {
  const problems: ClockProblem[] = []
  const date = (field: ClockField, text: string | undefined): IsoDate | undefined => {
    if (blank(text)) return undefined
    const read = readDate(field, text)
    if (!read.ok) problems.push(read.error)
    return read.ok ? read.value : undefined
  }

  let regime: Regime | undefined
  if (blank(raw.regime)) problems.push({ field: 'regime', message: 'Select the law the request is handled under' })
  else if (!isRegime(raw.regime.trim().toLowerCase())) {
    problems.push({ field: 'regime', message: `Regime must be one of ${REGIMES.join(', ')}, not “${raw.regime}”` })
  } else regime = raw.regime.trim().toLowerCase() as Regime

  let nation: Division = 'england-and-wales'
  if (!blank(raw.nation)) {
    const text = raw.nation.trim().toLowerCase()
    if (isDivision(text)) nation = text
    else
      problems.push({ field: 'nation', message: `Nation must be one of ${DIVISIONS.join(', ')}, not “${raw.nation}”` })
  }

  if (blank(raw.received)) problems.push({ field: 'received', message: 'Enter the date the request was received' })
  const received = date('received', raw.received)

  const events: ClockEvent[] = []
  const clarificationRequested = date('clarificationRequested', raw.clarificationRequested)
  if (clarificationRequested !== undefined) events.push({ type: 'clarification-requested', on: clarificationRequested })
  const clarified = date('clarified', raw.clarified)
  if (clarified !== undefined) events.push({ type: 'clarification-received', on: clarified })
  const feeNotice = date('feeNotice', raw.feeNotice)
  if (feeNotice !== undefined) events.push({ type: 'fee-notice-given', on: feeNotice })
  const feePaid = date('feePaid', raw.feePaid)
  if (feePaid !== undefined) events.push({ type: 'fee-received', on: feePaid })
  const identityVerified = date('identityVerified', raw.identityVerified)
  if (identityVerified !== undefined) events.push({ type: 'identity-verified', on: identityVerified })

  const extension = blank(raw.extension) ? 'none' : raw.extension.trim().toLowerCase()
  switch (extension) {
    case 'none':
      if (!blank(raw.extendedTo)) {
        problems.push({ field: 'extension', message: 'Select the public interest extension to give it a date' })
      }
      break
    case 'eir':
      events.push({ type: 'extended', extension: 'eir-complex-and-voluminous' })
      break
    case 'sar':
      events.push({ type: 'extended', extension: 'sar-complex-or-numerous' })
      break
    case 'pit': {
      if (blank(raw.extendedTo)) {
        problems.push({ field: 'extendedTo', message: 'Enter the date the public interest extension runs to' })
      }
      const until = date('extendedTo', raw.extendedTo)
      if (until !== undefined) events.push({ type: 'extended', extension: 'public-interest', until })
      break
    }
    default:
      problems.push({
        field: 'extension',
        message: `Extension must be eir, sar or pit:YYYY-MM-DD, not “${raw.extension ?? ''}”`,
      })
  }

  let timeForCompliance: TimeForCompliance = 'standard'
  if (!blank(raw.timeForCompliance)) {
    const text = raw.timeForCompliance.trim().toLowerCase() as TimeForCompliance
    if (TIMES_FOR_COMPLIANCE.includes(text)) timeForCompliance = text
    else {
      problems.push({
        field: 'timeForCompliance',
        message: `Time for compliance must be one of ${TIMES_FOR_COMPLIANCE.join(', ')}, not “${raw.timeForCompliance}”`,
      })
    }
  }

  const schoolClosures: DateRange[] = []
  for (const range of raw.schoolClosures ?? []) {
    const from = date('schoolClosures', range.from)
    const to = date('schoolClosures', range.to)
    if (from === undefined || to === undefined) continue
    if (to < from) {
      problems.push({ field: 'schoolClosures', message: `School closure ${from} to ${to} ends before it starts` })
    } else schoolClosures.push({ from, to })
  }

  if (problems.length > 0 || regime === undefined || received === undefined) return fail(problems)
  return ok({ regime, received, nation, events, timeForCompliance, schoolClosures })
}
