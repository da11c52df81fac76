import type { IsoDate } from '../calendar/calendar-date.ts'

/**
 * What happens to a request that changes its clock. A case keeps these; its deadlines are derived from them and
 * never stored.
 */
export type ClockEvent =
  /** The authority asked for clarification (FOIA s1(3), EIR reg 9, FOISA s1(3)): the clock waits for it. */
  | { readonly type: 'clarification-requested'; readonly on: IsoDate }
  /** Clarification arrived: a fresh period runs from this day (FOIA s10(6)(b)). */
  | { readonly type: 'clarification-received'; readonly on: IsoDate }
  /** A fees notice (FOIA s9, EIR reg 8, FOISA s9): the clock stops from this day. */
  | { readonly type: 'fee-notice-given'; readonly on: IsoDate }
  /** The fee arrived: the clock restarts the next day (FOIA s10(2)). */
  | { readonly type: 'fee-received'; readonly on: IsoDate }
  /** Subject access: the requester's identity was confirmed; the month runs from here. */
  | { readonly type: 'identity-verified'; readonly on: IsoDate }
  /** EIR reg 7: 40 working days where the information is complex and voluminous. */
  | { readonly type: 'extended'; readonly extension: 'eir-complex-and-voluminous' }
  /** UK GDPR Art 12(3): a further two months, three from receipt in all. */
  | { readonly type: 'extended'; readonly extension: 'sar-complex-or-numerous' }
  /** FOIA s10(3): time to weigh the public interest, to a date the officer sets. */
  | { readonly type: 'extended'; readonly extension: 'public-interest'; readonly until: IsoDate }

export type Extension = Extract<ClockEvent, { type: 'extended' }>['extension']

/**
 * The time for compliance for bodies that regulations give longer (FOIA s10(4), SI 2004/3364, SI 2010/2768):
 * - `school`: maintained schools and academies, 20 school days or the 60th working day if sooner;
 * - `archive`: public records transferred to The National Archives or a place of deposit, 30 working days;
 * - `overseas`: armed forces' operational information, or information held outside the UK, 60 working days.
 */
export type TimeForCompliance = 'standard' | 'school' | 'archive' | 'overseas'

/** A stretch of days, both ends included, when a school is closed to pupils. */
export interface DateRange {
  readonly from: IsoDate
  readonly to: IsoDate
}
