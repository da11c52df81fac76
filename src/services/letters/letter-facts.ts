import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { UkCalendar } from '../../domain/calendar/uk-calendar.ts'
import type { Case } from '../../domain/case/case.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import type { Requester } from '../../domain/case/requester.ts'
import type { Deadline } from '../../domain/deadlines/deadline.ts'
import { computeReviewDeadline } from '../../domain/deadlines/review-deadlines.ts'
import type { LetterFacts } from '../../domain/letters/compose-letter.ts'

/** What the officer adds to a letter, beyond what the case holds. */
export interface LetterOptions {
  /** The date the letter bears; by default the day of the response if there was one, else today. */
  readonly date?: IsoDate
  readonly note?: string
  readonly feePounds?: number
  readonly reviewOutcome?: 'upheld' | 'partly-upheld' | 'overturned'
}

/**
 * The facts a letter is composed from: the case as stored, its organisation and requester, and the dates worked out
 * now — the response deadline, and the last day to ask for a review, counted from the letter's date.
 */
export const letterFactsFor = (
  found: {
    readonly case: Case
    readonly organisation: Organisation
    readonly requester: Requester | null
    readonly deadline: Deadline | null
  },
  calendar: UkCalendar,
  today: IsoDate,
  options: LetterOptions,
): LetterFacts => {
  const subject = found.case
  const date = options.date ?? subject.respondedOn ?? today
  let reviewRequestDue: IsoDate | null = null
  if (subject.regime !== 'sar') {
    const window = computeReviewDeadline(calendar, { regime: subject.regime, clock: 'review-window', from: date })
    reviewRequestDue = window.ok ? window.value.due : null
  }
  return {
    case: subject,
    organisation: found.organisation,
    requester: found.requester,
    date,
    deadline: found.deadline,
    reviewRequestDue,
    ...(options.note === undefined ? {} : { note: options.note }),
    ...(options.feePounds === undefined ? {} : { feePounds: options.feePounds }),
    ...(options.reviewOutcome === undefined ? {} : { reviewOutcome: options.reviewOutcome }),
  }
}
