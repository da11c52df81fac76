/** Who asked. Kept apart from the case: FOI is applicant-blind, and disposal erases the requester, not the case. */
export const REQUESTER_TYPES = [
  'member-of-the-public',
  'journalist',
  'business',
  'mp',
  'campaign-group',
  'solicitor',
  'researcher',
  'other',
] as const
export type RequesterType = (typeof REQUESTER_TYPES)[number]

export const REQUESTER_TYPE_NAMES: Readonly<Record<RequesterType, string>> = {
  'member-of-the-public': 'Member of the public',
  journalist: 'Journalist',
  business: 'Business',
  mp: 'MP or elected representative',
  'campaign-group': 'Campaign group',
  solicitor: 'Solicitor',
  researcher: 'Researcher',
  other: 'Other',
}

export interface Requester {
  readonly id: string
  readonly name: string
  readonly email: string | null
  readonly postalAddress: string | null
  readonly type: RequesterType
  /** Set when disposal erased the name and contact details; the type is kept for statistics. */
  readonly erasedAt: string | null
}
