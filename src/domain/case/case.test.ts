import { describe, expect, it } from 'vitest'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { isIsoDate, type IsoDate } from '../calendar/calendar-date.ts'
import { DIVISIONS, type Division } from '../calendar/division.ts'
import type { Deadline } from '../deadlines/deadline.ts'
import { REGIMES } from '../deadlines/regime.ts'
import { CASE_STATES, deadlineOfCase, isOpen, STANDARD_CLOCK, type Case, type CaseClock } from './case.ts'

const uk = defaultUkCalendar()

const iso = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`not an ISO date: ${text}`)
  return text
}

type Subject = Pick<Case, 'kind' | 'regime' | 'receivedOn' | 'clock'>

const subject = (kind: Case['kind'], regime: Case['regime'], receivedOn: string, clock: Partial<CaseClock> = {}) =>
  ({ kind, regime, receivedOn: iso(receivedOn), clock: { ...STANDARD_CLOCK, ...clock } }) satisfies Subject

const deadlineOf = (of: Subject, nation: Division = 'england-and-wales'): Deadline | null => {
  const result = deadlineOfCase(uk, nation, of)
  if (!result.ok) throw new Error(`expected a deadline, got ${JSON.stringify(result.error)}`)
  return result.value
}

describe('the deadline of a request', () => {
  it('gives the first seed case its due date: received Tue 1 Oct 2024, due Tue 29 Oct 2024', () => {
    expect(deadlineOf(subject('request', 'foia', '2024-10-01'))).toMatchObject({
      clock: 'response',
      received: '2024-10-01',
      due: '2024-10-29',
      limit: '20 working days',
    })
  })

  it.each(DIVISIONS)(
    'gives the second seed case, in %s, Mon 9 Dec 2024: St Andrew’s Day substitute is not a FOIA working day anywhere',
    (nation) => {
      const deadline = deadlineOf(subject('request', 'foia', '2024-11-08'), nation)
      expect(deadline?.due).toBe('2024-12-09')
      expect(deadline?.skipped.map((skipped) => skipped.date)).toEqual(['2024-12-02'])
    },
  )

  it('gives a public record at an archive 30 working days', () => {
    expect(deadlineOf(subject('request', 'foia', '2024-10-01', { timeForCompliance: 'archive' }))?.due).toBe(
      '2024-11-12',
    )
  })

  it('stops the clock while a fee is awaited, from the case’s own clock events', () => {
    const awaitingFee = subject('request', 'foia', '2024-11-08', {
      events: [{ type: 'fee-notice-given', on: iso('2024-11-12') }],
    })
    expect(deadlineOf(awaitingFee)).toMatchObject({ status: 'awaiting-fee', due: null, feeDueBy: '2025-02-11' })
  })

  it('gives a subject access request one calendar month: received Tue 1 Oct 2024, due Fri 1 Nov 2024', () => {
    expect(deadlineOf(subject('request', 'sar', '2024-10-01'))?.due).toBe('2024-11-01')
  })
})

describe('the deadline of an internal review', () => {
  it('gives a FOIA review 20 working days: received Wed 4 Dec 2024, due Tue 7 Jan 2025', () => {
    expect(deadlineOf(subject('internal-review', 'foia', '2024-12-04'))).toMatchObject({
      clock: 'review',
      received: '2024-12-04',
      due: '2025-01-07',
      limit: '20 working days',
    })
  })

  it('gives a FOIA review 40 working days once any extension is on its clock: due Tue 4 Feb 2025', () => {
    const extended = subject('internal-review', 'foia', '2024-12-04', {
      events: [{ type: 'extended', extension: 'public-interest', until: iso('2025-02-04') }],
    })
    expect(deadlineOf(extended)).toMatchObject({ due: '2025-02-04', limit: '40 working days' })
  })

  it('gives an EIR reconsideration 40 working days', () => {
    expect(deadlineOf(subject('internal-review', 'eir', '2024-12-04'))?.due).toBe('2025-02-04')
  })

  it('refuses to extend an EIR reconsideration', () => {
    const extended = subject('internal-review', 'eir', '2024-12-04', {
      events: [{ type: 'extended', extension: 'eir-complex-and-voluminous' }],
    })
    expect(deadlineOfCase(uk, 'england-and-wales', extended)).toEqual({
      ok: false,
      error: [
        { field: 'regime', message: 'EIR reconsideration already has 40 working days (reg 11(4)) and no extension' },
      ],
    })
  })

  it('gives a FOISA review 20 working days on Scotland’s calendar, wherever the authority is', () => {
    // Easter Monday, 21 Apr 2025, is a working day in Scotland.
    expect(deadlineOf(subject('internal-review', 'foisa', '2025-04-01'), 'england-and-wales')?.due).toBe('2025-04-30')
  })

  it.each(DIVISIONS)('has none for subject access, which has no statutory review (%s)', (nation) => {
    expect(deadlineOfCase(uk, nation, subject('internal-review', 'sar', '2024-12-04'))).toEqual({
      ok: true,
      value: null,
    })
  })
})

describe('the deadline of a complaint to the regulator', () => {
  it.each(REGIMES)('has none under %s: the regulator sets its own time limits', (regime) => {
    expect(deadlineOfCase(uk, 'england-and-wales', subject('regulator-complaint', regime, '2024-12-04'))).toEqual({
      ok: true,
      value: null,
    })
  })
})

describe('whether a case is open', () => {
  it.each(CASE_STATES.map((state) => [state, !['responded', 'closed', 'withdrawn', 'lapsed'].includes(state)]))(
    '%s: open %s',
    (state, open) => {
      expect(isOpen(state)).toBe(open)
    },
  )
})
