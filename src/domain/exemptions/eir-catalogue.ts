import { namesOf, sourceOf } from './citation.ts'
import type { Exemption, ExemptionRouteOption } from './exemption.ts'
import {
  EIR_COMMERCIAL_CONFIDENTIALITY,
  EIR_CONFIDENTIAL_PROCEEDINGS,
  EIR_COURSE_OF_JUSTICE,
  EIR_ENVIRONMENT,
  EIR_INTELLECTUAL_PROPERTY,
  EIR_INTERNAL_COMMUNICATIONS,
  EIR_MANIFESTLY_UNREASONABLE,
  EIR_NOT_HELD,
  EIR_PUBLIC_SAFETY,
  EIR_TOO_GENERAL,
  EIR_UNFINISHED,
  EIR_VOLUNTARY_SUPPLIER,
  PERSONAL_DATA,
  underTheEir,
} from './public-interest-factors.ts'

/**
 * The Environmental Information Regulations 2004: the exceptions of regulation 12(4) and 12(5), and regulation 13
 * (third-party personal data). The reference is uk-foi-law.md §2; the words of regulation 12 are the regulation as
 * made, which the reference cites.
 *
 * Every exception is qualified (regulation 12(1)(b)) and weighed with a presumption in favour of disclosure (12(2)).
 * Regulation 13 is the only exception not wholly subject to the public interest test: under its first condition it
 * is absolute, which its route records. Regulation 12(4) is a class test; 12(5) asks whether disclosure "would
 * adversely affect" the interest, recorded as `prejudice`. All are `exemption`: the EIR have no cost limit, and a
 * request too costly to answer is refused as manifestly unreasonable, regulation 12(4)(b).
 *
 * Headings: regulation 12's own heading ("Exceptions to the duty to disclose environmental information") is shared
 * by every paragraph, so each entry is headed by what its paragraph protects, as the ICO's guidance names them.
 */

type EntryFields = Omit<Exemption, 'id' | 'regime' | 'kind' | 'citation' | 'shortCitation' | 'source' | 'status'>

const eir = (
  provision: readonly [string, ...string[]],
  { heading, statutoryWords, ...fields }: EntryFields,
): Exemption => {
  const [number, ...parts] = provision
  const { id, citation, shortCitation } = namesOf('eir', number, ...parts)
  return {
    id,
    regime: 'eir',
    kind: 'exemption',
    citation,
    shortCitation,
    heading,
    statutoryWords,
    status: 'qualified',
    ...fields,
    source: sourceOf('eir', number, '§2'),
  }
}

const MAY_REFUSE = 'a public authority may refuse to disclose information to the extent that'
const ADVERSELY_AFFECT = `${MAY_REFUSE} its disclosure would adversely affect`

/** Regulation 12(9): the exceptions in 12(5)(d) to (g) give way to information on emissions. */
const EMISSIONS =
  'Qualified, like every exception (regulation 12(1)(b)). It cannot be relied on at all to the extent that the information relates to information on emissions (regulation 12(9)).'

/** Regulation 13's conditions, as the Data Protection Act 2018 substituted it, and the wording it replaced. */
const PERSONAL_DATA_CONDITIONS: readonly ExemptionRouteOption[] = [
  {
    code: '2A-a',
    citation: 'regulation 13(2A)(a)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under these Regulations would contravene any of the data protection principles',
    makesAbsolute: true,
  },
  {
    code: '2A-b',
    citation: 'regulation 13(2A)(b)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under these Regulations would contravene any of the data protection principles if the exemptions in section 24(1) of the Data Protection Act 2018 (manual unstructured data held by public authorities) were disregarded',
    makesAbsolute: true,
  },
  {
    code: '2B',
    citation: 'regulation 13(2B)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under these Regulations would contravene Article 21 of the UK GDPR (general processing: right to object to processing)',
  },
  {
    code: '3A',
    citation: 'regulation 13(3A)',
    words:
      'that the information is exempt from the obligation under Article 15(1) of the UK GDPR (general processing: right of access by the data subject) to provide access to, and information about, personal data by virtue of provision made by or under section 15, 16 or 26 of, or Schedule 2, 3 or 4 to, the Data Protection Act 2018',
  },
  {
    code: '2-a-i',
    citation: 'regulation 13(2)(a)(i)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under these Regulations would contravene any of the data protection principles',
    supersededBy: { code: '2A-a', by: 'the Data Protection Act 2018' },
    makesAbsolute: true,
  },
]

