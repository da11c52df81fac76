import { dayNumberOfIso, formatLongDate } from '../calendar/calendar-date.ts'
import { statusAsRelied } from '../decisions/refusal-notice-check.ts'
import {
  COST_ACTIVITY_NAMES,
  costOfEstimate,
  PREJUDICE_LEVEL_WORDS,
  type ExemptionDecision,
} from '../decisions/exemption-decision.ts'
import { findExemption, findRouteOption } from '../exemptions/catalogue.ts'
import type { Exemption, ExemptionRouteOption } from '../exemptions/exemption.ts'
import type { RegimeProvisions } from '../decisions/regime-letters.ts'
import { heading, paragraph, text, type Block, type Inline } from './letter-document.ts'

/**
 * One exemption's section of a response letter, as the seeds write it: the provision and the route to it, the
 * statute's words, why it applies, the prejudice, and for a qualified one the public interest on both sides and the
 * conclusion — or, for an absolute one, that no public interest test applies.
 */

const longDate = (iso: string): string => formatLongDate(dayNumberOfIso(iso as Parameters<typeof dayNumberOfIso>[0]))

/** "and" between the last two: "31(2)(a) and (c)", "a, b and c". */
export const listInWords = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`

/** "section 31(2)(a) and section 31(2)(c)" → "section 31(2)(a) and (c)": the seeds' way of naming sibling routes. */
const joinRouteCitations = (options: readonly ExemptionRouteOption[]): string => {
  const citations = options.map((option) => option.citation)
  const first = citations[0]
  if (first === undefined) return ''
  const stem = first.replace(/\([a-zA-Z0-9]+\)$/, '')
  const siblings =
    stem !== first &&
    citations.every((citation) => /^\([a-zA-Z0-9]+\)$/.test(citation.slice(stem.length)) && citation.startsWith(stem))
  return siblings
    ? listInWords([first, ...citations.slice(1).map((citation) => citation.slice(stem.length))])
    : listInWords(citations)
}

const routeOptionsOf = (exemption: Exemption, decision: ExemptionDecision): ExemptionRouteOption[] =>
  decision.routeCodes.flatMap((code) => {
    const option = findRouteOption(exemption, code)
    return option === undefined ? [] : [option]
  })

/** The provision as the letter cites it, with its route: "section 40(2) by virtue of section 40(3A)(a)". */
export const citeDecision = (exemption: Exemption, decision: ExemptionDecision): string => {
  const options = routeOptionsOf(exemption, decision)
  return exemption.route !== undefined && options.length > 0
    ? `${exemption.citation} ${exemption.route.connective} ${joinRouteCitations(options)}`
    : exemption.citation
}

/** A route given in words (the enactment behind section 44(1)(a)), as a sentence of the letter. */
const routeInWords = (exemption: Exemption, decision: ExemptionDecision): Block[] => {
  const words = (decision.routeText ?? '').trim().replace(/\.$/, '')
  if (exemption.route === undefined || words === '') return []
  const sentence = /prohibit/i.test(exemption.statutoryWords)
    ? `In this case, disclosure is prohibited by ${words}.`
    : `${exemption.route.connective.charAt(0).toUpperCase()}${exemption.route.connective.slice(1)}: ${words}.`
  return [paragraph(text(sentence))]
}

/** "Section 31 FOIA", "Regulation 12(5)(b) EIR": the heading of the exemption's section. */
export const sectionHeading = (exemption: Exemption, provisions: RegimeProvisions): string => {
  const main = exemption.citation.match(/^(section|regulation) (\d+[A-Z]?)/)
  const named = exemption.regime === 'eir' ? exemption.citation : (main?.[0] ?? exemption.citation)
  return `${named.charAt(0).toUpperCase()}${named.slice(1)} ${provisions.lawAbbreviation}`
}

const paragraphs = (words: string): Block[] =>
  words
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => paragraph(text(chunk.replace(/\s*\n\s*/g, ' '))))

const bullets = (items: readonly string[]): Block => ({
  kind: 'list',
  items: items.map((item): readonly Inline[] => [text(item)]),
})

const quote = (words: string): Block => ({ kind: 'quote', paragraphs: [[text(words)]] })

export const exemptionSection = (
  decision: ExemptionDecision,
  provisions: RegimeProvisions,
  /** The parts that rely on it, by position; empty when the request is not in parts. */
  partPositions: readonly number[],
): Block[] => {
  const partLabels =
    partPositions.length === 0
      ? []
      : [`${partPositions.length === 1 ? 'part' : 'parts'} ${listInWords(partPositions.map(String))}`]
  const exemption = findExemption(decision.exemptionId)
  if (exemption === undefined) return []
  const blocks: Block[] = [heading(3, sectionHeading(exemption, provisions))]
  const cited = citeDecision(exemption, decision)
  const law = provisions.lawAbbreviation
  const covering = partLabels.length > 0 ? ` (${listInWords(partLabels)})` : ''
  const main = exemption.citation.match(/^(section|regulation) \d+[A-Z]?/)?.[0] ?? exemption.citation
  const mainCapitalised = `${main.charAt(0).toUpperCase()}${main.slice(1)}`

  switch (exemption.kind) {
    case 'cost-limit': {
      blocks.push(
        paragraph(
          text(
            `We are refusing ${partLabels.length > 0 ? listInWords(partLabels).toLowerCase() : 'your request'} under ${cited} of the ${law}: ${exemption.statutoryWords}`,
          ),
        ),
      )
      const estimate = decision.costEstimate
      if (estimate !== null) {
        const { hours, pounds } = costOfEstimate(estimate)
        blocks.push(
          paragraph(
            text(
              'The Freedom of Information and Data Protection (Appropriate Limit and Fees) Regulations 2004 let us count only the time it would take to find out whether we hold the information, and to locate, retrieve and extract it, at £25 an hour. Our estimate:',
            ),
          ),
          bullets(
            estimate.activities.map(
              (activity) =>
                `${COST_ACTIVITY_NAMES[activity.activity].charAt(0).toUpperCase()}${COST_ACTIVITY_NAMES[activity.activity].slice(1)}: ${activity.hours} hours${activity.basis.trim() === '' ? '' : ` (${activity.basis.trim()})`}`,
            ),
          ),
          paragraph(
            text(
              `In total that is ${hours} hours, or £${pounds.toLocaleString('en-GB')}, which is more than the appropriate limit of £${estimate.appropriateLimitPounds} (${estimate.appropriateLimitPounds / 25} hours).`,
            ),
          ),
        )
        if (estimate.aggregatedWith.length > 0) {
          blocks.push(
            paragraph(
              text(
                `We have added together the cost of this request and of your requests ${listInWords(estimate.aggregatedWith)}, which ask for the same or similar information and reached us within 60 working days of each other.`,
              ),
            ),
          )
        }
        if (estimate.adviceAndAssistance.trim() !== '') {
          blocks.push(paragraph(text('Advice and assistance')), ...paragraphs(estimate.adviceAndAssistance))
        }
      }
      blocks.push(...paragraphs(decision.reasons))
      return blocks
    }
    case 'vexatious':
    case 'repeated': {
      blocks.push(
        paragraph(
          text(
            `We are refusing ${partLabels.length > 0 ? listInWords(partLabels).toLowerCase() : 'your request'} under ${cited} of the ${law}, which provides: ${exemption.statutoryWords}`,
          ),
        ),
        ...paragraphs(decision.vexatiousGrounds ?? ''),
        ...paragraphs(decision.reasons),
      )
      return blocks
    }
    case 'exemption':
      break
  }

  blocks.push(
    paragraph(
      text(
        decision.neitherConfirmNorDeny
          ? `We can neither confirm nor deny whether we hold the information you asked for${covering}. We are relying on ${exemption.neitherConfirmNorDeny?.citation ?? cited} of the ${law}, which removes the duty to confirm or deny for information exempt under ${cited}.`
          : `We consider some of the information${covering} to be exempt from disclosure under ${cited} of the ${law}. This ${exemption.regime === 'eir' ? 'regulation' : 'section'} states:`,
      ),
    ),
  )
  if (!decision.neitherConfirmNorDeny || exemption.neitherConfirmNorDeny !== null) {
    blocks.push(quote(exemption.statutoryWords))
  }
  const options = routeOptionsOf(exemption, decision)
  if (options.length > 0 && exemption.route !== undefined) {
    blocks.push(
      paragraph(
        text(
          exemption.route.connective === 'for the purposes in'
            ? `The purposes referred to in ${joinRouteCitations(options)} are:`
            : `${joinRouteCitations(options).charAt(0).toUpperCase()}${joinRouteCitations(options).slice(1)} provides:`,
        ),
      ),
      { kind: 'quote', paragraphs: options.map((option): readonly Inline[] => [text(option.words)]) },
    )
  }
  blocks.push(...routeInWords(exemption, decision))
  if (decision.qualifiedPerson !== null) {
    const person = decision.qualifiedPerson
    blocks.push(
      paragraph(
        text(
          `This exemption depends on the reasonable opinion of a qualified person. Our qualified person, ${person.name} (${person.role}), gave their opinion on ${longDate(person.opinionOn)}, having seen ${person.whatTheySaw.trim().replace(/\.$/, '')}.`,
        ),
      ),
    )
  }
  if (!decision.reasonsWouldDiscloseExemptInformation) blocks.push(...paragraphs(decision.reasons))
  else {
    blocks.push(
      paragraph(
        text('We cannot say more about why the exemption applies without disclosing the information it protects.'),
      ),
    )
  }
  if (decision.prejudice !== null && exemption.test === 'prejudice') {
    const harm = exemption.regime === 'eir' ? 'adversely affect' : 'prejudice'
    blocks.push(
      paragraph(
        text(
          `We consider that disclosure ${PREJUDICE_LEVEL_WORDS[decision.prejudice]} ${harm} the interests this ${exemption.regime === 'eir' ? 'exception' : 'exemption'} protects.`,
        ),
      ),
    )
  }

  const status = statusAsRelied(exemption, decision)
  if (status === 'absolute') {
    blocks.push(
      paragraph(
        text(
          `${mainCapitalised} is an absolute exemption${exemption.status === 'qualified' ? ' as we rely on it here' : ''}, which means that no public interest test applies: the information is exempt if the ${exemption.regime === 'eir' ? 'regulation' : 'section'} applies to it.`,
        ),
      ),
    )
    return blocks
  }
  const test = decision.publicInterestTest
  if (test === null) return blocks
  blocks.push(
    paragraph(
      text(
        `${mainCapitalised} is not an absolute exemption, so we must consider the public interest test, weighing the factors for disclosure against those for withholding the information at this time.`,
      ),
    ),
  )
  if (test.forDisclosure.length > 0) {
    blocks.push(paragraph(text('In this case, the public interest factors in disclosing the information are:')))
    blocks.push(bullets(test.forDisclosure))
  }
  if (test.forWithholding.length > 0) {
    blocks.push(paragraph(text('The public interest factors in withholding the information are:')))
    blocks.push(bullets(test.forWithholding))
  }
  blocks.push(...paragraphs(test.reasoning))
  blocks.push(
    paragraph(
      text(
        test.conclusion === 'maintain-exemption'
          ? decision.neitherConfirmNorDeny
            ? 'Having considered these factors, we have decided that the public interest in maintaining the exclusion of the duty to confirm or deny outweighs the public interest in saying whether we hold the information.'
            : 'Having considered these factors, we have decided that the public interest in withholding the information outweighs the public interest in disclosing it.'
          : 'Having considered these factors, we have decided that the public interest favours disclosure.',
      ),
    ),
  )
  return blocks
}
