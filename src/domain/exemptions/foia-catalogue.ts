import { namesOf, sourceOf } from './citation.ts'
import type { Exemption, ExemptionKind, ExemptionRouteOption, ExemptionStatus } from './exemption.ts'
import {
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
  AUDIT,
} from './public-interest-factors.ts'

/**
 * The Freedom of Information Act 2000: the cost limit (s12), vexatious and repeated requests (s14), and the Part II
 * exemptions (ss21–44), one entry for each provision a decision cites. Section 25 is not an exemption (it is about the
 * certificates under ss23–24), so it has no entry. The reference is uk-foi-law.md §1.6, §1.7, §1.10 and §1.11.
 *
 * Status follows s2(3) (§1.10). Sections 12 and 14 are not exemptions: no public interest test applies to them, so
 * they are recorded as absolute, with the test `none`.
 *
 * Statutory words: §1.11 is a general-knowledge summary of the Act (only some rows have a source), so an entry whose
 * words are not quoted from a sourced part of the reference or from the seed letters says what to check in
 * `unverified`.
 */

type EntryFields = Omit<Exemption, 'id' | 'regime' | 'kind' | 'citation' | 'shortCitation' | 'source'> & {
  readonly kind?: ExemptionKind
}

const foia = (
  provision: readonly [string, ...string[]],
  referenceSection: string,
  { kind = 'exemption', ...fields }: EntryFields,
): Exemption => {
  const [number, ...parts] = provision
  const { id, citation, shortCitation } = namesOf('foia', number, ...parts)
  return {
    id,
    regime: 'foia',
    kind,
    citation,
    shortCitation,
    ...fields,
    source: sourceOf('foia', number, referenceSection),
  }
}

const ncnd = (citation: string, status: ExemptionStatus): Exemption['neitherConfirmNorDeny'] => ({ citation, status })

/** For an entry whose words come from the reference's general-knowledge table rather than a sourced quotation. */
const checkWords = (citation: string): string =>
  `The reference summarises ${citation} from general knowledge: check these words against the Act on legislation.gov.uk`

const TABLE = '§1.11'

// Section 31(2): the purposes that section 31(1)(g), (h) and (i) refer to. The seed letters quote (a) and (c); the
// Department for Constitutional Affairs' copy of the section gives (a)–(d) in the same words.
const PURPOSE_WORDS: readonly (readonly [string, string])[] = [
  ['a', 'the purpose of ascertaining whether any person has failed to comply with the law'],
  ['b', 'the purpose of ascertaining whether any person is responsible for any conduct which is improper'],
  [
    'c',
    'the purpose of ascertaining whether circumstances which would justify regulatory action in pursuance of any enactment exist or may arise',
  ],
  [
    'd',
    'the purpose of ascertaining a person’s fitness or competence in relation to the management of bodies corporate or in relation to any profession or other activity which he is, or seeks to become, authorised to carry on',
  ],
  ['e', 'the purpose of ascertaining the cause of an accident'],
  [
    'f',
    'the purpose of protecting charities against misconduct or mismanagement (whether by trustees or other persons) in their administration',
  ],
  ['g', 'the purpose of protecting the property of charities from loss or misapplication'],
  ['h', 'the purpose of recovering the property of charities'],
  ['i', 'the purpose of securing the health, safety and welfare of persons at work'],
  [
    'j',
    'the purpose of protecting persons other than persons at work against risk to health or safety arising out of or in connection with the actions of persons at work',
  ],
]

const PURPOSES: readonly ExemptionRouteOption[] = PURPOSE_WORDS.map(([letter, words]) => ({
  code: `2-${letter}`,
  citation: `section 31(2)(${letter})`,
  words,
}))

const PURPOSES_ROUTE: Exemption['route'] = {
  connective: 'for the purposes in',
  prompt: 'the purposes of section 31(2) that apply',
  options: PURPOSES,
  freeText: false,
  required: true,
}

