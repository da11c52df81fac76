import type { IsoDate } from '../../../domain/calendar/calendar-date.ts'
import type { UkCalendar } from '../../../domain/calendar/uk-calendar.ts'
import type { Role } from '../../../domain/access/role.ts'
import { CASE_STATE_NAMES, type CaseState, type CaseSummary } from '../../../domain/case/case.ts'
import type { Organisation } from '../../../domain/case/organisation.ts'
import { isRegime, REGIME_ABBREVIATIONS, REGIMES, type Regime } from '../../../domain/deadlines/regime.ts'
import { caseClockInWords } from './clock-in-words.ts'
import { formatDayMonthYear } from './dates.ts'

/** The lists of cases an officer can switch between: links that work without JavaScript. */
export const CASE_LISTS = ['mine', 'due-soon', 'all-open'] as const
export type CaseList = (typeof CASE_LISTS)[number]

export const CASE_LIST_NAMES: Readonly<Record<CaseList, string>> = {
  mine: 'My open cases',
  'due-soon': 'Due in the next 5 working days',
  'all-open': 'All open cases',
}

const CASE_LIST_EMPTY: Readonly<Record<CaseList, string>> = {
  mine: 'You have no open cases.',
  'due-soon': 'None of your cases is due in the next 5 working days.',
  'all-open': 'Your organisation has no open cases.',
}

/** The most cases one page lists. Paging comes with the dashboard; until then the list says it stopped. */
export const CASE_LIST_LIMIT = 500

/** The colour of each state's tag (GOV.UK tag modifiers). */
export const STATE_TAG_CLASSES: Readonly<Record<CaseState, string>> = {
  received: 'govuk-tag--blue',
  'in-progress': 'govuk-tag--light-blue',
  'awaiting-clarification': 'govuk-tag--yellow',
  'awaiting-fee': 'govuk-tag--yellow',
  'awaiting-approval': 'govuk-tag--purple',
  approved: 'govuk-tag--turquoise',
  responded: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
  withdrawn: 'govuk-tag--grey',
  lapsed: 'govuk-tag--grey',
}

export interface CaseListFilter {
  readonly show: CaseList
  /** Null for every law. */
  readonly regime: Regime | null
}

/** Someone with no caseworking role (an auditor) is never assigned cases, so starts on every open case. */
export const defaultCaseList = (roles: readonly Role[]): CaseList =>
  roles.some((role) => role !== 'auditor') ? 'mine' : 'all-open'

const firstText = (value: unknown): string => {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

/** Reads `?show=…&regime=…`; a value that is not one of the choices reads as the default, not an error. */
export const readCaseListFilter = (query: Record<string, unknown>, fallback: CaseList): CaseListFilter => {
  const show = firstText(query['show'])
  const regime = firstText(query['regime'])
  return {
    show: (CASE_LISTS as readonly string[]).includes(show) ? (show as CaseList) : fallback,
    regime: isRegime(regime) ? regime : null,
  }
}

export interface CaseRow {
  readonly reference: string
  readonly href: string
  readonly regime: string
  readonly received: string
  readonly due: string
  readonly clock: string
  readonly overdue: boolean
  readonly state: string
  readonly stateClasses: string
}

/** The law's short name as a label: "FOIA", "Subject access". */
export const regimeLabel = (regime: Regime): string => {
  const name = REGIME_ABBREVIATIONS[regime]
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** The address of a case's page. */
export const caseHref = (reference: string): string => `/cases/${encodeURIComponent(reference)}`

const listHref = (show: CaseList, regime: Regime | null): string =>
  `/cases?${new URLSearchParams({ show, ...(regime === null ? {} : { regime }) }).toString()}`

/**
 * The cases page: the lists to switch between, the law filter, and a row a case, soonest due first (stopped
 * clocks, which have no due date, last).
 */
export const caseListView = (input: {
  readonly filter: CaseListFilter
  readonly cases: readonly CaseSummary[]
  readonly calendar: UkCalendar
  readonly organisation: Organisation
  readonly today: IsoDate
}) => {
  const { filter, calendar, organisation, today } = input
  const shown = input.cases.slice(0, CASE_LIST_LIMIT)
  const rows = shown
    .map((subject) => ({ subject, clock: caseClockInWords(calendar, organisation.nation, today, subject) }))
    .sort((a, b) => {
      const left = a.clock.due ?? '9999-12-31'
      const right = b.clock.due ?? '9999-12-31'
      return left < right ? -1 : left > right ? 1 : a.subject.reference < b.subject.reference ? -1 : 1
    })
    .map(({ subject, clock }): CaseRow => ({
      reference: subject.reference,
      href: caseHref(subject.reference),
      regime: regimeLabel(subject.regime),
      received: formatDayMonthYear(subject.receivedOn),
      due: clock.due === null ? 'Not set' : formatDayMonthYear(clock.due),
      clock: clock.text,
      overdue: clock.overdue,
      state: CASE_STATE_NAMES[subject.state],
      stateClasses: STATE_TAG_CLASSES[subject.state],
    }))
  const heading = CASE_LIST_NAMES[filter.show]
  return {
    pageTitle: filter.regime === null ? `Cases: ${heading}` : `Cases: ${heading} (${regimeLabel(filter.regime)})`,
    activeNavigation: 'cases',
    organisationName: organisation.name,
    show: filter.show,
    regime: filter.regime ?? '',
    lists: CASE_LISTS.map((list) => ({
      text: CASE_LIST_NAMES[list],
      href: listHref(list, filter.regime),
      current: list === filter.show,
    })),
    regimeItems: [
      { value: '', text: 'Any law', selected: filter.regime === null },
      ...REGIMES.map((regime) => ({ value: regime, text: regimeLabel(regime), selected: regime === filter.regime })),
    ],
    caption: `${heading}: ${rows.length === 1 ? '1 case' : `${rows.length} cases`}`,
    rows,
    emptyText: filter.regime === null ? CASE_LIST_EMPTY[filter.show] : 'No cases under this law match.',
    truncated: input.cases.length > CASE_LIST_LIMIT,
    limit: CASE_LIST_LIMIT,
  }
}
