import type { IsoDate } from './calendar-date.ts'
import type { Division } from './division.ts'

/**
 * Where a bank holiday date came from:
 * - `rule`: derived by Disclose from the Banking and Financial Dealings Act 1971 schedule, the yearly proclamations'
 *   pattern and its own table of one-off proclaimed days (`one-off-bank-holidays.ts`);
 * - `published`: GOV.UK's published data, shipped with Disclose;
 * - `imported`: a GOV.UK feed an administrator imported, which wins for the years it covers.
 */
export type Provenance = 'rule' | 'published' | 'imported'

export interface BankHoliday {
  readonly date: IsoDate
  readonly division: Division
  /** As GOV.UK writes it: "St Andrew’s Day". */
  readonly title: string
  /** As GOV.UK writes it: "Substitute day", "Extra bank holiday" or "". */
  readonly notes: string
  readonly provenance: Provenance
}
