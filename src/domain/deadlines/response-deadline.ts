import {
  addCalendarMonths,
  dayNumberOfIso,
  formatLongDate,
  isWeekend,
  toIsoDate,
  type DayNumber,
} from '../calendar/calendar-date.ts'
import { DIVISION_NAMES } from '../calendar/division.ts'
import type { UkCalendar } from '../calendar/uk-calendar.ts'
import {
  addWorkingDays,
  calendarEnd,
  countWorkingDays,
  isWorkingDay,
  workingDayOnOrAfter,
  type WorkingDayCalendar,
} from '../calendar/working-day-calendar.ts'
import { fail, ok, type Result } from '../result.ts'
import type { ClockEvent, DateRange } from './clock-event.ts'
import { FIELD_LABELS, type ClockField, type ClockProblem, type ClockRequest } from './clock-request.ts'
import type { ClockStatus, Deadline } from './deadline.ts'
import { describeClosure, type SkippedDay } from './describe-day.ts'
import { calendarScopeFor, REGIME_ABBREVIATIONS, WORKING_DAY_BASIS, type Regime } from './regime.ts'

const long = formatLongDate

const FIELD_OF_EVENT: Readonly<Record<ClockEvent['type'], ClockField>> = {
  'clarification-requested': 'clarificationRequested',
  'clarification-received': 'clarified',
  'fee-notice-given': 'feeNotice',
  'fee-received': 'feePaid',
  'identity-verified': 'identityVerified',
  extended: 'extension',
}

const eventDay = (event: ClockEvent): DayNumber | undefined => ('on' in event ? dayNumberOfIso(event.on) : undefined)

/** The 20 working days of FOIA s10(1), EIR reg 5(2) and FOISA s10(1), and their variations. */
const RESPONSE_RULE: Readonly<Record<Exclude<Regime, 'sar'>, string>> = {
  foia: 'FOIA s10(1): “not later than the twentieth working day following the date of receipt”',
  eir: 'EIR reg 5(2): “no later than 20 working days after the date of receipt of the request”',
  foisa: 'FOISA s10(1): “not later than the twentieth working day after … receipt”',
}

interface FeeWindow {
  readonly from: DayNumber
  readonly to: DayNumber | undefined
}

interface Counted {
  readonly due: DayNumber | undefined
  /** Where a fee is awaited: the notice that stopped the clock and the working days counted before it. */
  readonly pausedBy?: FeeWindow
  readonly countedBeforePause?: number
  readonly ignoredWindows: readonly FeeWindow[]
}

/**
 * Counts `n` working days after `start`, disregarding the working days in each fee window (notice day to fee day,
 * both included: FOIA s10(2)) and, for schools, days the school is closed. Undefined when the calendar runs out.
 */
const countDays = (
  calendar: WorkingDayCalendar,
  start: DayNumber,
  n: number,
  windows: readonly FeeWindow[],
  closures: readonly { from: DayNumber; to: DayNumber }[] = [],
): Counted => {
  if (closures.length === 0) {
    let position = start
    let remaining = n
    for (let index = 0; index < windows.length; index += 1) {
      const window = windows[index]
      if (window === undefined) continue
      const available = countWorkingDays(calendar, position, window.from - 1)
      if (available >= remaining) {
        return { due: addWorkingDays(calendar, position, remaining), ignoredWindows: windows.slice(index) }
      }
      remaining -= available
      if (window.to === undefined) {
        return { due: undefined, pausedBy: window, countedBeforePause: n - remaining, ignoredWindows: [] }
      }
      position = Math.max(position, window.to)
    }
    return { due: addWorkingDays(calendar, position, remaining), ignoredWindows: [] }
  }
  // Schools: walk day by day, the closures being few and the count short.
  let counted = 0
  let day = start
  const ignored: FeeWindow[] = []
  while (counted < n) {
    day += 1
    if (day > calendar.lastDay) return { due: undefined, ignoredWindows: [] }
    const window = windows.find((w) => day >= w.from && (w.to === undefined || day <= w.to))
    if (window !== undefined) {
      if (window.to === undefined) {
        return { due: undefined, pausedBy: window, countedBeforePause: counted, ignoredWindows: [] }
      }
      continue
    }
    if (!isWorkingDay(calendar, day)) continue
    if (closures.some((c) => day >= c.from && day <= c.to)) continue
    counted += 1
  }
  for (const window of windows) if (window.from > day) ignored.push(window)
  return { due: day, ignoredWindows: ignored }
}

