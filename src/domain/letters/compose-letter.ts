import { dayNumberOfIso, formatLongDate, type IsoDate } from '../calendar/calendar-date.ts'
import type { Case } from '../case/case.ts'
import type { Organisation } from '../case/organisation.ts'
import type { Part } from '../case/part.ts'
import type { Requester } from '../case/requester.ts'
import { REGIME_PROVISIONS, type RegimeProvisions } from '../decisions/regime-letters.ts'
import type { Deadline } from '../deadlines/deadline.ts'
import { findExemption } from '../exemptions/catalogue.ts'
import { fail, ok, type Result } from '../result.ts'
import { citeDecision, exemptionSection, listInWords } from './exemption-section.ts'
import {
  heading,
  link,
  paragraph,
  strong,
  text,
  type Block,
  type Inline,
  type LetterDocument,
  type LetterKind,
} from './letter-document.ts'

/**
 * Letters composed from a case: what the officer recorded, in the words the seeds use. Pure: the deadlines the
 * letter states are worked out by the caller and passed in.
 */

export interface LetterFacts {
  readonly case: Case
  readonly organisation: Organisation
  /** Null for an applicant-blind view or when nobody is recorded: the letter then has no addressee. */
  readonly requester: Requester | null
  /** The date the letter bears. */
  readonly date: IsoDate
  /** The case's response deadline, for an acknowledgement and an extension notice. */
  readonly deadline: Deadline | null
  /** The last day to ask for a review, counted from the letter's date (40 working days by default). */
  readonly reviewRequestDue: IsoDate | null
  /** What the officer adds: the question for a clarification, the fee and how it was worked out. */
  readonly note?: string
  /** For a fees notice: the amount in pounds. */
  readonly feePounds?: number
  /** For an internal review's outcome: upheld, partly upheld or overturned. */
  readonly reviewOutcome?: 'upheld' | 'partly-upheld' | 'overturned'
}

export interface LetterRefusal {
  readonly code: 'kind-not-for-this-case' | 'missing-fact'
  readonly message: string
}

const long = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))
/** "29 October 2024": a letter's date, as the seeds print it (no weekday). */
const letterDate = (date: IsoDate): string => long(date).replace(/^\w+day /, '')

const paragraphs = (words: string): Block[] =>
  words
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => paragraph(text(chunk.replace(/\s*\n\s*/g, ' '))))

const linkOr = (words: string, url: string): Inline => (url.trim() === '' ? text(words) : link(words, url))

const requestQuoted = (
  facts: LetterFacts,
  intro = `We received your request on ${letterDate(facts.case.receivedOn)}. You asked us for the following:`,
): Block[] => [
  heading(2, 'Request'),
  paragraph(text(intro)),
  {
    kind: 'quote',
    paragraphs: facts.case.requestText
      .split(/\n\s*\n/)
      .map((chunk) => chunk.trim())
      .filter((chunk) => chunk !== '')
      .map((chunk): readonly Inline[] => [text(chunk)]),
  },
]

const handledUnder = (provisions: RegimeProvisions, tense: 'are handling' | 'have handled' = 'have handled'): Block =>
  paragraph(
    text(
      `We ${tense} your request for recorded information under ${provisions.lawName} (${provisions.lawAbbreviation}).`,
    ),
  )

