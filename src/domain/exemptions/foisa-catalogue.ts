import { namesOf, sourceOf } from './citation.ts'
import type { Exemption, ExemptionKind, ExemptionRouteOption } from './exemption.ts'
import {
  AUDIT,
  COMMERCIAL_INTERESTS,
  CONDUCT_OF_PUBLIC_AFFAIRS,
  CRIMINAL_INVESTIGATIONS,
  DEFENCE,
  ECONOMY,
  environmentalInformation,
  FUTURE_PUBLICATION,
  GOVERNMENT_POLICY,
  HEALTH_AND_SAFETY,
  INTERNATIONAL_RELATIONS,
  LAW_ENFORCEMENT,
  LEGAL_PROFESSIONAL_PRIVILEGE,
  NATIONAL_SECURITY,
  PERSONAL_DATA,
  REGULATORY_FUNCTIONS,
  RELATIONS_WITHIN_THE_UK,
  RESEARCH,
  ROYAL_COMMUNICATIONS_AND_HONOURS,
} from './public-interest-factors.ts'

/**
 * The Freedom of Information (Scotland) Act 2002: excessive cost (s12), vexatious and repeated requests (s14), and
 * the Part 2 exemptions (ss25–41). The reference is uk-foi-law.md §3, which lists the sections, their names and which
 * are absolute (s2(2): s25, s26, s36(2), s37, and s38(1)(a), (c), (d), and (b) under the first condition); the words
 * and most subsections here are general knowledge, so every entry says what to check in `unverified`.
 *
 * FOISA's harm test is substantial prejudice ("would, or would be likely to, prejudice substantially"; s30(b) says
 * "inhibit substantially" and s39(1) "endanger"), recorded as `prejudice`.
 *
 * Neither confirm nor deny: FOISA has no provision in each section, as FOIA has, but one general provision, s18(1),
 * for the exemptions it names. It needs the authority to consider that revealing whether the information exists or is
 * held would be contrary to the public interest, so it is recorded as qualified. The reference does not say which
 * exemptions s18 names; the entries follow the general-knowledge list (ss28–35, 38, 39 and 41) and say so.
 */

type EntryFields = Omit<
  Exemption,
  'id' | 'regime' | 'kind' | 'citation' | 'shortCitation' | 'source' | 'unverified'
> & {
  readonly kind?: ExemptionKind
  /** What else to check, beyond the general-knowledge words. */
  readonly alsoCheck?: string
}

const S18 = 'section 18(1)'

const foisa = (
  provision: readonly [string, ...string[]],
  { kind = 'exemption', alsoCheck, ...fields }: EntryFields,
): Exemption => {
  const [number, ...parts] = provision
  const names = namesOf('foisa', number, ...parts)
  const checks = [`check the words of ${names.citation} against the Act on legislation.gov.uk`]
  if (fields.neitherConfirmNorDeny?.citation === S18) checks.push('that section 18(1) names this exemption')
  if (alsoCheck !== undefined) checks.push(alsoCheck)
  return {
    id: names.id,
    regime: 'foisa',
    kind,
    citation: names.citation,
    shortCitation: names.shortCitation,
    ...fields,
    source: sourceOf('foisa', number, '§3'),
    unverified: `The reference does not quote FOISA: ${checks.join('; ')}`,
  }
}

const SECTION_18: Exemption['neitherConfirmNorDeny'] = { citation: S18, status: 'qualified' }

const SUBSTANTIALLY = 'would, or would be likely to, prejudice substantially'

// Section 35(2): the purposes that section 35(1)(g) and (h) refer to, in FOISA's own words.
const PURPOSE_WORDS: readonly (readonly [string, string])[] = [
  ['a', 'to ascertain whether a person has failed to comply with the law'],
  ['b', 'to ascertain whether a person is responsible for conduct which is improper'],
  [
    'c',
    'to ascertain whether circumstances exist or may arise which would justify regulatory action in pursuance of any enactment',
  ],
  [
    'd',
    'to ascertain a person’s fitness or competence in relation to the management of bodies corporate or in relation to any profession or other activity which the person is, or seeks to become, authorised to carry on',
  ],
  ['e', 'to ascertain the cause of an accident'],
  [
    'f',
    'to protect a charity against misconduct or mismanagement (whether by trustees or other persons) in its administration',
  ],
  ['g', 'to protect the property of a charity from loss or misapplication'],
  ['h', 'to recover the property of a charity'],
  ['i', 'to secure the health, safety and welfare of persons at work'],
  [
    'j',
    'to protect persons, other than persons at work, against risk to health or safety where that risk arises out of, or in connection with, the actions of persons at work',
  ],
]