const skippedBetween = (
  calendar: WorkingDayCalendar,
  regime: Regime,
  after: DayNumber,
  through: DayNumber,
  windows: readonly FeeWindow[],
  closures: readonly { from: DayNumber; to: DayNumber }[],
): { skipped: SkippedDay[]; weekendDays: number } => {
  const skipped: SkippedDay[] = []
  let weekendDays = 0
  for (let day = after + 1; day <= through; day += 1) {
    const open = calendar.closed[day - calendar.firstDay] === 0
    if (open && windows.length === 0 && closures.length === 0) continue
    if (isWeekend(day) && !calendar.holidays.has(day) && !calendar.fixedClosures.has(day)) {
      weekendDays += 1 // a plain Saturday or Sunday: counted, not listed
      continue
    }
    const closure = open ? undefined : describeClosure(calendar, day)
    const window = windows.find((w) => w.to !== undefined && day >= w.from && day <= w.to)
    if (closure === undefined) {
      if (window !== undefined && window.to !== undefined) {
        skipped.push({
          date: toIsoDate(day),
          reason: `between the fees notice (${long(window.from)}) and the fee’s arrival (${long(window.to)}): disregarded under ${feeProvision(regime)}`,
        })
      } else if (closures.some((c) => day >= c.from && day <= c.to)) {
        skipped.push({ date: toIsoDate(day), reason: 'the school is closed: not a school day (SI 2004/3364)' })
      }
      continue
    }
    if (isWeekend(day) && (closure === 'Saturday' || closure === 'Sunday')) {
      weekendDays += 1
      continue
    }
    if (isWeekend(day)) weekendDays += 1
    skipped.push({ date: toIsoDate(day), reason: `${closure}: not a working day under ${WORKING_DAY_BASIS[regime]}` })
  }
  return { skipped, weekendDays }
}

const feeProvision = (regime: Regime): string =>
  regime === 'eir' ? 'EIR reg 8' : regime === 'foisa' ? 'FOISA s10(2)' : 'FOIA s10(2)'

type DeadlineBase = Pick<Deadline, 'regime' | 'clock' | 'received' | 'countedFrom' | 'limit'>

/** A clock that is not running: no due date until the clarification or the fee arrives. */
const stopped = (
  base: DeadlineBase,
  status: Exclude<ClockStatus, 'running'>,
  explanation: readonly string[],
  warnings: readonly string[],
): Result<Deadline, ClockProblem[]> =>
  ok({ ...base, due: null, status, skipped: [], weekendDays: 0, explanation, warnings })

const problem = (field: ClockField, message: string): ClockProblem => ({ field, message })

/**
 * The date by which a request must be answered, with every step of the count explained.
 *
 * FOIA, EIR and FOISA count working days: the day of receipt is never counted, day 1 is the first working day after
 * it, and the response is due on the 20th. Subject access counts one calendar month from receipt, day 1 being the
 * day of receipt, rolled forward to the next working day.
 */
