/**
 * Issue 2's figure: 1,000,000 FOIA deadlines for random receipt dates 1990–2100, at least 2,000,000 a second,
 * printed beside a naive day-by-day loop over a Set of holidays in the same run.
 *
 *   npx tsx bench/deadlines.bench.ts
 */
import { cpus } from 'node:os'
import {
  dayNumberOf,
  isWeekend,
  parseIsoDate,
  toIsoDate,
  type DayNumber,
} from '../src/domain/calendar/calendar-date.ts'
import { addWorkingDays } from '../src/domain/calendar/working-day-calendar.ts'
import { readClockRequest } from '../src/domain/deadlines/clock-request.ts'
import { computeResponseDeadline } from '../src/domain/deadlines/response-deadline.ts'
import { createUkCalendar } from '../src/domain/calendar/uk-calendar.ts'
import { defaultCalendarSources } from '../src/services/holidays/calendar.service.ts'
import { formatRate, measure, seededRandom } from './harness.ts'

const COUNT = 1_000_000
const TARGET = 2_000_000

const uk = createUkCalendar(defaultCalendarSources())
const calendar = uk.workingDays('united-kingdom')

const first = dayNumberOf(1990, 1, 1)
const last = dayNumberOf(2100, 12, 31)
const random = seededRandom(20241108)
const receipts = new Int32Array(COUNT)
for (let i = 0; i < COUNT; i += 1) receipts[i] = first + Math.floor(random() * (last - first + 1))
const receiptTexts = Array.from(receipts, (day) => toIsoDate(day))

// The reference: what most code does — walk day by day, skipping weekends and days in a Set of holidays.
const closedDays = new Set<DayNumber>()
for (let day = calendar.firstDay; day <= calendar.lastDay; day += 1) {
  if (!isWeekend(day) && calendar.closed[day - calendar.firstDay] === 1) closedDays.add(day)
}
const naiveDeadline = (received: DayNumber): DayNumber => {
  let day = received
  let counted = 0
  while (counted < 20) {
    day += 1
    if (!isWeekend(day) && !closedDays.has(day)) counted += 1
  }
  return day
}

// The two must agree on every one of the million before either is timed.
for (let i = 0; i < COUNT; i += 1) {
  const received = receipts[i] ?? 0
  if (addWorkingDays(calendar, received, 20) !== naiveDeadline(received)) {
    throw new Error(`indexed and naive disagree for ${toIsoDate(received)}`)
  }
}

const indexed = measure('indexed calendar (day numbers)', COUNT, () => {
  let sum = 0
  for (let i = 0; i < COUNT; i += 1) sum += addWorkingDays(calendar, receipts[i] ?? 0, 20) ?? 0
  return sum
})

const indexedText = measure('indexed calendar, ISO text in and out', COUNT, () => {
  let length = 0
  for (let i = 0; i < COUNT; i += 1) {
    const parsed = parseIsoDate(receiptTexts[i] ?? '')
    if (parsed.ok) length += toIsoDate(addWorkingDays(calendar, parsed.value, 20) ?? 0).length
  }
  return length
})

const naive = measure('naive day-by-day loop over a Set', COUNT, () => {
  let sum = 0
  for (let i = 0; i < COUNT; i += 1) sum += naiveDeadline(receipts[i] ?? 0)
  return sum
})

const EXPLAINED = 100_000
const explained = measure(
  'full deadline with its explanation (computeResponseDeadline)',
  EXPLAINED,
  () => {
    let length = 0
    for (let i = 0; i < EXPLAINED; i += 1) {
      const request = readClockRequest({ regime: 'foia', received: receiptTexts[i] })
      if (!request.ok) continue
      const result = computeResponseDeadline(uk, request.value)
      if (result.ok) length += result.value.explanation.length
    }
    return length
  },
  3,
)

console.log(`FOIA deadlines: ${COUNT.toLocaleString('en-GB')} random receipt dates 1990–2100`)
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`)
for (const timing of [indexed, indexedText, naive, explained]) {
  console.log(`  ${timing.name.padEnd(62)} ${formatRate(timing.rate).padStart(16)}`)
}
console.log(`ratio, indexed ÷ naive: ${(indexed.rate / naive.rate).toFixed(1)}×`)
console.log(`target ≥ ${formatRate(TARGET)}: ${indexed.rate >= TARGET ? 'met' : 'NOT met'}`)