const PURPOSES_ROUTE: Exemption['route'] = {
  connective: 'for the purposes in',
  prompt: 'the purposes of section 35(2) that apply',
  options: PURPOSE_WORDS.map(([letter, words]) => ({
    code: `2-${letter}`,
    citation: `section 35(2)(${letter})`,
    words,
  })),
  freeText: false,
  required: true,
}

/** Section 38(1)(b)'s conditions, as the Data Protection Act 2018 rewrote them, and the wording it replaced. */
const PERSONAL_DATA_CONDITIONS: readonly ExemptionRouteOption[] = [
  {
    code: '2A-a',
    citation: 'section 38(2A)(a)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles',
    makesAbsolute: true,
  },
  {
    code: '2A-b',
    citation: 'section 38(2A)(b)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles if the exemptions in section 24(1) of the Data Protection Act 2018 (manual unstructured data held by public authorities) were disregarded',
    makesAbsolute: true,
  },
  {
    code: '2B',
    citation: 'section 38(2B)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene Article 21 of the UK GDPR (general processing: right to object to processing)',
  },
  {
    code: '3A',
    citation: 'section 38(3A)',
    words:
      'that the information is exempt from the obligation under Article 15(1) of the UK GDPR (general processing: right of access by the data subject) to provide access to, and information about, personal data by virtue of provision made by or under section 15, 16 or 26 of, or Schedule 2, 3 or 4 to, the Data Protection Act 2018',
  },
  {
    code: '2-a-i',
    citation: 'section 38(2)(a)(i)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles',
    supersededBy: { code: '2A-a', by: 'the Data Protection Act 2018' },
    makesAbsolute: true,
  },
]

const S26 = 'Prohibitions on disclosure'
const S29 = 'Formulation of Scottish Administration policy etc.'
const S30 = 'Prejudice to effective conduct of public affairs'
const S33 = 'Commercial interests and the economy'
const S34 = 'Investigations by Scottish public authorities and proceedings arising out of such investigations'
const S35 = 'Law enforcement'
const S38 = 'Personal information'
const S41 = 'Communications with Her Majesty etc. and honours'

const S29_WORDS = 'Information held by the Scottish Administration is exempt information if it relates to'

const lawEnforcement = (paragraph: string, interest: string): Exemption =>
  foisa(['35', '1', paragraph], {
    heading: S35,
    statutoryWords: `${SUBSTANTIALLY} ${interest}`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: LAW_ENFORCEMENT,
  })