export const computeResponseDeadline = (uk: UkCalendar, request: ClockRequest): Result<Deadline, ClockProblem[]> => {
  const problems: ClockProblem[] = []
  const received = dayNumberOfIso(request.received)
  for (const event of request.events) {
    const day = eventDay(event)
    if (day !== undefined && day < received) {
      problems.push(
        problem(
          FIELD_OF_EVENT[event.type],
          `${FIELD_LABELS[FIELD_OF_EVENT[event.type]]} must be the same as or after the date of receipt (${long(received)})`,
        ),
      )
    }
  }
  const extensions = request.events.filter((event) => event.type === 'extended')
  if (extensions.length > 1) problems.push(problem('extension', 'Choose one extension, not several'))
  const extension = extensions[0]
  if (extension !== undefined) {
    const allowed: Readonly<Record<Regime, string | undefined>> = {
      foia: 'public-interest',
      eir: 'eir-complex-and-voluminous',
      foisa: undefined,
      sar: 'sar-complex-or-numerous',
    }
    if (allowed[request.regime] !== extension.extension) {
      problems.push(problem('extension', extensionRefusal(request.regime)))
    }
  }
  if (request.regime !== 'sar' && request.events.some((event) => event.type === 'identity-verified')) {
    problems.push(problem('identityVerified', 'Identity checks stop the clock for subject access requests only'))
  }
  if (request.timeForCompliance !== 'standard' && request.regime !== 'foia') {
    problems.push(
      problem('timeForCompliance', 'Longer times for compliance for schools and archives apply under FOIA only'),
    )
  }
  if (request.schoolClosures.length > 0 && request.timeForCompliance !== 'school') {
    problems.push(problem('schoolClosures', 'School closures count only when the time for compliance is “school”'))
  }
  const fees = pairFees(request.events, problems)
  if (problems.length > 0) return fail(problems)

  return request.regime === 'sar'
    ? computeSubjectAccessDeadline(uk, request, fees)
    : computeWorkingDayDeadline(uk, request, request.regime, fees)
}

const extensionRefusal = (regime: Regime): string => {
  switch (regime) {
    case 'foia':
      return 'Under FOIA the only extension is for the public interest test (s10(3)): use pit with a date'
    case 'eir':
      return 'The EIR have no public interest extension: the only extension is to 40 working days (reg 7), “eir”'
    case 'foisa':
      return 'FOISA allows no extension of the 20 working days'
    case 'sar':
      return 'A subject access request can only be extended by two further months (UK GDPR Art 12(3)), “sar”'
  }
}

/** Pairs each fees notice with the fee that answers it; a fee with no notice before it is a problem. */
const pairFees = (events: readonly ClockEvent[], problems: ClockProblem[]): FeeWindow[] => {
  const notices = events.filter((e) => e.type === 'fee-notice-given').map((e) => dayNumberOfIso(e.on))
  const paid = events.filter((e) => e.type === 'fee-received').map((e) => dayNumberOfIso(e.on))
  notices.sort((a, b) => a - b)
  paid.sort((a, b) => a - b)
  const windows: FeeWindow[] = []
  let p = 0
  for (let n = 0; n < notices.length; n += 1) {
    const from = notices[n] ?? 0
    const next = notices[n + 1]
    const fee = paid[p]
    if (fee !== undefined && fee >= from && (next === undefined || fee < next)) {
      windows.push({ from, to: fee })
      p += 1
    } else if (next === undefined || fee === undefined || fee >= next) {
      windows.push({ from, to: undefined })
      if (next !== undefined) {
        problems.push(problem('feeNotice', `The fees notice of ${long(from)} was never paid but another followed it`))
      }
    }
  }
  for (const fee of paid.slice(p)) {
    const before = notices.filter((notice) => notice <= fee)
    problems.push(
      problem(
        'feePaid',
        notices.length === 0
          ? 'There is no fees notice for the fee to answer: enter the date of the fees notice'
          : before.length === 0
            ? `Date the fee arrived must be the same as or after the date of the fees notice (${long(notices[0] ?? 0)})`
            : `The fee of ${long(fee)} answers no fees notice`,
      ),
    )
  }
  return windows
}

const latest = (events: readonly ClockEvent[], type: ClockEvent['type']): DayNumber | undefined => {
  let found: DayNumber | undefined
  for (const event of events) {
    if (event.type !== type) continue
    const day = eventDay(event)
    if (day !== undefined && (found === undefined || day > found)) found = day
  }
  return found
}

/** The last day to pay a fee: three months beginning with the notice day (FOIA s9(2)); EIR 60 working days. */
const feeDueBy = (calendar: WorkingDayCalendar, regime: Regime, notice: DayNumber): DayNumber | undefined => {
  if (regime === 'eir') return addWorkingDays(calendar, notice, 60)
  const { day, clamped } = addCalendarMonths(notice, 3)
  return clamped ? day : day - 1
}