/** What the letter says of one part's outcome. */
const partParagraphs = (facts: LetterFacts, part: Part, provisions: RegimeProvisions): Block[] => {
  const cited = part.exemptionIds.flatMap((id) => {
    const exemption = findExemption(id)
    if (exemption === undefined) return []
    const decision = facts.case.exemptionDecisions.find((candidate) => candidate.exemptionId === id)
    return [decision === undefined ? exemption.citation : citeDecision(exemption, decision)]
  })
  const under = cited.length > 0 ? ` under ${listInWords(cited)} of the ${provisions.lawAbbreviation}` : ''
  const further = cited.length > 0 ? ' Further detail on the exemptions is given below.' : ''
  const blocks: Block[] = []
  if (facts.case.parts.length > 1) blocks.push(paragraph(strong(`Part ${part.position}: ${part.question}`)))
  switch (part.outcome) {
    case 'already-published':
      blocks.push(paragraph(text('We have published information on this, at the links below.')))
      blocks.push({
        kind: 'list',
        items: part.publishedLinks.map((published): readonly Inline[] => [
          ...(published.publishedOn === null ? [] : [text(`${letterDate(published.publishedOn as IsoDate)}: `)]),
          link(published.title, published.url),
        ]),
      })
      break
    case 'released-before': {
      const logUrl = facts.organisation.letters.disclosureLogUrl
      blocks.push(
        paragraph(
          text('We have released this information before. It is available on our '),
          linkOr('disclosure log', logUrl),
          text(` under ${part.disclosureLogReference ?? 'its earlier reference'}.`),
        ),
      )
      break
    }
    case 'disclosed-in-full':
      blocks.push(paragraph(text('We have disclosed the information you asked for: it is enclosed with this letter.')))
      break
    case 'disclosed-in-part':
      blocks.push(
        paragraph(
          text(
            `We have disclosed some of the information: it is enclosed with this letter. Some of it has been redacted${under}.${further}`,
          ),
        ),
      )
      break
    case 'withheld':
      blocks.push(paragraph(text(`We hold this information, but we are withholding it${under}.${further}`)))
      break
    case 'not-held':
      blocks.push(paragraph(text('We do not hold information within the scope of this part of your request.')))
      break
    case 'neither-confirmed-nor-denied':
      blocks.push(
        paragraph(text(`We can neither confirm nor deny whether we hold this information${under}.${further}`)),
      )
      break
    case 'refused-cost-limit':
      blocks.push(
        paragraph(text(`We cannot answer this part within the cost limit, so we are refusing it${under}.${further}`)),
      )
      break
    case 'refused-vexatious-or-repeated':
      blocks.push(paragraph(text(`We are refusing this part${under}.${further}`)))
      break
    case 'transferred':
      blocks.push(
        paragraph(
          text(
            `We have transferred this part of your request to ${part.transferredTo ?? 'another authority'}, which holds the information.`,
          ),
        ),
      )
      break
    case 'handled-under-another-regime':
      blocks.push(paragraph(text(`We are handling this part under ${part.transferredTo ?? 'another law'}.`)))
      break
    case null:
      blocks.push(paragraph(text('[Outcome not yet decided]')))
      break
  }
  blocks.push(...paragraphs(part.explanation))
  return blocks
}

const nextSteps = (facts: LetterFacts, provisions: RegimeProvisions, afterReview: boolean): Block[] => {
  const letters = facts.organisation.letters
  const blocks: Block[] = [heading(2, 'Next steps')]
  if (!afterReview) {
    const by = facts.reviewRequestDue === null ? '' : `, by ${letterDate(facts.reviewRequestDue)} at the latest`
    blocks.push(
      paragraph(
        text(
          `You can ask us to review our response. Please let us know in writing if you want us to carry out a review, within 40 working days of the date of this letter${by}.`,
        ),
      ),
      paragraph(
        text('You can read a copy of our full '),
        linkOr('review procedure', letters.reviewProcedureUrl),
        text(' on our website.'),
      ),
    )
  }
  const complaint =
    facts.case.regime === 'foisa'
      ? `If you remain dissatisfied ${afterReview ? 'with this review' : 'after a review'}, you can apply to ${provisions.regulator} for a decision, under ${provisions.complaint}, normally within six months of receiving our review’s outcome.`
      : `If ${afterReview ? 'you remain dissatisfied with this review' : 'we perform a review but you remain dissatisfied'}, you can complain to ${provisions.regulator}, who regulates ${provisions.lawName}, under ${provisions.complaint}.`
  blocks.push(paragraph(text(complaint)))
  blocks.push(
    paragraph(
      text('You can '),
      linkOr('raise a complaint', letters.complaintUrl),
      text(' through the regulator’s website.'),
    ),
  )
  return blocks
}

