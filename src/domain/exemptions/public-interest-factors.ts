import type { Exemption } from './exemption.ts'

/**
 * Standard public interest factors for qualified exemptions and exceptions: starting points that an officer edits for
 * the case in hand, never a conclusion. Several provisions protect the same interest (FOIA s31 and FOISA s35, FOIA s43
 * and EIR reg 12(5)(e)), so the sets are shared. Where the seed letters weigh an interest, their factors are used.
 */
export type PublicInterestFactors = NonNullable<Exemption['publicInterestFactors']>

const factors = (forDisclosure: readonly string[], forWithholding: readonly string[]): PublicInterestFactors => ({
  forDisclosure,
  forWithholding,
})

/** EIR reg 12(2): every exception is weighed against a presumption in favour of disclosure. */
const PRESUMPTION = 'The presumption in favour of disclosure (regulation 12(2))'

/** The same factors under the EIR: the presumption in favour of disclosure comes first. */
export const underTheEir = (base: PublicInterestFactors): PublicInterestFactors =>
  factors([PRESUMPTION, ...base.forDisclosure.slice(0, 3)], base.forWithholding)

export const FUTURE_PUBLICATION = factors(
  [
    'The public interest in timely access to the information, before the planned publication date',
    'Openness and transparency about the authority’s work',
  ],
  [
    'The public interest in the information being published in a planned way, with the context needed to understand it',
    'Fairness: the information will be published for everyone at the same time',
    'The cost and disruption of releasing the information early or piecemeal',
  ],
)

export const RESEARCH = factors(
  ['The public interest in research being open to scrutiny', 'Transparency in how public money is spent on research'],
  [
    'The public interest in the research programme being completed without interference',
    'Protecting the interests of the people taking part in the research, and the integrity of findings not yet published',
  ],
)

export const NATIONAL_SECURITY = factors(
  [
    'Public understanding of how the authority contributes to the safety of the country',
    'Accountability for decisions taken in the name of national security',
  ],
  [
    'The very strong public interest in safeguarding national security',
    'Not giving those who would harm the United Kingdom information that would help them, including when it is pieced together with other information',
  ],
)

export const DEFENCE = factors(
  [
    'Public understanding of, and debate about, defence policy and spending',
    'Accountability for the use of the armed forces',
  ],
  [
    'The public interest in the defence of the British Islands and in the capability, effectiveness and security of the armed forces',
    'Not revealing capabilities or weaknesses to a potential adversary',
  ],
)

export const INTERNATIONAL_RELATIONS = factors(
  [
    'Public understanding of the United Kingdom’s relations with other States and international organisations',
    'Accountability for the positions the United Kingdom takes abroad',
  ],
  [
    'The public interest in the United Kingdom keeping effective relations with other States and international organisations',
    'Respecting the confidence in which other States share information, so that they go on doing so',
    'Protecting and promoting the United Kingdom’s interests abroad',
  ],
)

export const RELATIONS_WITHIN_THE_UK = factors(
  [
    'Public understanding of how the UK Government and the devolved administrations work together',
    'Accountability for decisions the administrations take jointly',
  ],
  [
    'The public interest in effective and trusting relations between the administrations of the United Kingdom',
    'Allowing the administrations to discuss issues candidly without weakening their position in later negotiations',
  ],
)

export const ECONOMY = factors(
  [
    'Public understanding of economic and financial decisions that affect everyone',
    'Accountability for the use of public funds',
  ],
  [
    'The public interest in protecting the economic interests of the United Kingdom, or of part of it, and the financial interests of its administrations',
    'Avoiding the market disruption or speculation that early disclosure could cause',
  ],
)

export const CRIMINAL_INVESTIGATIONS = factors(
  [
    'Public confidence that investigations and prosecutions are carried out properly and thoroughly',
    'Accountability for decisions about whether to prosecute',
  ],
  [
    'The public interest in investigations and proceedings not being compromised',
    'Protecting witnesses, informants and confidential sources, so that people go on coming forward',
    'Fairness to people who were investigated but not charged',
  ],
)

