import type { Regime } from '../deadlines/regime.ts'

/** What each law calls the pieces of a refusal, and where a requester goes next. */
export interface RegimeProvisions {
  /** The provision that says what a refusal notice must contain. */
  readonly refusalNotice: string
  /** Where the right to a review comes from. */
  readonly review: string
  /** The right to apply to the regulator. */
  readonly complaint: string
  readonly regulator: string
  /** As the letter names the law in a sentence. */
  readonly lawName: string
  readonly lawAbbreviation: string
}

export const REGIME_PROVISIONS: Readonly<Record<Exclude<Regime, 'sar'>, RegimeProvisions>> = {
  foia: {
    refusalNotice: 'FOIA section 17',
    review: 'the section 45 Code of Practice, part 5',
    complaint: 'FOIA section 50',
    regulator: 'the Information Commissioner',
    lawName: 'the Freedom of Information Act 2000',
    lawAbbreviation: 'FOIA',
  },
  eir: {
    refusalNotice: 'EIR regulation 14',
    review: 'EIR regulation 11',
    complaint: 'EIR regulation 18 (applying FOIA section 50)',
    regulator: 'the Information Commissioner',
    lawName: 'the Environmental Information Regulations 2004',
    lawAbbreviation: 'EIR',
  },
  foisa: {
    refusalNotice: 'FOISA section 16',
    review: 'FOISA section 20',
    complaint: 'FOISA section 47',
    regulator: 'the Scottish Information Commissioner',
    lawName: 'the Freedom of Information (Scotland) Act 2002',
    lawAbbreviation: 'FOISA',
  },
}
