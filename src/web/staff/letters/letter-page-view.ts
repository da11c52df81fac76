import type { CheckFinding, CheckReport } from '../../../domain/decisions/refusal-notice-check.ts'
import { LETTER_KINDS, type LetterKind } from '../../../domain/letters/letter-document.ts'
import { LETTER_FORMATS, type LetterFormat } from '../../../letters/letter-renderer.ts'
import { renderLetterHtml } from '../../../letters/render-letter-html.ts'
import type { LetterDraft } from '../../../services/letters/letter.service.ts'
import type { ServiceError } from '../../../services/service-error.ts'
import { caseHref } from '../cases/case-list-view.ts'

/** What each kind of letter is called on the staff pages: "Preview the response letter". */
export const LETTER_NAMES: Readonly<Record<LetterKind, string>> = {
  acknowledgement: 'Acknowledgement letter',
  clarification: 'Clarification request',
  fees: 'Fees notice',
  extension: 'Public interest extension notice',
  response: 'Response letter',
  review: 'Internal review outcome letter',
}

export const letterHref = (reference: string, kind: LetterKind): string => `${caseHref(reference)}/letters/${kind}`

export const letterFileHref = (reference: string, kind: LetterKind, format: LetterFormat): string =>
  `${letterHref(reference, kind)}.${format}`

/** `response`, `response.pdf`, `response.docx`: the kind of letter an address names, and the file asked for. */
export const readLetterAddress = (segment: string): { kind: LetterKind; format: LetterFormat | null } | null => {
  const match = /^([a-z]+)(?:\.([a-z]+))?$/.exec(segment)
  const kind = match?.[1]
  const format = match?.[2]
  if (kind === undefined || !(LETTER_KINDS as readonly string[]).includes(kind)) return null
  if (format !== undefined && !(LETTER_FORMATS as readonly string[]).includes(format)) return null
  return { kind: kind as LetterKind, format: (format as LetterFormat | undefined) ?? null }
}

/** "Part 2", "Parts 1 and 3", "Parts 1, 2 and 4"; the whole response when a finding names no part. */
export const partsInWords = (parts: readonly number[]): string => {
  if (parts.length === 0) return 'The whole response'
  if (parts.length === 1) return `Part ${parts[0] ?? ''}`
  return `Parts ${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`
}

export interface FindingView {
  /** Which parts it concerns, in words. */
  readonly where: string
  /** What is missing and what to do, without the parts again when the message starts with them. */
  readonly message: string
}

const findingView = (finding: CheckFinding): FindingView => {
  const where = partsInWords(finding.parts)
  const prefix = `${where}: `
  return {
    where,
    message: finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : finding.message,
  }
}

const plural = (count: number, one: string, many: string): string => `${count} ${count === 1 ? one : many}`

/** The refusal-notice check on the case page: the errors that stop approval, then the warnings, each by its parts. */
export const refusalCheckView = (report: CheckReport) => ({
  passes: report.passes,
  noProblems: report.findings.length === 0,
  errorsTitle: `${plural(report.errors, 'problem stops', 'problems stop')} the response being approved`,
  errors: report.findings.filter((finding) => finding.severity === 'error').map(findingView),
  warnings: report.findings.filter((finding) => finding.severity === 'warning').map(findingView),
})

/** Why a letter cannot be shown: the case's state, or a fact it needs. Not-found and forbidden go to their pages. */
export const letterUnavailableReason = (error: ServiceError): string | null => {
  switch (error.kind) {
    case 'refused':
      return error.message
    case 'invalid':
      return error.problems.map((problem) => problem.message).join('. ')
    case 'not-found':
    case 'forbidden':
    case 'conflict':
      return null
  }
}

/** The outcome letter's links on the case page, or why it cannot be written yet. */
export const caseLetterView = (
  reference: string,
  kind: LetterKind,
  drafted: { readonly ok: true } | { readonly ok: false; readonly reason: string | null },
) => {
  const name = LETTER_NAMES[kind].toLowerCase()
  return {
    name,
    available: drafted.ok,
    reason: drafted.ok ? null : drafted.reason,
    previewHref: letterHref(reference, kind),
    pdfHref: letterFileHref(reference, kind, 'pdf'),
    docxHref: letterFileHref(reference, kind, 'docx'),
  }
}

const common = (reference: string, kind: LetterKind) => ({
  activeNavigation: 'cases',
  reference,
  kind,
  letterName: LETTER_NAMES[kind],
  caseHref: caseHref(reference),
  letterHref: letterHref(reference, kind),
  editHref: `${letterHref(reference, kind)}/edit`,
  discardHref: `${letterHref(reference, kind)}/discard`,
})

/** The letter previewed in the page, with its downloads, and whether it was edited or has gone out. */
export const letterPageView = (input: {
  readonly reference: string
  readonly kind: LetterKind
  readonly draft: LetterDraft
  readonly mayEdit: boolean
}) => {
  const { reference, kind, draft } = input
  return {
    ...common(reference, kind),
    pageTitle: `${LETTER_NAMES[kind]} for ${reference}`,
    edited: draft.edited && !draft.issued,
    issued: draft.issued,
    sentOn: draft.letter.date,
    mayEdit: input.mayEdit && !draft.issued,
    pdfHref: letterFileHref(reference, kind, 'pdf'),
    docxHref: letterFileHref(reference, kind, 'docx'),
    letterHtml: renderLetterHtml(draft.letter),
  }
}

export interface FieldError {
  readonly text: string
  readonly href: string
}

/** The form to edit a letter's text: the text as it stands (or as sent back), and what is wrong with it. */
export const letterEditView = (input: {
  readonly reference: string
  readonly kind: LetterKind
  readonly text: string
  readonly edited: boolean
  readonly errors: readonly string[]
}) => {
  const { reference, kind } = input
  const errorList: FieldError[] = input.errors.map((text) => ({ text, href: '#text' }))
  return {
    ...common(reference, kind),
    pageTitle: `Edit the ${LETTER_NAMES[kind].toLowerCase()} for ${reference}`,
    text: input.text,
    edited: input.edited,
    errorList,
    textErrors: input.errors,
  }
}

/** A page that says why a letter cannot be shown or changed, with the way back to the case. */
export const letterProblemView = (input: {
  readonly reference: string
  readonly kind: LetterKind
  readonly heading: string
  readonly paragraphs: readonly string[]
}) => ({
  ...common(input.reference, input.kind),
  pageTitle: input.heading,
  heading: input.heading,
  paragraphs: input.paragraphs,
})