export const LAW_ENFORCEMENT = factors(
  [
    'Openness and transparency in how the law is enforced',
    'Public confidence that crime is prevented and detected effectively',
    'Accountability for the use of public resources',
  ],
  [
    'The public interest in preventing and detecting crime and in the effective administration of justice',
    'Not revealing methods or capabilities that would help people avoid detection',
  ],
)

/** FOIA s31(1)(g)–(i), FOISA s35(1)(g)–(h): as the seed letters weigh them. */
export const REGULATORY_FUNCTIONS = factors(
  [
    'Openness and transparency in how the authority carries out its regulatory work',
    'The legitimate interest of the public in understanding how the authority engages with the organisations it regulates',
  ],
  [
    'The public interest in organisations engaging with the regulator fully and candidly, which disclosure could discourage',
    'The public interest in a safe space for the authority to decide what regulatory action to take, without revealing methods that could be used to avoid scrutiny',
    'The public interest in the authority being able to conduct its investigations as it thinks fit',
  ],
)

export const AUDIT = factors(
  [
    'Transparency about how public bodies are audited and how they use their resources',
    'Accountability for what audits find',
  ],
  [
    'The public interest in effective audit, which relies on bodies sharing information freely with their auditors',
    'Allowing auditors to reach and publish their conclusions before their work is disclosed',
  ],
)

export const GOVERNMENT_POLICY = factors(
  [
    'Public understanding of, and participation in, the making of government policy',
    'Accountability for policy decisions, particularly once they have been taken',
  ],
  [
    'The public interest in a safe space for ministers and officials to develop policy while it is still being formed',
    'The public interest in frank and candid advice, which disclosure could discourage',
  ],
)

export const CONDUCT_OF_PUBLIC_AFFAIRS = factors(
  [
    'Openness and transparency in how the authority makes decisions',
    'Accountability for decisions and the advice behind them',
  ],
  [
    'The public interest in the free and frank provision of advice and exchange of views, which disclosure could inhibit',
    'The public interest in a safe space to deliberate while a matter is still live',
  ],
)

export const ROYAL_COMMUNICATIONS_AND_HONOURS = factors(
  [
    'Transparency about the dealings of members of the Royal Family and the Royal Household with public bodies',
    'Transparency in how honours are decided',
  ],
  [
    'The public interest in the constitutional convention that communications with the Royal Family are confidential',
    'Protecting the integrity of the honours system, which relies on candid and confidential assessment',
    'Respecting the privacy of the people concerned',
  ],
)

export const HEALTH_AND_SAFETY = factors(
  [
    'Public understanding of risks to health and safety, and of how the authority manages them',
    'Accountability for decisions about public safety',
  ],
  [
    'The public interest in not endangering anyone’s physical or mental health, or their safety',
    'Not discouraging people from reporting concerns about safety',
  ],
)

/** FOIA s39 and FOISA s39(2): the request belongs under the environmental regulations named. */
export const environmentalInformation = (regulations: string): PublicInterestFactors =>
  factors(
    [
      'The strong public interest in access to environmental information',
      `The presumption in favour of disclosure that applies under ${regulations}`,
    ],
    [
      `The public interest in environmental information being dealt with under ${regulations}, a complete regime of their own`,
      'Avoiding handling the same request under two regimes',
    ],
  )

/** Third-party personal data where the public interest test applies (the second or third condition). */
export const PERSONAL_DATA = factors(
  [
    'The legitimate interest in transparency about the matter the personal data relates to',
    'The accountability of people in senior or public-facing roles for their public actions',
  ],
  [
    'Respecting the objection to processing, or the exemption from the right of access, that the condition rests on',
    'The reasonable expectations of the people concerned, and the distress or harm disclosure could cause them',
  ],
)

export const LEGAL_PROFESSIONAL_PRIVILEGE = factors(
  [
    'Transparency in how the authority reaches decisions that rest on legal advice',
    'Accountability where significant public money, or a matter of wide public concern, is at stake',
  ],
  [
    'The strong public interest, built into legal professional privilege, in the authority being able to seek and receive full and frank legal advice in confidence',
    'Not putting the authority at a disadvantage in current or future litigation',
  ],
)

