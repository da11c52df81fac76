import type { IsoDate } from '../calendar/calendar-date.ts'
import type { Regime } from './regime.ts'
import type { SkippedDay } from './describe-day.ts'

export type ClockKind = 'response' | 'review-window' | 'review' | 'regulator-window'

export type ClockStatus = 'running' | 'awaiting-clarification' | 'awaiting-fee'

/** A deadline with the reasoning behind it. Always derived from a request's clock; never stored. */
export interface Deadline {
  readonly regime: Regime
  readonly clock: ClockKind
  /** The date the clock was asked about: receipt of the request, the response, or the review request. */
  readonly received: IsoDate
  /** The day the count runs from: receipt, or a later clarification, fee or identity check. */
  readonly countedFrom: IsoDate
  /** The time limit in words: "20 working days", "one calendar month". */
  readonly limit: string
  /** The last day; null while the clock is stopped. */
  readonly due: IsoDate | null
  readonly status: ClockStatus
  /** FOIA s10(3): with a public interest extension, the s17 refusal notice is still due by day 20. */
  readonly refusalNoticeDue?: IsoDate
  /** While a fee is awaited: the last day it can be paid before the request lapses. */
  readonly feeDueBy?: IsoDate
  /** Days the count passed over that are not plain weekends: bank holidays, Christmas Day, fee periods … */
  readonly skipped: readonly SkippedDay[]
  /** Saturdays and Sundays passed over. */
  readonly weekendDays: number
  /** How the date was reached, step by step, in plain words. */
  readonly explanation: readonly string[]
  /** Things an officer should know that do not stop the calculation. */
  readonly warnings: readonly string[]
}