export const EIR_CATALOGUE: readonly Exemption[] = [
  eir(['12', '4', 'a'], {
    heading: 'Information not held',
    statutoryWords: `${MAY_REFUSE} it does not hold that information when an applicant’s request is received`,
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_NOT_HELD,
  }),
  eir(['12', '4', 'b'], {
    heading: 'Manifestly unreasonable request (including cost: the EIR have no cost limit)',
    statutoryWords: `${MAY_REFUSE} the request for information is manifestly unreasonable`,
    statusExceptions:
      'Qualified, like every exception (regulation 12(1)(b)). This is how the EIR refuse a request that would cost too much to answer, as well as a vexatious one: there is no cost limit like FOIA section 12, and the public interest test still applies.',
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_MANIFESTLY_UNREASONABLE,
  }),
  eir(['12', '4', 'c'], {
    heading: 'Request formulated in too general a manner',
    statutoryWords: `${MAY_REFUSE} the request for information is formulated in too general a manner and the public authority has complied with regulation 9`,
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_TOO_GENERAL,
  }),
  // The refusal notice must say who is preparing the information and when it is expected to be finished (reg 14(4)).
  eir(['12', '4', 'd'], {
    heading: 'Material in the course of completion, unfinished documents or incomplete data',
    statutoryWords: `${MAY_REFUSE} the request relates to material which is still in the course of completion, to unfinished documents or to incomplete data`,
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_UNFINISHED,
  }),
  // Regulation 12(8): internal communications include communications between government departments.
  eir(['12', '4', 'e'], {
    heading: 'Internal communications',
    statutoryWords: `${MAY_REFUSE} the request involves the disclosure of internal communications`,
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_INTERNAL_COMMUNICATIONS,
  }),

  eir(['12', '5', 'a'], {
    heading: 'International relations, defence, national security or public safety',
    statutoryWords: `${ADVERSELY_AFFECT} international relations, defence, national security or public safety`,
    test: 'prejudice',
    neitherConfirmNorDeny: { citation: 'regulation 12(6)', status: 'qualified' },
    publicInterestFactors: EIR_PUBLIC_SAFETY,
    unverified:
      'The reference gives regulation 12(6)–(7) from general knowledge: check that neither confirming nor denying is allowed only for the interests in 12(5)(a), and only where it would not be in the public interest under 12(1)(b)',
  }),
  eir(['12', '5', 'b'], {
    heading: 'The course of justice, a fair trial and inquiries',
    statutoryWords: `${ADVERSELY_AFFECT} the course of justice, the ability of a person to receive a fair trial or the ability of a public authority to conduct an inquiry of a criminal or disciplinary nature`,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_COURSE_OF_JUSTICE,
  }),
  eir(['12', '5', 'c'], {
    heading: 'Intellectual property rights',
    statutoryWords: `${ADVERSELY_AFFECT} intellectual property rights`,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_INTELLECTUAL_PROPERTY,
  }),
  eir(['12', '5', 'd'], {
    heading: 'Confidentiality of proceedings',
    statutoryWords: `${ADVERSELY_AFFECT} the confidentiality of the proceedings of that or any other public authority where such confidentiality is provided by law`,
    statusExceptions: EMISSIONS,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_CONFIDENTIAL_PROCEEDINGS,
  }),
  eir(['12', '5', 'e'], {
    heading: 'Confidentiality of commercial or industrial information',
    statutoryWords: `${ADVERSELY_AFFECT} the confidentiality of commercial or industrial information where such confidentiality is provided by law to protect a legitimate economic interest`,
    statusExceptions: EMISSIONS,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_COMMERCIAL_CONFIDENTIALITY,
    unverified:
      'The reference paraphrases regulation 12(5)(e) (“where provided by law to protect a legitimate economic interest”): check the words against the regulation on legislation.gov.uk',
  }),
  eir(['12', '5', 'f'], {
    heading: 'Interests of the person who provided the information',
    statutoryWords: `${ADVERSELY_AFFECT} the interests of the person who provided the information where that person was not under, and could not have been put under, any legal obligation to supply it to that or any other public authority, did not supply it in circumstances such that that or any other public authority is entitled apart from these Regulations to disclose it, and has not consented to its disclosure`,
    statusExceptions: EMISSIONS,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_VOLUNTARY_SUPPLIER,
    unverified:
      'The reference paraphrases regulation 12(5)(f)(i)–(iii): check the words against the regulation on legislation.gov.uk',
  }),
  eir(['12', '5', 'g'], {
    heading: 'Protection of the environment',
    statutoryWords: `${ADVERSELY_AFFECT} the protection of the environment to which the information relates`,
    statusExceptions: EMISSIONS,
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: EIR_ENVIRONMENT,
  }),

  eir(['13'], {
    heading: 'Personal data',
    statutoryWords:
      'To the extent that the information requested includes personal data of which the applicant is not the data subject, a public authority must not disclose the personal data if the first condition is satisfied, or the second or third condition is satisfied and, in all the circumstances of the case, the public interest in not disclosing the information outweighs the public interest in disclosing it.',
    statusExceptions:
      'Absolute where the first condition is satisfied (regulation 13(2A)): then no public interest test applies, the only part of the EIR where that is so. Qualified where the second condition (regulation 13(2B)) or the third (regulation 13(3A)) is. Neither confirming nor denying (regulation 13(5A)) follows the same split.',
    test: 'class',
    neitherConfirmNorDeny: { citation: 'regulation 13(5A)', status: 'qualified' },
    route: {
      connective: 'by virtue of',
      prompt: 'the condition of regulation 13 that is satisfied',
      options: PERSONAL_DATA_CONDITIONS,
      freeText: false,
      required: true,
    },
    publicInterestFactors: underTheEir(PERSONAL_DATA),
    unverified:
      'The reference gives regulation 13’s three conditions from the identical Scottish regulation 11, not their paragraph numbers: check that they are regulation 13(2A), (2B) and (3A), that neither confirming nor denying is regulation 13(5A) (regulation 13(5) before the Data Protection Act 2018), and the words, against legislation.gov.uk',
  }),
]