export const COMMERCIAL_INTERESTS = factors(
  [
    'Transparency and accountability in the spending of public money',
    'Showing that the authority obtains value for money from its contracts',
  ],
  [
    'The public interest in not harming the commercial interests of the authority or of third parties',
    'Fair competition, so that the authority gets value for money in future procurements',
    'The confidence of third parties in sharing commercially sensitive information with the authority',
  ],
)

// The EIR's own exceptions (reg 12(4) and 12(5)), each weighed against the presumption in favour of disclosure.

export const EIR_NOT_HELD = factors(
  [PRESUMPTION, 'The public interest in knowing what environmental information the authority holds'],
  [
    'Information that is not held cannot be provided, whatever the balance of the public interest',
    'The regulations do not require an authority to create information it does not hold',
  ],
)

export const EIR_MANIFESTLY_UNREASONABLE = factors(
  [PRESUMPTION, 'The value and seriousness of the request, and the public interest in its subject'],
  [
    'The public interest in protecting public resources from a disproportionate burden',
    'Not diverting staff from the authority’s other work, including other requests',
  ],
)

export const EIR_TOO_GENERAL = factors(
  [PRESUMPTION, 'The public interest in the subject of the request'],
  [
    'The authority cannot identify the information wanted, having offered advice and assistance under regulation 9',
    'Guessing at what is wanted would cost time and serve neither the requester nor the public',
  ],
)

export const EIR_UNFINISHED = factors(
  [PRESUMPTION, 'Public participation in decisions about the environment while they can still be influenced'],
  [
    'The public interest in a safe space to finish work and develop thinking',
    'Avoiding the confusion that incomplete or unchecked information could cause',
  ],
)

export const EIR_INTERNAL_COMMUNICATIONS = factors(
  [PRESUMPTION, 'Transparency in how the authority makes decisions that affect the environment'],
  [
    'The public interest in a safe space for officials to think and discuss matters in private',
    'Protecting frank discussion, which disclosure could inhibit',
  ],
)

export const EIR_PUBLIC_SAFETY = factors(
  [PRESUMPTION, 'Public understanding of risks and of how they are managed'],
  [
    'The public interest in international relations, defence, national security and public safety',
    'Not revealing weaknesses to those who would exploit them',
  ],
)

export const EIR_COURSE_OF_JUSTICE = factors(
  [
    PRESUMPTION,
    'Confidence that justice is done and seen to be done',
    'Accountability for the authority’s inquiries and the way it conducts them',
  ],
  [
    'The strong public interest in the course of justice, including legal professional privilege',
    'The right of every person to a fair trial',
    'Inquiries of a criminal or disciplinary nature not being compromised',
  ],
)

export const EIR_INTELLECTUAL_PROPERTY = factors(
  [PRESUMPTION, 'Public access to environmental information, including information produced with public money'],
  [
    'Respecting intellectual property rights, so that their owners’ investment is protected',
    'Not exposing the authority or others to infringement of those rights',
  ],
)

export const EIR_CONFIDENTIAL_PROCEEDINGS = factors(
  [PRESUMPTION, 'Transparency in the proceedings of public authorities'],
  [
    'Respecting confidentiality that the law provides, so that the proceedings work as intended',
    'The authority’s ability to deliberate in confidence where the law allows it',
  ],
)

export const EIR_COMMERCIAL_CONFIDENTIALITY = factors(
  [
    PRESUMPTION,
    'Transparency and accountability in the spending of public money',
    'Public understanding of activities that affect the environment',
  ],
  [
    'Protecting the legitimate economic interest that the confidentiality serves',
    'The confidence of third parties in sharing commercially sensitive information with the authority',
  ],
)

export const EIR_VOLUNTARY_SUPPLIER = factors(
  [PRESUMPTION, 'Public understanding of the information the authority relies on'],
  [
    'Respecting the interests of the person who volunteered the information',
    'The public interest in people going on supplying information voluntarily',
  ],
)

export const EIR_ENVIRONMENT = factors(
  [PRESUMPTION, 'Public participation in protecting the environment'],
  [
    'Protecting the part of the environment the information relates to, such as the location of rare species or archaeological sites',
    'Not helping those who would damage it',
  ],
)
