import {
  addCalendarMonths,
  dayNumberOfIso,
  formatLongDate,
  toIsoDate,
  type IsoDate,
} from '../calendar/calendar-date.ts'
import type { UkCalendar } from '../calendar/uk-calendar.ts'
import { addWorkingDays, calendarEnd } from '../calendar/working-day-calendar.ts'
import { fail, ok, type Result } from '../result.ts'
import type { ClockProblem } from './clock-request.ts'
import type { ClockKind, Deadline } from './deadline.ts'
import { describeClosure, type SkippedDay } from './describe-day.ts'
import { calendarScopeFor, WORKING_DAY_BASIS, type Regime } from './regime.ts'

export interface ReviewClockRequest {
  readonly regime: Regime
  readonly clock: Exclude<ClockKind, 'response'>
  /**
   * The day the clock runs from: the response (review-window), the review request's receipt (review), or the
   * review's outcome (regulator-window).
   */
  readonly from: IsoDate
  /** review: FOIA's complex or voluminous reviews may take up to 40 working days (Code para 5.5). */
  readonly extended?: boolean
  /** review-window under FOIA: the Code's 40 working days, which an authority may set otherwise. */
  readonly windowWorkingDays?: number
}

const long = formatLongDate

/** What the date each clock after the response runs from is called, in messages and on forms. */
export const REVIEW_FROM_LABELS: Readonly<Record<ReviewClockRequest['clock'], string>> = {
  'review-window': 'Date of the response',
  review: 'Date the request for a review arrived',
  'regulator-window': 'Date of the review’s outcome',
}

export interface ReviewClockRule {
  readonly workingDays: number
  readonly limit: string
  readonly basis: string
}

/**
 * Why a clock after the response does not exist for a law:
 * - `no-statutory-review`: subject access has no internal review;
 * - `no-regulator-time-limit`: FOIA and the EIR set no time limit for complaining to the ICO;
 * - `no-review-extension`: only a FOIA review can be extended for complexity or volume.
 */
export interface ReviewClockRefusal {
  readonly code: 'no-statutory-review' | 'no-regulator-time-limit' | 'no-review-extension'
  readonly message: string
}

/**
 * The rule for a clock after the response, or why the law has none. Needs no date: a form can ask it before the
 * date is typed, and list a refused clock beside a missing date.
 */
export const reviewClockRule = (
  request: Pick<ReviewClockRequest, 'regime' | 'clock' | 'extended' | 'windowWorkingDays'>,
): Result<ReviewClockRule, ReviewClockRefusal> => {
  const { regime, clock } = request
  if (regime === 'sar') {
    return fail({
      code: 'no-statutory-review',
      message: 'Subject access has no statutory internal review: the requester may complain to the ICO',
    })
  }
  switch (clock) {
    case 'review-window': {
      const days = regime === 'foia' ? (request.windowWorkingDays ?? 40) : 40
      const basis: Record<typeof regime, string> = {
        foia: 's45 Code of Practice (2018) para 5.4: an authority need not accept a review asked for later',
        eir: 'EIR reg 11(2): representations within 40 working days',
        foisa: 'FOISA s20(5): a requirement for review within 40 working days',
      }
      return ok({ workingDays: days, limit: `${days} working days`, basis: basis[regime] })
    }
    case 'review': {
      if (request.extended === true && regime !== 'foia') {
        return fail({
          code: 'no-review-extension',
          message:
            regime === 'eir'
              ? 'EIR reconsideration already has 40 working days (reg 11(4)) and no extension'
              : 'A FOISA review has 20 working days (s21(1)) and no extension',
        })
      }
      if (regime === 'eir') {
        return ok({
          workingDays: 40,
          limit: '40 working days',
          basis: 'EIR reg 11(4): a decision within 40 working days',
        })
      }
      if (regime === 'foisa') {
        return ok({ workingDays: 20, limit: '20 working days', basis: 'FOISA s21(1): a review within 20 working days' })
      }
      return request.extended === true
        ? ok({
            workingDays: 40,
            limit: '40 working days',
            basis: 's45 Code of Practice (2018) para 5.5: up to 40 working days for complex or voluminous reviews',
          })
        : ok({
            workingDays: 20,
            limit: '20 working days',
            basis: 's45 Code of Practice (2018) para 5.5: a review normally within 20 working days',
          })
    }
    case 'regulator-window':
      return regime === 'foisa'
        ? ok({ workingDays: 0, limit: 'six months', basis: 'FOISA s47(4): an application within six months' })
        : fail({
            code: 'no-regulator-time-limit',
            message: `${regime === 'eir' ? 'The EIR (reg 18) set' : 'FOIA (s50) sets'} no time limit for complaining to the ICO; the ICO may decline a complaint after undue delay (s50(2)(b))`,
          })
  }
}

const SUBJECT: Readonly<Record<ReviewClockRequest['clock'], string>> = {
  'review-window': 'The last day to ask for a review is',
  review: 'The review is due by',
  'regulator-window': 'The last day to apply to the Scottish Information Commissioner is',
}

/** The clocks after a response: asking for a review, answering it, and going to the regulator. */
export const computeReviewDeadline = (
  uk: UkCalendar,
  request: ReviewClockRequest,
): Result<Deadline, ClockProblem[]> => {
  const found = reviewClockRule(request)
  if (!found.ok) return fail([{ field: 'regime', message: found.error.message }])
  const { workingDays, limit, basis } = found.value
  const from = dayNumberOfIso(request.from)
  const explanation: string[] = []
  const base = {
    regime: request.regime,
    clock: request.clock,
    received: request.from,
    countedFrom: request.from,
    limit,
  }

  if (request.clock === 'regulator-window') {
    const { day } = addCalendarMonths(from, 6)
    explanation.push(
      `The review’s outcome was given ${long(from)}. ${basis}.`,
      `${SUBJECT[request.clock]} ${long(day)}.`,
    )
    return ok({
      ...base,
      due: toIsoDate(day),
      status: 'running',
      skipped: [],
      weekendDays: 0,
      explanation,
      warnings: [],
    })
  }

  const calendar = uk.workingDays(calendarScopeFor(request.regime, 'england-and-wales'))
  const due = addWorkingDays(calendar, from, workingDays)
  if (due === undefined) {
    return fail([
      { field: 'received', message: `The deadline falls after the end of the calendar (${calendarEnd(calendar)})` },
    ])
  }
  const skipped: SkippedDay[] = []
  let weekendDays = 0
  for (let day = from + 1; day <= due; day += 1) {
    const closure = describeClosure(calendar, day)
    if (closure === undefined) continue
    if (closure === 'Saturday' || closure === 'Sunday') {
      weekendDays += 1
      continue
    }
    skipped.push({
      date: toIsoDate(day),
      reason: `${closure}: not a working day under ${WORKING_DAY_BASIS[request.regime]}`,
    })
  }
  explanation.push(
    request.clock === 'review-window'
      ? `The response was sent ${long(from)}.`
      : `The request for a review arrived ${long(from)}; that day is not counted.`,
    `${basis}.`,
    `${SUBJECT[request.clock]} ${long(due)}.`,
  )
  return ok({ ...base, due: toIsoDate(due), status: 'running', skipped, weekendDays, explanation, warnings: [] })
}