const PURPOSES_UNVERIFIED =
  'The words of section 31(2)(b) and (e)–(j) are not in the reference or the seed letters: check them against the Act on legislation.gov.uk'

/** Section 40(2)'s conditions, as the Data Protection Act 2018 rewrote them, and the wording it replaced. */
const PERSONAL_DATA_CONDITIONS: readonly ExemptionRouteOption[] = [
  {
    code: '3A-a',
    citation: 'section 40(3A)(a)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles',
    makesAbsolute: true,
  },
  {
    code: '3A-b',
    citation: 'section 40(3A)(b)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles if the exemptions in section 24(1) of the Data Protection Act 2018 (manual unstructured data held by public authorities) were disregarded',
    makesAbsolute: true,
  },
  {
    code: '3B',
    citation: 'section 40(3B)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene Article 21 of the UK GDPR (general processing: right to object to processing)',
  },
  {
    code: '4A',
    citation: 'section 40(4A)',
    words:
      'that, on a request under Article 15(1) of the UK GDPR (general processing: right of access by the data subject) for access to personal data, the information would be withheld in reliance on provision made by or under section 15, 16 or 26 of, or Schedule 2, 3 or 4 to, the Data Protection Act 2018',
  },
  {
    code: '3-a-i',
    citation: 'section 40(3)(a)(i)',
    words:
      'that the disclosure of the information to a member of the public otherwise than under this Act would contravene any of the data protection principles',
    supersededBy: { code: '3A-a', by: 'the Data Protection Act 2018' },
    makesAbsolute: true,
  },
]

// The Houses of Parliament: s2(3)(e) [S].
const S36_STATUS =
  'Absolute for information held by the House of Commons or the House of Lords (section 2(3)(e)); qualified for every other authority. The duty to confirm or deny (section 36(3)) follows the same split.'

// s2(3)(ea), inserted by the Constitutional Reform and Governance Act 2010 [S FOIwiki].
const S37_ABSOLUTE_STATUS =
  'Absolute since 19 January 2011 (section 2(3)(ea)), and so is section 37(2) as it relates to this paragraph. Qualified for Northern Ireland public authorities, and for requests received before 19 January 2011.'

const S36_HEADING = 'Prejudice to effective conduct of public affairs'
const S37_HEADING = 'Communications with Her Majesty, etc. and honours'