export const FOISA_CATALOGUE: readonly Exemption[] = [
  foisa(['12'], {
    kind: 'cost-limit',
    heading: 'Excessive cost of compliance',
    statutoryWords:
      'Section 1(1) does not oblige a Scottish public authority to comply with a request for information if the authority estimates that the cost of doing so would exceed such amount as may be prescribed in regulations made by the Scottish Ministers.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: null,
    alsoCheck: 'the limit is £600 at £15 an hour (SSI 2004/467, regulations 3 and 5), which the reference does source',
  }),
  foisa(['14', '1'], {
    kind: 'vexatious',
    heading: 'Vexatious or repeated requests',
    statutoryWords:
      'Section 1(1) does not oblige a Scottish public authority to comply with a request for information if the request is vexatious.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: null,
  }),
  foisa(['14', '2'], {
    kind: 'repeated',
    heading: 'Vexatious or repeated requests',
    statutoryWords:
      'Where a Scottish public authority has complied with a request from a person for information, it is not obliged to comply with a subsequent request from that person which is identical or substantially similar unless there has been a reasonable period of time between the making of the request complied with and the making of the subsequent request.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: null,
  }),

  // Includes information available under the authority's publication scheme (s25(3)).
  foisa(['25'], {
    heading: 'Information otherwise accessible',
    statutoryWords:
      'Information which the applicant can reasonably obtain other than by requesting it under section 1(1) is exempt information.',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['26', 'a'], {
    heading: S26,
    statutoryWords:
      'its disclosure by a Scottish public authority (otherwise than under this Act) is prohibited by or under an enactment',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['26', 'b'], {
    heading: S26,
    statutoryWords:
      'its disclosure by a Scottish public authority (otherwise than under this Act) is incompatible with an EU obligation',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
    alsoCheck: 'how section 26(b) reads since the UK left the EU',
  }),
  foisa(['26', 'c'], {
    heading: S26,
    statutoryWords:
      'its disclosure by a Scottish public authority (otherwise than under this Act) would constitute, or be punishable as, a contempt of court',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['27', '1'], {
    heading: 'Information intended for future publication',
    statutoryWords:
      'the information is held with a view to its being published by a Scottish public authority or any other person not later than twelve weeks after the date on which the request for the information was made, and it is reasonable in all the circumstances that the information be withheld from disclosure until such date',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: FUTURE_PUBLICATION,
  }),
  foisa(['27', '2'], {
    heading: 'Information intended for future publication',
    statutoryWords: `the information is obtained in the course of, or derived from, a programme of research, and disclosure of the information before the programme is completed ${SUBSTANTIALLY} the programme, the interests of an individual who participates in it, or the interests of the authority that holds the information`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: RESEARCH,
  }),
  foisa(['28'], {
    heading: 'Relations within the United Kingdom',
    statutoryWords: `${SUBSTANTIALLY} relations between any administration in the United Kingdom and any other such administration`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: RELATIONS_WITHIN_THE_UK,
  }),
  foisa(['29', '1', 'a'], {
    heading: S29,
    statutoryWords: `${S29_WORDS} the formulation or development of government policy`,
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: GOVERNMENT_POLICY,
  }),
  foisa(['29', '1', 'b'], {
    heading: S29,
    statutoryWords: `${S29_WORDS} Ministerial communications`,
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: GOVERNMENT_POLICY,
  }),
  foisa(['29', '1', 'c'], {
    heading: S29,
    statutoryWords: `${S29_WORDS} the provision of advice by any of the Law Officers or any request for the provision of such advice`,
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: GOVERNMENT_POLICY,
  }),
  foisa(['29', '1', 'd'], {
    heading: S29,
    statutoryWords: `${S29_WORDS} the operation of any Ministerial private office`,
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: GOVERNMENT_POLICY,
  }),
  foisa(['30', 'a'], {
    heading: S30,
    statutoryWords: `${SUBSTANTIALLY} the maintenance of the convention of the collective responsibility of the Scottish Ministers`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
  }),
  foisa(['30', 'b', 'i'], {
    heading: S30,
    statutoryWords: 'would, or would be likely to, inhibit substantially the free and frank provision of advice',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
  }),
  foisa(['30', 'b', 'ii'], {
    heading: S30,
    statutoryWords:
      'would, or would be likely to, inhibit substantially the free and frank exchange of views for the purposes of deliberation',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
  }),
  foisa(['30', 'c'], {
    heading: S30,
    statutoryWords:
      'would otherwise prejudice substantially, or be likely to prejudice substantially, the effective conduct of public affairs',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
  }),
  foisa(['31', '1'], {
    heading: 'National security and defence',
    statutoryWords: 'exemption from section 1(1) is required for the purpose of safeguarding national security',
    status: 'qualified',
    test: 'required-for',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: NATIONAL_SECURITY,
  }),
  foisa(['31', '4'], {
    heading: 'National security and defence',
    statutoryWords: `${SUBSTANTIALLY} the defence of the British Islands or of any colony, or the capability, effectiveness or security of any relevant forces`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: DEFENCE,
  }),
  foisa(['32', '1', 'a'], {
    heading: 'International relations',
    statutoryWords: `${SUBSTANTIALLY} relations between the United Kingdom and any other State, relations between the United Kingdom and any international organisation or international court, the interests of the United Kingdom abroad, or the promotion or protection by the United Kingdom of its interests abroad`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: INTERNATIONAL_RELATIONS,
  }),
  foisa(['32', '1', 'b'], {
    heading: 'International relations',
    statutoryWords:
      'it is confidential information obtained from a State other than the United Kingdom or from an international organisation or international court',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: INTERNATIONAL_RELATIONS,
  }),
  foisa(['33', '1', 'a'], {
    heading: S33,
    statutoryWords: 'Information is exempt information if it constitutes a trade secret',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: COMMERCIAL_INTERESTS,
  }),
  foisa(['33', '1', 'b'], {
    heading: S33,
    statutoryWords: `${SUBSTANTIALLY} the commercial interests of any person (including, without prejudice to that generality, a Scottish public authority)`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: COMMERCIAL_INTERESTS,
  }),
  foisa(['33', '2'], {
    heading: S33,
    statutoryWords: `${SUBSTANTIALLY} the economic interests of the whole or part of the United Kingdom, or the financial interests of an administration in the United Kingdom`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: ECONOMY,
  }),
  foisa(['34', '1'], {
    heading: S34,
    statutoryWords:
      'it has at any time been held by a Scottish public authority for the purposes of an investigation which the authority has a duty to conduct to ascertain whether a person should be prosecuted for an offence, or whether a person prosecuted for an offence is guilty of it, or of criminal proceedings …',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    alsoCheck: 'the paragraphs of section 34(1), which a decision may need to cite',
  }),
  foisa(['34', '2'], {
    heading: S34,
    statutoryWords:
      'it is held for the purposes of an inquiry into a death under the law on fatal accident and sudden death inquiries in Scotland that has not yet concluded, or of any other investigation into the cause of death of a person',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    alsoCheck: 'which Act section 34(2) names for fatal accident inquiries',
  }),
  foisa(['34', '3'], {
    heading: S34,
    statutoryWords:
      'it was obtained or recorded by the authority for the purposes of investigations conducted by the authority for any purpose mentioned in section 35(2), and it relates to the obtaining of information from confidential sources',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
  }),
  foisa(['34', '4'], {
    heading: S34,
    statutoryWords:
      'it was obtained or recorded by a Scottish public authority for the purposes of civil proceedings, brought by or on behalf of the authority, which arise out of such investigations as are mentioned in subsection (3)',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
  }),
  lawEnforcement('a', 'the prevention or detection of crime'),
  lawEnforcement('b', 'the apprehension or prosecution of offenders'),
  lawEnforcement('c', 'the administration of justice'),
  lawEnforcement('d', 'the assessment or collection of any tax or duty (or of any imposition of a similar nature)'),
  lawEnforcement('e', 'the operation of the immigration controls'),
  lawEnforcement(
    'f',
    'the maintenance of security and good order in prisons or in other institutions where persons are lawfully detained',
  ),
  foisa(['35', '1', 'g'], {
    heading: S35,
    statutoryWords: `${SUBSTANTIALLY} the exercise by any public authority (within the meaning of the Freedom of Information Act 2000) or Scottish public authority of its functions for any of the purposes mentioned in subsection (2)`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    route: PURPOSES_ROUTE,
    publicInterestFactors: REGULATORY_FUNCTIONS,
    alsoCheck: 'the words of the purposes in section 35(2)(a)–(j)',
  }),
  foisa(['35', '1', 'h'], {
    heading: S35,
    statutoryWords: `${SUBSTANTIALLY} any civil proceedings brought by or on behalf of a Scottish public authority which arise out of an investigation conducted, for any of the purposes mentioned in subsection (2), by or on behalf of the authority`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    route: PURPOSES_ROUTE,
    publicInterestFactors: REGULATORY_FUNCTIONS,
    alsoCheck: 'the words of the purposes in section 35(2)(a)–(j)',
  }),
  foisa(['36', '1'], {
    heading: 'Confidentiality',
    statutoryWords:
      'Information in respect of which a claim to confidentiality of communications could be maintained in legal proceedings is exempt information.',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: null,
    publicInterestFactors: LEGAL_PROFESSIONAL_PRIVILEGE,
  }),
  foisa(['36', '2'], {
    heading: 'Confidentiality',
    statutoryWords:
      'it was obtained by a Scottish public authority from another person (including another such authority), and its disclosure by the authority so obtaining it to the public (otherwise than under this Act) would constitute a breach of confidence actionable by that person or any other person',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['37', '1', 'a'], {
    heading: 'Court records, etc.',
    statutoryWords:
      'it is contained in a document lodged with, or otherwise placed in the custody of, a court for the purposes of proceedings in a cause or matter, served on, or by, a Scottish public authority for the purposes of such proceedings, or created by a court or member of its administrative staff for the purposes of, or in the course of, such proceedings',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['37', '1', 'b'], {
    heading: 'Court records, etc.',
    statutoryWords:
      'it is contained in a document placed in the custody of, or created by, a person conducting an inquiry or arbitration, for the purposes of that inquiry or arbitration',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: null,
  }),
  foisa(['38', '1', 'a'], {
    heading: S38,
    statutoryWords:
      'Information is exempt information if it constitutes personal data of which the applicant is the data subject',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
  }),
  foisa(['38', '1', 'b'], {
    heading: S38,
    statutoryWords:
      'Information is exempt information if it constitutes personal data (other than personal data of which the applicant is the data subject) and the first, second or third condition is satisfied',
    status: 'qualified',
    statusExceptions:
      'Absolute where the first condition is satisfied (section 38(2A)), under section 2(2)(e)(ii); qualified where the second condition (section 38(2B)) or the third (section 38(3A)) is.',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    route: {
      connective: 'by virtue of',
      prompt: 'the condition of section 38 that is satisfied',
      options: PERSONAL_DATA_CONDITIONS,
      freeText: false,
      required: true,
    },
    publicInterestFactors: PERSONAL_DATA,
    alsoCheck:
      'that the conditions are section 38(2A), (2B) and (3A) since the Data Protection Act 2018, and that the former first condition was section 38(2)(a)(i)',
  }),
  foisa(['38', '1', 'c'], {
    heading: S38,
    statutoryWords: 'Information is exempt information if it constitutes personal census information',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
  }),
  foisa(['38', '1', 'd'], {
    heading: S38,
    statutoryWords: 'Information is exempt information if it constitutes a deceased person’s health record',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
  }),
  foisa(['39', '1'], {
    heading: 'Health, safety and the environment',
    statutoryWords:
      'would, or would be likely to, endanger the physical or mental health or the safety of an individual',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: HEALTH_AND_SAFETY,
  }),
  // Environmental information is handled under the Environmental Information (Scotland) Regulations 2004.
  foisa(['39', '2'], {
    heading: 'Health, safety and the environment',
    statutoryWords:
      'the Scottish public authority is obliged by regulations under section 62 to make it available to the public in accordance with the regulations, or would be so obliged but for any exemption contained in the regulations',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: environmentalInformation('the Environmental Information (Scotland) Regulations 2004'),
  }),
  foisa(['40'], {
    heading: 'Audit functions',
    statutoryWords: `${SUBSTANTIALLY} the exercise of a Scottish public authority’s functions in relation to the audit of the accounts of other Scottish public authorities, or the examination of the economy, efficiency and effectiveness with which such authorities use their resources in discharging their functions`,
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: null,
    publicInterestFactors: AUDIT,
  }),
  // Unlike FOIA s37(1)(a)–(ab), FOISA s41 has no absolute limb (§3).
  foisa(['41', 'a'], {
    heading: S41,
    statutoryWords:
      'it relates to communications with Her Majesty, with other members of the Royal Family or with the Royal Household',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: ROYAL_COMMUNICATIONS_AND_HONOURS,
  }),
  foisa(['41', 'b'], {
    heading: S41,
    statutoryWords: 'it relates to the exercise by Her Majesty of Her prerogative of honour',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: SECTION_18,
    publicInterestFactors: ROYAL_COMMUNICATIONS_AND_HONOURS,
  }),
]