const computeWorkingDayDeadline = (
  uk: UkCalendar,
  request: ClockRequest,
  regime: Exclude<Regime, 'sar'>,
  allWindows: readonly FeeWindow[],
): Result<Deadline, ClockProblem[]> => {
  const calendar = uk.workingDays(calendarScopeFor(regime, request.nation))
  const received = dayNumberOfIso(request.received)
  const abbreviation = REGIME_ABBREVIATIONS[regime]
  const explanation: string[] = []
  const warnings: string[] = []

  const clarified = latest(request.events, 'clarification-received')
  const asked = latest(request.events, 'clarification-requested')
  const start = clarified ?? received
  const windows = allWindows.filter((window) => window.from >= start)

  explanation.push(
    `Received ${long(received)}. The day of receipt is not counted, whatever day it is: day 1 is the first working day after it.`,
  )
  if (clarified !== undefined) {
    explanation.push(
      `Clarification arrived ${long(clarified)}, so the period starts afresh from that day: it is the date of receipt from now on (${regime === 'eir' ? 'EIR reg 9(4)' : regime === 'foisa' ? 'FOISA s1(3)' : 'FOIA s1(3) and s10(6)(b)'}).`,
    )
  }

  const closures = request.schoolClosures.map((range: DateRange) => ({
    from: dayNumberOfIso(range.from),
    to: dayNumberOfIso(range.to),
  }))
  const extension = request.events.find((event) => event.type === 'extended')
  let n = 20
  let limit = '20 working days'
  switch (request.timeForCompliance) {
    case 'archive':
      n = 30
      limit = '30 working days'
      explanation.push('Public records transferred to an archive: 30 working days (SI 2004/3364).')
      break
    case 'overseas':
      n = 60
      limit = '60 working days'
      explanation.push(
        'Information held outside the UK or armed forces’ operational information: up to 60 working days (SI 2004/3364).',
      )
      break
    case 'school':
      limit = '20 school days, or 60 working days if sooner'
      explanation.push('A school: 20 school days, or the 60th working day if that is sooner (SI 2004/3364).')
      break
    case 'standard':
      if (extension?.extension === 'eir-complex-and-voluminous') {
        n = 40
        limit = '40 working days'
        explanation.push(
          'Extended to 40 working days because the information is complex and voluminous (EIR reg 7(1)).',
        )
      } else {
        explanation.push(RESPONSE_RULE[regime] + '.')
      }
      break
  }
  explanation.push(
    `Working days are every day except Saturdays, Sundays${regime === 'foisa' ? ', Christmas Day and bank holidays in Scotland (FOISA s73)' : ', Christmas Day, Good Friday and a bank holiday in any part of the UK (FOIA s10(6))'}.`,
  )

  const base = {
    regime,
    clock: 'response' as const,
    received: request.received,
    countedFrom: toIsoDate(start),
    limit,
  }

  if (asked !== undefined && asked >= start && (clarified === undefined || clarified < asked)) {
    explanation.push(
      `Clarification was asked for on ${long(asked)}: the authority need not answer until it arrives, and the ${limit} then start afresh.`,
    )
    return stopped(base, 'awaiting-clarification', explanation, warnings)
  }

  const counted =
    request.timeForCompliance === 'school'
      ? earlierOf(countDays(calendar, start, 20, windows, closures), countDays(calendar, start, 60, windows))
      : countDays(calendar, start, n, windows)
  if (counted.due === undefined && counted.pausedBy === undefined) {
    return fail([problem('received', `The deadline falls after the end of the calendar (${calendarEnd(calendar)})`)])
  }
  for (const window of counted.ignoredWindows) {
    warnings.push(
      `The fees notice of ${long(window.from)} came after the deadline, so it does not stop the clock: a fees notice must be given within the time for compliance (${abbreviation === 'EIR' ? 'EIR reg 8' : 'FOIA s9(1)'}).`,
    )
  }
  const effectiveWindows = windows.filter((window) => !counted.ignoredWindows.includes(window))
  for (const window of effectiveWindows) {
    if (window.to === undefined) continue
    explanation.push(
      `A fees notice was given ${long(window.from)} and the fee arrived ${long(window.to)}: the working days from the notice to the fee’s arrival, both included, are disregarded (${feeProvision(regime)}). Counting resumes the next working day.`,
    )
  }

  if (counted.pausedBy !== undefined) {
    const notice = counted.pausedBy.from
    const payBy = feeDueBy(calendar, regime, notice)
    const { skipped, weekendDays } = skippedBetween(calendar, regime, start, notice - 1, effectiveWindows, closures)
    explanation.push(
      `A fees notice was given ${long(notice)}, after ${counted.countedBeforePause ?? 0} working days had been counted. The clock is stopped until the fee arrives.`,
    )
    if (payBy !== undefined) {
      explanation.push(
        `If the fee is not paid by ${long(payBy)}, the authority need not comply (${regime === 'eir' ? 'EIR reg 8' : 'FOIA s9(2)'}): the request lapses.`,
      )
    }
    return ok({
      ...base,
      due: null,
      status: 'awaiting-fee' satisfies ClockStatus,
      ...(payBy === undefined ? {} : { feeDueBy: toIsoDate(payBy) }),
      skipped,
      weekendDays,
      explanation,
      warnings,
    })
  }

  const statutoryDue = counted.due ?? start
  let due = statutoryDue
  const firstDay = addWorkingDays(calendar, start, 1)
  if (firstDay !== undefined) explanation.push(`Day 1 is ${long(firstDay)}.`)
  if (!isWorkingDay(calendar, received) && clarified === undefined && regime !== 'foisa') {
    const codeDue = addWorkingDays(calendar, statutoryDue, 1)
    if (codeDue !== undefined) {
      explanation.push(
        `The request arrived on a day that is not a working day. Disclose follows the statute and the ICO (day 1 is the next working day). Read as the s45 Code of Practice (2018) para 4.2 may be, treating the request as received on the next working day, the deadline would be ${long(codeDue)}, one working day later.`,
      )
    }
  }
  explanation.push(
    request.timeForCompliance === 'school'
      ? `The deadline, the 20th school day or the 60th working day if sooner, is ${long(statutoryDue)}.`
      : `Day ${n} is ${long(statutoryDue)}.`,
  )

  let refusalNoticeDue: DayNumber | undefined
  if (extension?.extension === 'public-interest') {
    const until = dayNumberOfIso(extension.until)
    if (until <= statutoryDue) {
      return fail([
        problem(
          'extendedTo',
          `Date of the public interest extension must be after the 20-working-day deadline (${long(statutoryDue)})`,
        ),
      ])
    }
    refusalNoticeDue = statutoryDue
    due = until
    const extra = countWorkingDays(calendar, statutoryDue, until)
    explanation.push(
      `A public interest extension (FOIA s10(3)) runs to ${long(until)}, ${extra} working days more. The refusal notice under s17(2), with the estimated date of the decision, is still due by ${long(statutoryDue)}.`,
    )
    if (extra > 20) {
      warnings.push(
        `The extension adds ${extra} working days: the ICO expects no more than 20 (to ${long(addWorkingDays(calendar, statutoryDue, 20) ?? statutoryDue)}), 40 working days in all, save in exceptional cases.`,
      )
    }
    if (!isWorkingDay(calendar, until)) warnings.push(`${long(until)} is not a working day.`)
  }

  const { skipped, weekendDays } = skippedBetween(calendar, regime, start, due, effectiveWindows, closures)
  explanation.push(`The response is due by ${long(due)}.`)
  const deadline: Deadline = {
    ...base,
    due: toIsoDate(due),
    status: 'running',
    skipped,
    weekendDays,
    explanation,
    warnings,
  }
  if (refusalNoticeDue === undefined) return ok(deadline)
  return ok({
    ...deadline,
    refusalNoticeDue: toIsoDate(refusalNoticeDue),
    limit: `${limit}, extended for the public interest test (FOIA s10(3))`,
  })
}

