import type { Division } from '../calendar/division.ts'
import type { CalendarScope } from '../calendar/working-day-calendar.ts'

export const REGIMES = ['foia', 'eir', 'foisa', 'sar'] as const
export type Regime = (typeof REGIMES)[number]

export const isRegime = (text: string): text is Regime => (REGIMES as readonly string[]).includes(text)

export const REGIME_ABBREVIATIONS: Readonly<Record<Regime, string>> = {
  foia: 'FOIA',
  eir: 'EIR',
  foisa: 'FOISA',
  sar: 'subject access',
}

export const REGIME_NAMES: Readonly<Record<Regime, string>> = {
  foia: 'Freedom of Information Act 2000',
  eir: 'Environmental Information Regulations 2004',
  foisa: 'Freedom of Information (Scotland) Act 2002',
  sar: 'UK GDPR subject access request',
}

/** The calendar a regime counts on. */
export const calendarScopeFor = (regime: Regime, nation: Division): CalendarScope => {
  switch (regime) {
    case 'foia':
    case 'eir':
      return 'united-kingdom'
    case 'foisa':
      return 'scotland'
    case 'sar':
      return nation
  }
}

/** The provision that says which days are working days. */
export const WORKING_DAY_BASIS: Readonly<Record<Regime, string>> = {
  foia: 'FOIA s10(6)',
  eir: 'EIR reg 2(1) (FOIA s10(6))',
  foisa: 'FOISA s73',
  sar: 'UK GDPR Art 12(3) (next working day)',
}
