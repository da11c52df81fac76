import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import type { UkCalendar } from '../../../domain/calendar/uk-calendar.ts'
import { CASE_KIND_NAMES, CASE_STATE_NAMES, CHANNEL_NAMES, LINK_KIND_NAMES } from '../../../domain/case/case.ts'
import { OUTCOME_NAMES } from '../../../domain/case/part.ts'
import { REQUESTER_TYPE_NAMES } from '../../../domain/case/requester.ts'
import { formatSkippedDay } from '../../../domain/deadlines/describe-day.ts'
import { REGIME_ABBREVIATIONS, REGIME_NAMES, type Regime } from '../../../domain/deadlines/regime.ts'
import type { CaseView } from '../../../services/cases/case.service.ts'
import { caseHref, STATE_TAG_CLASSES } from './case-list-view.ts'
import { caseClockInWords } from './clock-in-words.ts'
import { formatDayMonthYear, formatTimestamp, formatWeekdayDate } from './dates.ts'

/** One entry of the case's history, as the case service gives it. */
export interface HistoryEntry {
  readonly seq: number
  readonly at: string
  readonly by: string
  readonly action: string
  readonly name: string
}

/** Text as paragraphs of lines, so that the template can keep the writer's line breaks while escaping every line. */
export type TextBlock = readonly (readonly string[])[]

export const textBlock = (text: string): TextBlock =>
  text
    .replace(/\r\n?/g, '\n')
    .split(/\n(?:[ \t]*\n)+/)
    .map((paragraph) => paragraph.replace(/^\n+|\n+$/g, '').split('\n'))
    .filter((lines) => lines.some((line) => line.trim() !== ''))

/** What the audit trail's actions are called in a case's timeline; workflow moves have their names already. */
const HISTORY_NAMES: Readonly<Record<string, string>> = {
  'case.created': 'Case logged',
  'case.imported': 'Case imported',
  'case.details-updated': 'Details changed',
  'case.regime-changed': 'Law changed',
  'case.regime-change-reason': 'Reason for changing the law recorded',
  'case.parts-saved': 'Parts of the request saved',
  'case.links-saved': 'Related cases saved',
  'case.decisions-saved': 'Decisions on exemptions saved',
  'case.letter-edited': 'Letter edited',
  'case.letter-edit-discarded': 'Edit of the letter discarded',
  'case.letter-issued': 'Letter kept as sent',
}

const historyName = (entry: HistoryEntry): string =>
  HISTORY_NAMES[entry.action] ?? (entry.name === entry.action ? entry.action : entry.name)

/** "Freedom of Information Act 2000 (FOIA)"; a subject access request needs no abbreviation after it. */
const regimeText = (regime: Regime): string =>
  regime === 'sar' ? REGIME_NAMES[regime] : `${REGIME_NAMES[regime]} (${REGIME_ABBREVIATIONS[regime]})`

/**
 * The case page, as plain values: the summary, the clock with how the date was worked out, the request, the
 * requester (or why it is hidden), the parts, the related cases and the timeline, newest first.
 */
export const casePageView = (input: {
  readonly view: CaseView
  readonly officerName: string | null
  readonly mayseeRequester: boolean
  readonly history: readonly HistoryEntry[]
  /** References of linked cases that are in this organisation, so can be linked to. */
  readonly linkedCasesHere: ReadonlySet<string>
  readonly calendar: UkCalendar
  readonly today: IsoDate
}) => {
  const { view, calendar, today } = input
  const subject = view.case
  const clock = caseClockInWords(calendar, view.organisation.nation, today, subject)
  const deadline = view.deadline
  const requester = view.requester
  return {
    pageTitle: `Case ${subject.reference}`,
    activeNavigation: 'cases',
    reference: subject.reference,
    kind: CASE_KIND_NAMES[subject.kind],
    regime: regimeText(subject.regime),
    state: CASE_STATE_NAMES[subject.state],
    stateClasses: STATE_TAG_CLASSES[subject.state],
    received: formatWeekdayDate(subject.receivedOn),
    channel: CHANNEL_NAMES[subject.channel],
    officer: input.officerName ?? 'Not assigned',
    team: subject.team,
    respondedOn: subject.respondedOn === null ? null : formatWeekdayDate(subject.respondedOn),
    clock: { text: clock.text, overdue: clock.overdue },
    deadline:
      deadline === null
        ? null
        : {
            due: deadline.due === null ? null : formatWeekdayDate(deadline.due),
            limit: deadline.limit,
            refusalNoticeDue:
              deadline.refusalNoticeDue === undefined ? null : formatWeekdayDate(deadline.refusalNoticeDue),
            feeDueBy: deadline.feeDueBy === undefined ? null : formatWeekdayDate(deadline.feeDueBy),
            explanation: deadline.explanation,
            skipped: deadline.skipped.map(formatSkippedDay),
            warnings: deadline.warnings,
          },
    clockProblems: view.clockProblems.map((problem) => problem.message),
    requestText: textBlock(subject.requestText),
    requester: !input.mayseeRequester
      ? ({ hidden: true } as const)
      : requester === null
        ? ({ hidden: false, recorded: false } as const)
        : ({
            hidden: false,
            recorded: true,
            erased: requester.erasedAt === null ? null : formatDayMonthYear(requester.erasedAt.slice(0, 10) as IsoDate),
            name: requester.name,
            email: requester.email,
            postalAddress: requester.postalAddress === null ? null : requester.postalAddress.split(/\r?\n/),
            type: REQUESTER_TYPE_NAMES[requester.type],
          } as const),
    parts: subject.parts.map((part) => ({
      heading: `Part ${part.position}`,
      question: textBlock(part.question),
      outcome: part.outcome === null ? 'Not decided yet' : OUTCOME_NAMES[part.outcome],
      exemptions: part.exemptionIds,
      publishedLinks: part.publishedLinks.map((link) => ({
        title: link.title,
        url: link.url,
        publishedOn: link.publishedOn === null ? null : formatDayMonthYear(link.publishedOn as IsoDate),
      })),
      disclosureLogReference: part.disclosureLogReference,
      transferredTo: part.transferredTo,
      explanation: textBlock(part.explanation),
    })),
    links: subject.links.map((link) => ({
      kind: LINK_KIND_NAMES[link.kind],
      reference: link.reference,
      href: input.linkedCasesHere.has(link.reference) ? caseHref(link.reference) : null,
      note: link.note,
    })),
    timeline: [...input.history].reverse().map((entry) => ({
      when: formatTimestamp(entry.at),
      what: historyName(entry),
      by: entry.by,
    })),
  }
}