export const FOIA_CATALOGUE: readonly Exemption[] = [
  foia(['12'], '§1.6', {
    kind: 'cost-limit',
    heading: 'Exemption where cost of compliance exceeds appropriate limit',
    statutoryWords:
      'Section 1(1) does not oblige a public authority to comply with a request for information if the authority estimates that the cost of complying with the request would exceed the appropriate limit.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: ncnd('section 12(2)', 'absolute'),
    unverified:
      'The heading and the opening words (“Section 1(1) does not oblige a public authority to comply with a request for information”) are general knowledge; the rest is quoted in the reference',
  }),
  foia(['14', '1'], '§1.7', {
    kind: 'vexatious',
    heading: 'Vexatious or repeated requests',
    statutoryWords:
      'Section 1(1) does not oblige a public authority to comply with a request for information if the request is vexatious.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: null,
    unverified:
      'The heading and the opening words (“Section 1(1) does not oblige a public authority to comply with a request for information”) are general knowledge; the rest is quoted in the reference',
  }),
  foia(['14', '2'], '§1.7', {
    kind: 'repeated',
    heading: 'Vexatious or repeated requests',
    statutoryWords:
      'Where a public authority has previously complied with a request for information which was made by any person, it is not obliged to comply with a subsequent identical or substantially similar request from that person unless a reasonable interval has elapsed between compliance with the previous request and the making of the current request.',
    status: 'absolute',
    test: 'none',
    neitherConfirmNorDeny: null,
    unverified:
      'The reference quotes only “has previously complied with a request… made by any person” and “a subsequent identical or substantially similar request from that person unless a reasonable interval has elapsed”: check the rest against the Act',
  }),

  foia(['21'], TABLE, {
    heading: 'Information accessible to applicant by other means',
    statutoryWords:
      'Information which is reasonably accessible to the applicant otherwise than under section 1 is exempt information.',
    status: 'absolute',
    test: 'class',
    // Section 21 has no provision removing the duty to confirm or deny.
    neitherConfirmNorDeny: null,
    unverified: checkWords('section 21(1)'),
  }),
  foia(['22'], TABLE, {
    heading: 'Information intended for future publication',
    statutoryWords:
      'the information is held by the public authority with a view to its publication, by the authority or any other person, at some future date (whether determined or not), … and it is reasonable in all the circumstances that the information should be withheld from disclosure until the date of publication',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 22(2)', 'qualified'),
    publicInterestFactors: FUTURE_PUBLICATION,
    unverified: checkWords('section 22(1)'),
  }),
  foia(['22A'], TABLE, {
    heading: 'Research',
    statutoryWords:
      'the information was obtained in the course of, or derived from, a programme of research which is continuing with a view to the production of a report of the research, and disclosure of the information before the date of publication would, or would be likely to, prejudice the programme, the interests of any individual participating in it, or the interests of the authority',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 22A(2)', 'qualified'),
    publicInterestFactors: RESEARCH,
    unverified: `${checkWords('section 22A(1)')}; section 22A was inserted by the Intellectual Property Act 2014 from 1 October 2014 (general knowledge)`,
  }),
  foia(['23'], TABLE, {
    heading: 'Information supplied by, or relating to, bodies dealing with security matters',
    statutoryWords:
      'Information held by a public authority is exempt information if it was directly or indirectly supplied to the public authority by, or relates to, any of the bodies specified in subsection (3).',
    status: 'absolute',
    test: 'class',
    // Often pleaded in the alternative with section 24, so as not to reveal which applies.
    neitherConfirmNorDeny: ncnd('section 23(5)', 'absolute'),
    unverified: checkWords('section 23(1)'),
  }),
  foia(['24'], TABLE, {
    heading: 'National security',
    statutoryWords: 'exemption from section 1(1)(b) is required for the purpose of safeguarding national security',
    status: 'qualified',
    test: 'required-for',
    neitherConfirmNorDeny: ncnd('section 24(2)', 'qualified'),
    publicInterestFactors: NATIONAL_SECURITY,
    unverified: checkWords('section 24(1)'),
  }),

  foia(['26', '1', 'a'], TABLE, {
    heading: 'Defence',
    statutoryWords: 'would, or would be likely to, prejudice the defence of the British Islands or of any colony',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 26(3)', 'qualified'),
    publicInterestFactors: DEFENCE,
    unverified: checkWords('section 26(1)(a)'),
  }),
  foia(['26', '1', 'b'], TABLE, {
    heading: 'Defence',
    statutoryWords:
      'would, or would be likely to, prejudice the capability, effectiveness or security of any relevant forces',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 26(3)', 'qualified'),
    publicInterestFactors: DEFENCE,
    unverified: checkWords('section 26(1)(b)'),
  }),
  foia(['27', '1'], TABLE, {
    heading: 'International relations',
    statutoryWords:
      'would, or would be likely to, prejudice (a) relations between the United Kingdom and any other State, (b) relations between the United Kingdom and any international organisation or international court, (c) the interests of the United Kingdom abroad, or (d) the promotion or protection by the United Kingdom of its interests abroad',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 27(4)', 'qualified'),
    publicInterestFactors: INTERNATIONAL_RELATIONS,
    unverified: checkWords('section 27(1)'),
  }),
  foia(['27', '2'], TABLE, {
    heading: 'International relations',
    statutoryWords:
      'Information is also exempt information if it is confidential information obtained from a State other than the United Kingdom or from an international organisation or international court.',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 27(4)', 'qualified'),
    publicInterestFactors: INTERNATIONAL_RELATIONS,
    unverified: checkWords('section 27(2)'),
  }),
  foia(['28'], TABLE, {
    heading: 'Relations within the United Kingdom',
    statutoryWords:
      'would, or would be likely to, prejudice relations between any administration in the United Kingdom and any other such administration',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 28(3)', 'qualified'),
    publicInterestFactors: RELATIONS_WITHIN_THE_UK,
    unverified: checkWords('section 28(1)'),
  }),
  foia(['29', '1', 'a'], TABLE, {
    heading: 'The economy',
    statutoryWords:
      'would, or would be likely to, prejudice the economic interests of the United Kingdom or of any part of the United Kingdom',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 29(2)', 'qualified'),
    publicInterestFactors: ECONOMY,
    unverified: checkWords('section 29(1)(a)'),
  }),
  foia(['29', '1', 'b'], TABLE, {
    heading: 'The economy',
    statutoryWords:
      'would, or would be likely to, prejudice the financial interests of any administration in the United Kingdom',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 29(2)', 'qualified'),
    publicInterestFactors: ECONOMY,
    unverified: checkWords('section 29(1)(b)'),
  }),

  foia(['30', '1', 'a'], TABLE, {
    heading: 'Investigations and proceedings conducted by public authorities',
    statutoryWords:
      'has at any time been held by the authority for the purposes of any investigation which the public authority has a duty to conduct with a view to it being ascertained whether a person should be charged with an offence, or whether a person charged with an offence is guilty of it',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 30(3)', 'qualified'),
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    unverified: checkWords('section 30(1)(a)'),
  }),
  foia(['30', '1', 'b'], TABLE, {
    heading: 'Investigations and proceedings conducted by public authorities',
    statutoryWords:
      'has at any time been held by the authority for the purposes of any investigation which is conducted by the authority and in the circumstances may lead to a decision by the authority to institute criminal proceedings which the authority has power to conduct',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 30(3)', 'qualified'),
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    unverified: checkWords('section 30(1)(b)'),
  }),
  foia(['30', '1', 'c'], TABLE, {
    heading: 'Investigations and proceedings conducted by public authorities',
    statutoryWords:
      'has at any time been held by the authority for the purposes of any criminal proceedings which the authority has power to conduct',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 30(3)', 'qualified'),
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    unverified: checkWords('section 30(1)(c)'),
  }),
  foia(['30', '2'], TABLE, {
    heading: 'Investigations and proceedings conducted by public authorities',
    statutoryWords:
      'it was obtained or recorded by the authority for the purposes of its functions relating to investigations or proceedings, … and it relates to the obtaining of information from confidential sources',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 30(3)', 'qualified'),
    publicInterestFactors: CRIMINAL_INVESTIGATIONS,
    unverified: `${checkWords('section 30(2)')}, including which investigations and proceedings section 30(2)(a)(i)–(iv) lists`,
  }),

  // Section 31 applies only to information that is not exempt under section 30. The words of (1)(a)–(h) agree with
  // the Department for Constitutional Affairs' copy of the section; (g) is also quoted in both seed letters.
  foia(['31', '1', 'a'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords: 'would, or would be likely to, prejudice the prevention or detection of crime',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'b'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords: 'would, or would be likely to, prejudice the apprehension or prosecution of offenders',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'c'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords: 'would, or would be likely to, prejudice the administration of justice',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'd'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords:
      'would, or would be likely to, prejudice the assessment or collection of any tax or duty or of any imposition of a similar nature',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'e'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords: 'would, or would be likely to, prejudice the operation of the immigration controls',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'f'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords:
      'would, or would be likely to, prejudice the maintenance of security and good order in prisons or in other institutions where persons are lawfully detained',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    publicInterestFactors: LAW_ENFORCEMENT,
  }),
  foia(['31', '1', 'g'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords:
      'would, or would be likely to, prejudice the exercise by any public authority of its functions for any of the purposes specified in subsection (2)',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    route: PURPOSES_ROUTE,
    publicInterestFactors: REGULATORY_FUNCTIONS,
    unverified: PURPOSES_UNVERIFIED,
  }),
  foia(['31', '1', 'h'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords:
      'would, or would be likely to, prejudice any civil proceedings which are brought by or on behalf of a public authority and arise out of an investigation conducted, for any of the purposes specified in subsection (2), by or on behalf of the authority by virtue of Her Majesty’s prerogative or by virtue of powers conferred by or under an enactment',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    route: PURPOSES_ROUTE,
    publicInterestFactors: REGULATORY_FUNCTIONS,
    unverified: PURPOSES_UNVERIFIED,
  }),
  foia(['31', '1', 'i'], TABLE, {
    heading: 'Law enforcement',
    statutoryWords:
      'would, or would be likely to, prejudice any inquiry held under the Fatal Accidents and Sudden Deaths Inquiries (Scotland) Act 1976 to the extent that the inquiry arises out of an investigation conducted, for any of the purposes specified in subsection (2), by or on behalf of the authority',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 31(3)', 'qualified'),
    route: PURPOSES_ROUTE,
    publicInterestFactors: REGULATORY_FUNCTIONS,
    unverified: `These are the words as enacted: check whether section 31(1)(i) now names the Scottish Act that replaced the 1976 Act. ${PURPOSES_UNVERIFIED}`,
  }),

  foia(['32', '1'], TABLE, {
    heading: 'Court records, etc.',
    statutoryWords:
      'is held only by virtue of being contained in any document filed with, or otherwise placed in the custody of, a court for the purposes of proceedings in a particular cause or matter, any document served upon, or by, a public authority for the purposes of proceedings in a particular cause or matter, or any document created by a court or a member of the administrative staff of a court, for the purposes of proceedings in a particular cause or matter',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 32(3)', 'absolute'),
    unverified: checkWords('section 32(1)'),
  }),
  foia(['32', '2'], TABLE, {
    heading: 'Court records, etc.',
    statutoryWords:
      'is held only by virtue of being contained in any document placed in the custody of a person conducting an inquiry or arbitration, for the purposes of the inquiry or arbitration, or any document created by a person conducting an inquiry or arbitration, for the purposes of the inquiry or arbitration',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 32(3)', 'absolute'),
    unverified: checkWords('section 32(2)'),
  }),
  foia(['33', '2'], TABLE, {
    heading: 'Audit functions',
    statutoryWords:
      'would, or would be likely to, prejudice the exercise of any of the authority’s functions in relation to any of the matters referred to in subsection (1): the audit of the accounts of other public authorities, or the examination of the economy, efficiency and effectiveness with which other public authorities use their resources in discharging their functions',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 33(3)', 'qualified'),
    publicInterestFactors: AUDIT,
    unverified: checkWords('section 33(1)–(2)'),
  }),
  foia(['34'], TABLE, {
    heading: 'Parliamentary privilege',
    statutoryWords:
      'exemption from section 1(1)(b) is required for the purpose of avoiding an infringement of the privileges of either House of Parliament',
    status: 'absolute',
    test: 'required-for',
    neitherConfirmNorDeny: ncnd('section 34(2)', 'absolute'),
    unverified:
      'The reference quotes “required for the purpose of avoiding an infringement of the privileges of either House”; the rest is general knowledge',
  }),

  // Section 35 applies only to information held by a government department or the Welsh Government.
  foia(['35', '1', 'a'], TABLE, {
    heading: 'Formulation of government policy, etc.',
    statutoryWords:
      'Information held by a government department or by the Welsh Government is exempt information if it relates to the formulation or development of government policy',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 35(3)', 'qualified'),
    publicInterestFactors: GOVERNMENT_POLICY,
    unverified: checkWords('section 35(1)(a)'),
  }),
  foia(['35', '1', 'b'], TABLE, {
    heading: 'Formulation of government policy, etc.',
    statutoryWords:
      'Information held by a government department or by the Welsh Government is exempt information if it relates to Ministerial communications',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 35(3)', 'qualified'),
    publicInterestFactors: GOVERNMENT_POLICY,
    unverified: checkWords('section 35(1)(b)'),
  }),
  foia(['35', '1', 'c'], TABLE, {
    heading: 'Formulation of government policy, etc.',
    statutoryWords:
      'Information held by a government department or by the Welsh Government is exempt information if it relates to the provision of advice by any of the Law Officers or any request for the provision of such advice',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 35(3)', 'qualified'),
    publicInterestFactors: GOVERNMENT_POLICY,
    unverified: checkWords('section 35(1)(c)'),
  }),
  foia(['35', '1', 'd'], TABLE, {
    heading: 'Formulation of government policy, etc.',
    statutoryWords:
      'Information held by a government department or by the Welsh Government is exempt information if it relates to the operation of any Ministerial private office',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 35(3)', 'qualified'),
    publicInterestFactors: GOVERNMENT_POLICY,
    unverified: checkWords('section 35(1)(d)'),
  }),

  // Section 36 rests on the reasonable opinion of a qualified person, recorded on the decision, not here. For
  // government departments and the Welsh Government it applies only to information not exempt under section 35.
  foia(['36', '2', 'a', 'i'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would, or would be likely to, prejudice the maintenance of the convention of the collective responsibility of Ministers of the Crown',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: checkWords('section 36(2)(a)(i)'),
  }),
  foia(['36', '2', 'a', 'ii'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would, or would be likely to, prejudice the work of the Executive Committee of the Northern Ireland Assembly',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: checkWords('section 36(2)(a)(ii)'),
  }),
  foia(['36', '2', 'a', 'iii'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would, or would be likely to, prejudice the work of the Cabinet of the Welsh Government',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: `${checkWords('section 36(2)(a)(iii)')}, in particular how it names the Welsh Government’s Cabinet since the Wales Act 2014`,
  }),
  foia(['36', '2', 'b', 'i'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would, or would be likely to, inhibit the free and frank provision of advice',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: checkWords('section 36(2)(b)(i)'),
  }),
  foia(['36', '2', 'b', 'ii'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would, or would be likely to, inhibit the free and frank exchange of views for the purposes of deliberation',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: checkWords('section 36(2)(b)(ii)'),
  }),
  foia(['36', '2', 'c'], TABLE, {
    heading: S36_HEADING,
    statutoryWords:
      'in the reasonable opinion of a qualified person, disclosure of the information under this Act would otherwise prejudice, or would be likely otherwise to prejudice, the effective conduct of public affairs',
    status: 'qualified',
    statusExceptions: S36_STATUS,
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 36(3)', 'qualified'),
    publicInterestFactors: CONDUCT_OF_PUBLIC_AFFAIRS,
    unverified: checkWords('section 36(2)(c)'),
  }),

  foia(['37', '1', 'a'], TABLE, {
    heading: S37_HEADING,
    statutoryWords: 'it relates to communications with the Sovereign',
    status: 'absolute',
    statusExceptions: S37_ABSOLUTE_STATUS,
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'absolute'),
    unverified: checkWords('section 37(1)(a)'),
  }),
  foia(['37', '1', 'aa'], TABLE, {
    heading: S37_HEADING,
    statutoryWords:
      'it relates to communications with the heir to, or the person who is for the time being second in line of succession to, the Throne',
    status: 'absolute',
    statusExceptions: S37_ABSOLUTE_STATUS,
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'absolute'),
    unverified: checkWords('section 37(1)(aa)'),
  }),
  foia(['37', '1', 'ab'], TABLE, {
    heading: S37_HEADING,
    statutoryWords:
      'it relates to communications with a person who has subsequently acceded to the Throne or become heir to, or second in line to, the Throne',
    status: 'absolute',
    statusExceptions: S37_ABSOLUTE_STATUS,
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'absolute'),
    unverified: checkWords('section 37(1)(ab)'),
  }),
  foia(['37', '1', 'ac'], TABLE, {
    heading: S37_HEADING,
    statutoryWords:
      'it relates to communications with other members of the Royal Family (other than communications which fall within any of paragraphs (a) to (ab) because they are made or received on behalf of a person falling within any of those paragraphs)',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'qualified'),
    publicInterestFactors: ROYAL_COMMUNICATIONS_AND_HONOURS,
    unverified: checkWords('section 37(1)(ac)'),
  }),
  foia(['37', '1', 'ad'], TABLE, {
    heading: S37_HEADING,
    statutoryWords:
      'it relates to communications with the Royal Household (other than communications which fall within any of paragraphs (a) to (ac) because they are made or received on behalf of a person falling within any of those paragraphs)',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'qualified'),
    publicInterestFactors: ROYAL_COMMUNICATIONS_AND_HONOURS,
    unverified: checkWords('section 37(1)(ad)'),
  }),
  foia(['37', '1', 'b'], TABLE, {
    heading: S37_HEADING,
    statutoryWords: 'it relates to the conferring by the Crown of any honour or dignity',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 37(2)', 'qualified'),
    publicInterestFactors: ROYAL_COMMUNICATIONS_AND_HONOURS,
    unverified: checkWords('section 37(1)(b)'),
  }),

  foia(['38', '1', 'a'], TABLE, {
    heading: 'Health and safety',
    statutoryWords: 'would, or would be likely to, endanger the physical or mental health of any individual',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 38(2)', 'qualified'),
    publicInterestFactors: HEALTH_AND_SAFETY,
    unverified: checkWords('section 38(1)(a)'),
  }),
  foia(['38', '1', 'b'], TABLE, {
    heading: 'Health and safety',
    statutoryWords: 'would, or would be likely to, endanger the safety of any individual',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 38(2)', 'qualified'),
    publicInterestFactors: HEALTH_AND_SAFETY,
    unverified: checkWords('section 38(1)(b)'),
  }),
  // A request for environmental information is handled under the EIR (§2).
  foia(['39'], TABLE, {
    heading: 'Environmental information',
    statutoryWords:
      'the public authority holding it is obliged by environmental information regulations to make the information available to the public in accordance with the regulations, or would be so obliged but for any exemption contained in the regulations',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 39(2)', 'qualified'),
    publicInterestFactors: environmentalInformation('the Environmental Information Regulations 2004'),
    unverified: checkWords('section 39(1)'),
  }),

  // The requester's own personal data: refuse, and handle the request as a subject access request (§1.9).
  foia(['40', '1'], '§1.10, §1.11', {
    heading: 'Personal information',
    statutoryWords:
      'Any information to which a request for information relates is exempt information if it constitutes personal data of which the applicant is the data subject.',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 40(5A)', 'absolute'),
    unverified: checkWords('section 40(1)'),
  }),
  foia(['40', '2'], '§1.10, §1.11', {
    heading: 'Personal information',
    statutoryWords:
      'Any information to which a request for information relates is also exempt information if it constitutes personal data which does not fall within subsection (1), and the first, second or third condition below is satisfied.',
    status: 'qualified',
    statusExceptions:
      'Absolute where the first condition is satisfied (section 40(3A), or 40(3)(a)(i) before the Data Protection Act 2018), under section 2(3)(f); qualified where the second condition (section 40(3B)) or the third (section 40(4A)) is. The duty to confirm or deny (section 40(5B)) follows the same split.',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 40(5B)', 'qualified'),
    route: {
      connective: 'by virtue of',
      prompt: 'the condition of section 40 that is satisfied',
      options: PERSONAL_DATA_CONDITIONS,
      freeText: false,
      required: true,
    },
    publicInterestFactors: PERSONAL_DATA,
    unverified:
      'The reference says the Data Protection Act 2018 rewrote section 40 (general knowledge) and does not give the paragraph of its Schedule 19 that did so, nor the words of subsections (2), (3A), (3B), (4A) and (5B): check them, and the former section 40(3)(a)(i), against the Act on legislation.gov.uk',
  }),
  foia(['41'], TABLE, {
    heading: 'Information provided in confidence',
    statutoryWords:
      'it was obtained by the public authority from any other person (including another public authority), and the disclosure of the information to the public (otherwise than under this Act) by the public authority holding it would constitute a breach of confidence actionable by that or any other person',
    status: 'absolute',
    // The public interest enters only as the common-law defence to an action for breach of confidence.
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 41(2)', 'absolute'),
    unverified: checkWords('section 41(1)'),
  }),
  foia(['42'], TABLE, {
    heading: 'Legal professional privilege',
    statutoryWords:
      'Information in respect of which a claim to legal professional privilege or, in Scotland, to confidentiality of communications could be maintained in legal proceedings is exempt information.',
    status: 'qualified',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 42(2)', 'qualified'),
    publicInterestFactors: LEGAL_PROFESSIONAL_PRIVILEGE,
    unverified: checkWords('section 42(1)'),
  }),
  foia(['43', '1'], TABLE, {
    heading: 'Commercial interests',
    statutoryWords: 'Information is exempt information if it constitutes a trade secret.',
    status: 'qualified',
    test: 'class',
    // Section 43(3) removes the duty to confirm or deny for subsection (2) only.
    neitherConfirmNorDeny: null,
    publicInterestFactors: COMMERCIAL_INTERESTS,
    unverified: checkWords('section 43(1)'),
  }),
  foia(['43', '2'], TABLE, {
    heading: 'Commercial interests',
    statutoryWords:
      'would, or would be likely to, prejudice the commercial interests of any person (including the public authority holding it)',
    status: 'qualified',
    test: 'prejudice',
    neitherConfirmNorDeny: ncnd('section 43(3)', 'qualified'),
    publicInterestFactors: COMMERCIAL_INTERESTS,
    unverified: checkWords('section 43(2)'),
  }),

  // The seed letter quotes section 44(1)(a) and names the Data Protection Act 2018, section 132 as the enactment.
  foia(['44', '1', 'a'], TABLE, {
    heading: 'Prohibitions on disclosure',
    statutoryWords:
      'Information is exempt information if its disclosure (otherwise than under this Act) by the public authority holding it is prohibited by or under any enactment',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 44(2)', 'absolute'),
    route: {
      connective: 'in this case',
      prompt: 'the enactment that prohibits disclosure, such as “Data Protection Act 2018, section 132”',
      options: [
        {
          code: 'dpa-2018-s132',
          citation: 'the Data Protection Act 2018, section 132',
          words:
            'confidential information that has been obtained by, or provided to, the Commissioner in the course of, or for the purposes of, the discharging of the Commissioner’s functions, relates to an identified or identifiable individual or business, and is not available to the public from other sources at the time of the disclosure and has not previously been available to the public from other sources, must not be disclosed unless the disclosure is made with lawful authority',
        },
      ],
      freeText: true,
      required: true,
    },
  }),
  foia(['44', '1', 'b'], TABLE, {
    heading: 'Prohibitions on disclosure',
    statutoryWords:
      'Information is exempt information if its disclosure (otherwise than under this Act) by the public authority holding it is incompatible with any assimilated obligation',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 44(2)', 'absolute'),
    unverified:
      'The reference says the words of section 44(1)(b) changed after the UK left the EU (enacted as “any Community obligation”, then “retained EU obligation”) and asks for them to be verified: check whether it now reads “assimilated obligation”',
  }),
  foia(['44', '1', 'c'], TABLE, {
    heading: 'Prohibitions on disclosure',
    statutoryWords:
      'Information is exempt information if its disclosure (otherwise than under this Act) by the public authority holding it would constitute or be punishable as a contempt of court',
    status: 'absolute',
    test: 'class',
    neitherConfirmNorDeny: ncnd('section 44(2)', 'absolute'),
    unverified: checkWords('section 44(1)(c)'),
  }),
]
