/** How one part of a request was answered. */
export const OUTCOMES = [
  'disclosed-in-full',
  'disclosed-in-part',
  'withheld',
  'not-held',
  'already-published',
  'released-before',
  'neither-confirmed-nor-denied',
  'refused-cost-limit',
  'refused-vexatious-or-repeated',
  'transferred',
  'handled-under-another-regime',
] as const
export type Outcome = (typeof OUTCOMES)[number]

export const OUTCOME_NAMES: Readonly<Record<Outcome, string>> = {
  'disclosed-in-full': 'Disclosed in full',
  'disclosed-in-part': 'Disclosed in part',
  withheld: 'Withheld',
  'not-held': 'Not held',
  'already-published': 'Already published and reasonably accessible',
  'released-before': 'Released before',
  'neither-confirmed-nor-denied': 'Neither confirmed nor denied',
  'refused-cost-limit': 'Refused under the cost limit',
  'refused-vexatious-or-repeated': 'Refused as vexatious or repeated',
  transferred: 'Transferred to another authority',
  'handled-under-another-regime': 'Handled under another regime',
}

/** Outcomes that withhold something, so that the response must cite what it relies on. */
export const OUTCOMES_NEEDING_EXEMPTIONS: readonly Outcome[] = ['disclosed-in-part', 'withheld']

/** A link to information already published (FOIA s21): the date it went up, its title and where it is. */
export interface PublishedLink {
  readonly title: string
  readonly url: string
  readonly publishedOn: string | null
}

/** One question within a request, and how it was answered. */
export interface Part {
  readonly id: string
  /** Where the part comes in the request, from 1. */
  readonly position: number
  /** What was asked, in the requester's words or a short summary ("Microsoft"). */
  readonly question: string
  /** Null until the officer decides. */
  readonly outcome: Outcome | null
  /** already-published: where the information is. */
  readonly publishedLinks: readonly PublishedLink[]
  /** released-before: the disclosure-log reference, e.g. IC-311642-V7P8. */
  readonly disclosureLogReference: string | null
  /** transferred / handled-under-another-regime: to whom, or which regime. */
  readonly transferredTo: string | null
  /** Catalogue ids of the exemptions relied on (the decisions issue validates them), e.g. `foia-s40-2`. */
  readonly exemptionIds: readonly string[]
  /** Ids of the documents in scope. */
  readonly documentIds: readonly string[]
  /** The officer's own words: "As Meta proactively contacted us there is no equivalent letter." */
  readonly explanation: string
}

export interface PartProblem {
  readonly field:
    'question' | 'outcome' | 'publishedLinks' | 'disclosureLogReference' | 'transferredTo' | 'exemptionIds'
  readonly message: string
}

/** What a part's outcome still needs before a response can go: each problem names the field to fix. */
export const checkPartIsDecided = (part: Part): PartProblem[] => {
  const label = `Part ${part.position}`
  if (part.outcome === null) return [{ field: 'outcome', message: `${label}: choose an outcome` }]
  const problems: PartProblem[] = []
  switch (part.outcome) {
    case 'already-published':
      if (part.publishedLinks.length === 0) {
        problems.push({ field: 'publishedLinks', message: `${label}: add the link to where it is published` })
      }
      break
    case 'released-before':
      if (part.disclosureLogReference === null) {
        problems.push({
          field: 'disclosureLogReference',
          message: `${label}: enter the disclosure-log reference of the earlier release`,
        })
      }
      break
    case 'transferred':
    case 'handled-under-another-regime':
      if (part.transferredTo === null) {
        problems.push({ field: 'transferredTo', message: `${label}: say where it went` })
      }
      break
    case 'disclosed-in-part':
    case 'withheld':
      if (part.exemptionIds.length === 0) {
        problems.push({ field: 'exemptionIds', message: `${label}: choose the exemptions relied on` })
      }
      break
    case 'disclosed-in-full':
    case 'not-held':
    case 'neither-confirmed-nor-denied':
    case 'refused-cost-limit':
    case 'refused-vexatious-or-repeated':
      break
  }
  return problems
}