const yourInformation = (facts: LetterFacts): Block[] => {
  const letters = facts.organisation.letters
  if (letters.privacyNoticeUrl === '' && letters.retentionPolicyUrl === '') return []
  const content: Inline[] = []
  if (letters.privacyNoticeUrl !== '') {
    content.push(
      text('Our '),
      link('privacy notice', letters.privacyNoticeUrl),
      text(' explains what we do with the personal data you give us, and sets out your rights.'),
    )
  }
  if (letters.retentionPolicyUrl !== '') {
    content.push(
      text(`${content.length > 0 ? ' ' : ''}Our `),
      link('retention and disposal policy', letters.retentionPolicyUrl),
      text(' says how long we keep information.'),
    )
  }
  return [heading(2, 'Your information'), paragraph(...content)]
}

const letterhead = (facts: LetterFacts, kind: LetterKind, title: string, blocks: Block[]): LetterDocument => {
  const letters = facts.organisation.letters
  return {
    kind,
    title,
    language: 'en-GB',
    sender: {
      name: facts.organisation.name,
      teamName: letters.teamName,
      addressLines: letters.postalAddress
        .split(/\n|,(?=\s)/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      telephone: letters.telephone === '' ? null : letters.telephone,
      website: letters.website === '' ? null : letters.website,
    },
    recipient:
      facts.requester === null || facts.requester.erasedAt !== null
        ? null
        : {
            name: facts.requester.name,
            addressLines:
              facts.requester.postalAddress !== null
                ? facts.requester.postalAddress
                    .split('\n')
                    .map((line) => line.trim())
                    .filter((line) => line !== '')
                : facts.requester.email !== null
                  ? [facts.requester.email]
                  : [],
          },
    date: letterDate(facts.date),
    referenceLine: `Case reference: ${facts.case.reference}`,
    blocks,
    signOff: ['Yours sincerely', letters.teamName, facts.organisation.name],
  }
}

/** The response: the request quoted, each part's answer, a section per exemption, next steps, your information. */
const composeResponse = (facts: LetterFacts, provisions: RegimeProvisions, review: boolean): LetterDocument => {
  const subject = facts.case
  const blocks: Block[] = []
  if (review) {
    const of = subject.links.find((candidate) => candidate.kind === 'review-of')
    const outcome =
      facts.reviewOutcome === 'overturned'
        ? 'We have overturned our original response.'
        : facts.reviewOutcome === 'partly-upheld'
          ? 'We have upheld our original response in part.'
          : 'We have upheld our original response.'
    blocks.push(
      paragraph(
        text(
          `We have completed the internal review you asked for on ${letterDate(subject.receivedOn)}${of === undefined ? '' : ` of our response to your request ${of.reference}`}. ${outcome}`,
        ),
      ),
    )
    blocks.push(...paragraphs(facts.note ?? ''))
  } else {
    blocks.push(
      paragraph(
        text(`We are now in a position to respond to your information request of ${letterDate(subject.receivedOn)}.`),
      ),
      ...requestQuoted(facts),
      handledUnder(provisions),
    )
  }
  blocks.push(heading(2, review ? 'Our review' : 'Our response'))
  for (const part of subject.parts) blocks.push(...partParagraphs(facts, part, provisions))

  // A section for each exemption relied on, in the order the parts first cite them.
  const order: string[] = []
  for (const part of subject.parts) for (const id of part.exemptionIds) if (!order.includes(id)) order.push(id)
  for (const id of order) {
    const decision = subject.exemptionDecisions.find((candidate) => candidate.exemptionId === id)
    if (decision === undefined) continue
    const relying = subject.parts.filter((part) => part.exemptionIds.includes(id))
    const positions = subject.parts.length > 1 ? relying.map((part) => part.position) : []
    blocks.push(...exemptionSection(decision, provisions, positions))
  }
  blocks.push(paragraph(text('This concludes our response to your request.')))
  blocks.push(...nextSteps(facts, provisions, review), ...yourInformation(facts))
  return letterhead(
    facts,
    review ? 'review' : 'response',
    `${review ? 'Internal review' : 'Response to your request'} ${subject.reference}`,
    blocks,
  )
}

const composeAcknowledgement = (
  facts: LetterFacts,
  provisions: RegimeProvisions,
): Result<LetterDocument, LetterRefusal> => {
  const deadline = facts.deadline
  if (deadline === null || deadline.due === null) {
    return fail({
      code: 'missing-fact',
      message: 'The case has no running deadline to tell the requester: check its clock',
    })
  }
  const blocks: Block[] = [
    paragraph(
      text(`Thank you for your request for information, which we received on ${letterDate(facts.case.receivedOn)}.`),
    ),
    ...requestQuoted(facts, 'You asked us for the following:'),
    handledUnder(provisions, 'are handling'),
    heading(2, 'When we will respond'),
    paragraph(text('We will respond by '), strong(letterDate(deadline.due)), text('.')),
    paragraph(text('How we worked this out:')),
    { kind: 'list', items: deadline.explanation.map((line): readonly Inline[] => [text(line)]) },
    ...paragraphs(facts.note ?? ''),
    ...yourInformation(facts),
  ]
  return ok(letterhead(facts, 'acknowledgement', `Acknowledgement of your request ${facts.case.reference}`, blocks))
}

const composeClarification = (
  facts: LetterFacts,
  provisions: RegimeProvisions,
): Result<LetterDocument, LetterRefusal> => {
  if ((facts.note ?? '').trim() === '') {
    return fail({ code: 'missing-fact', message: 'Write what you need the requester to clarify' })
  }
  const blocks: Block[] = [
    ...requestQuoted(facts),
    heading(2, 'What we need from you'),
    ...paragraphs(facts.note ?? ''),
    paragraph(
      text(
        facts.case.regime === 'eir'
          ? 'We will start work on your request when we hear from you. Under regulation 9 of the EIR, the time we have to respond runs from the day we receive your clarification.'
          : `We will start work on your request when we hear from you: the 20 working days we have to respond (${provisions.lawAbbreviation}) run from the day we receive your clarification. If we do not hear from you within three months, we will treat the request as withdrawn.`,
      ),
    ),
    ...yourInformation(facts),
  ]
  return ok(letterhead(facts, 'clarification', `Clarifying your request ${facts.case.reference}`, blocks))
}

const composeFees = (facts: LetterFacts, provisions: RegimeProvisions): Result<LetterDocument, LetterRefusal> => {
  if (facts.feePounds === undefined || facts.feePounds <= 0) {
    return fail({ code: 'missing-fact', message: 'Enter the fee to charge, in pounds' })
  }
  const blocks: Block[] = [
    ...requestQuoted(facts),
    heading(2, 'The fee'),
    paragraph(
      text(`Before we can answer your request, we must ask you to pay a fee of £${facts.feePounds.toFixed(2)}.`),
    ),
    ...paragraphs(facts.note ?? ''),
    paragraph(
      text(
        `We do not have to answer the request until the fee is paid, and the time we have to respond stops until we receive it. If it is not paid within three months of the date of this letter, we will not answer the request (${provisions.lawAbbreviation === 'FOIA' ? 'section 9(2) of the FOIA' : provisions.lawAbbreviation}).`,
      ),
    ),
    ...nextSteps(facts, provisions, false),
  ]
  return ok(letterhead(facts, 'fees', `Fees notice for your request ${facts.case.reference}`, blocks))
}

const composeExtension = (facts: LetterFacts, provisions: RegimeProvisions): Result<LetterDocument, LetterRefusal> => {
  const extension = facts.case.clock.events.find(
    (event) => event.type === 'extended' && event.extension === 'public-interest',
  )
  const until = extension !== undefined && 'until' in extension ? extension.until : null
  if (until === null) {
    return fail({
      code: 'missing-fact',
      message: 'Record the public interest extension on the case’s clock, with the date you expect to respond by',
    })
  }
  const considered = [
    ...new Set(facts.case.parts.flatMap((part) => part.exemptionIds).map((id) => findExemption(id)?.citation ?? id)),
  ]
  const blocks: Block[] = [
    ...requestQuoted(facts),
    heading(2, 'More time to consider the public interest'),
    paragraph(
      text(
        `We hold information within the scope of your request that we consider may be exempt${considered.length > 0 ? ` under ${listInWords(considered)} of the ${provisions.lawAbbreviation}` : ''}. ${considered.length === 1 ? 'This is a qualified exemption' : 'These are qualified exemptions'}, so we must weigh the public interest in withholding the information against the public interest in disclosing it.`,
      ),
    ),
    paragraph(
      text(`We have not yet reached a decision on the balance of the public interest. We expect to do so by `),
      strong(letterDate(until)),
      text('.'),
    ),
    ...paragraphs(facts.note ?? ''),
    ...nextSteps(facts, provisions, false),
  ]
  return ok(letterhead(facts, 'extension', `More time to answer your request ${facts.case.reference}`, blocks))
}

/** The letter of `kind` for the case, or why that kind makes no sense for it now. */
export const composeLetter = (facts: LetterFacts, kind: LetterKind): Result<LetterDocument, LetterRefusal> => {
  const subject = facts.case
  if (subject.regime === 'sar') {
    return fail({
      code: 'kind-not-for-this-case',
      message: 'Subject access letters are not written by Disclose yet: it writes FOIA, EIR and FOISA letters',
    })
  }
  const provisions = REGIME_PROVISIONS[subject.regime]
  const refuse = (message: string) => fail<LetterRefusal>({ code: 'kind-not-for-this-case', message })
  switch (kind) {
    case 'acknowledgement':
      if (subject.kind === 'regulator-complaint')
        return refuse('A complaint to the regulator is not acknowledged by letter to the requester')
      return composeAcknowledgement(facts, provisions)
    case 'clarification':
      if (subject.kind !== 'request') return refuse('Only a request can be clarified')
      if (!['received', 'in-progress', 'awaiting-clarification'].includes(subject.state)) {
        return refuse(`The case is ${subject.state}: a clarification is asked for before the response`)
      }
      return composeClarification(facts, provisions)
    case 'fees':
      if (subject.kind !== 'request') return refuse('Only a request can carry a fee')
      if (subject.regime === 'foisa' || subject.regime === 'foia' || subject.regime === 'eir') {
        if (!['received', 'in-progress', 'awaiting-fee'].includes(subject.state)) {
          return refuse(`The case is ${subject.state}: a fees notice goes before the response`)
        }
      }
      return composeFees(facts, provisions)
    case 'extension':
      if (subject.kind !== 'request') return refuse('Only a request’s deadline can be extended for the public interest')
      if (subject.regime === 'eir') {
        return refuse(
          'The EIR have no public interest extension: a complex and voluminous request gets 40 working days instead (regulation 7)',
        )
      }
      if (!['in-progress', 'awaiting-approval', 'approved'].includes(subject.state)) {
        return refuse(
          `The case is ${subject.state}: a public interest extension is given while the request is being worked on`,
        )
      }
      return composeExtension(facts, provisions)
    case 'response':
      if (subject.kind !== 'request')
        return refuse('A response answers a request: use the review letter for an internal review')
      if (subject.parts.length === 0)
        return refuse('The case has no parts yet: record what was asked and how each part is answered')
      if (['received', 'awaiting-clarification', 'awaiting-fee', 'withdrawn', 'lapsed'].includes(subject.state)) {
        return refuse(`The case is ${subject.state}: a response is written once the work has started`)
      }
      return ok(composeResponse(facts, provisions, false))
    case 'review':
      if (subject.kind !== 'internal-review')
        return refuse('A review letter answers an internal review: this case is not one')
      if (subject.parts.length === 0) return refuse('The review has no parts yet: record how each part is answered now')
      return ok(composeResponse(facts, provisions, true))
  }
}