const earlierOf = (a: Counted, b: Counted): Counted => {
  if (a.due === undefined) return a.pausedBy !== undefined ? a : b
  if (b.due === undefined) return b.pausedBy !== undefined ? b : a
  return a.due <= b.due ? a : b
}

const computeSubjectAccessDeadline = (
  uk: UkCalendar,
  request: ClockRequest,
  windows: readonly FeeWindow[],
): Result<Deadline, ClockProblem[]> => {
  const calendar = uk.workingDays(request.nation)
  const received = dayNumberOfIso(request.received)
  const explanation: string[] = []
  const warnings: string[] = []
  const starts: { day: DayNumber; why: string }[] = [{ day: received, why: 'receipt of the request' }]
  const clarified = latest(request.events, 'clarification-received')
  if (clarified !== undefined) starts.push({ day: clarified, why: 'receipt of the clarification' })
  const verified = latest(request.events, 'identity-verified')
  if (verified !== undefined) starts.push({ day: verified, why: 'confirmation of the requester’s identity' })
  const paid = windows.filter((w) => w.to !== undefined).map((w) => w.to ?? 0)
  if (paid.length > 0) starts.push({ day: Math.max(...paid), why: 'receipt of the fee' })
  const start = starts.reduce((a, b) => (b.day > a.day ? b : a))

  const extended = request.events.some((e) => e.type === 'extended')
  const months = extended ? 3 : 1
  const limit = extended ? 'three calendar months' : 'one calendar month'
  const base = {
    regime: 'sar' as const,
    clock: 'response' as const,
    received: request.received,
    countedFrom: toIsoDate(start.day),
    limit,
  }

  explanation.push(
    `Received ${long(received)}. For a subject access request the day of receipt is day 1, and the time limit is ${limit} (UK GDPR Art 12(3)${extended ? ', extended by two further months' : ''}).`,
  )
  if (start.day !== received) explanation.push(`The month runs from ${start.why}, ${long(start.day)}.`)

  const asked = latest(request.events, 'clarification-requested')
  if (asked !== undefined && asked >= start.day && (clarified === undefined || clarified < asked)) {
    explanation.push(`Clarification was asked for on ${long(asked)}: the time limit runs from the day it arrives.`)
    return stopped(base, 'awaiting-clarification', explanation, warnings)
  }
  const unpaid = windows.find((w) => w.to === undefined && w.from >= start.day)
  if (unpaid !== undefined) {
    explanation.push(`A fee was asked for on ${long(unpaid.from)}: the time limit runs from the day it is paid.`)
    return stopped(base, 'awaiting-fee', explanation, warnings)
  }

  const { day: corresponding, clamped } = addCalendarMonths(start.day, months)
  if (clamped) {
    explanation.push(
      `There is no corresponding date ${months === 1 ? 'the next month' : `${months} months later`}, so the limit ends on the last day of that month: ${long(corresponding)}.`,
    )
  } else {
    explanation.push(
      `The corresponding date ${months === 1 ? 'the next month' : `${months} months later`} is ${long(corresponding)}.`,
    )
  }
  const due = workingDayOnOrAfter(calendar, corresponding)
  if (due === undefined) {
    return fail([problem('received', `The deadline falls after the end of the calendar (${calendarEnd(calendar)})`)])
  }
  const skipped: SkippedDay[] = []
  let weekendDays = 0
  for (let day = corresponding; day < due; day += 1) {
    if (isWeekend(day)) weekendDays += 1
    skipped.push({
      date: toIsoDate(day),
      reason: `${describeClosure(calendar, day) ?? ''}: not a working day in ${DIVISION_NAMES[request.nation]}, so the due date moves to the next working day`,
    })
  }
  if (due !== corresponding) {
    explanation.push(
      `${long(corresponding)} is not a working day in ${DIVISION_NAMES[request.nation]}, so the response is due the next working day.`,
    )
  }
  explanation.push(`The response is due by ${long(due)}.`)
  if (extended) {
    warnings.push('The requester must be told of the extension, and why, within the first month (UK GDPR Art 12(3)).')
  }
  return ok({ ...base, due: toIsoDate(due), status: 'running', skipped, weekendDays, explanation, warnings })
}
