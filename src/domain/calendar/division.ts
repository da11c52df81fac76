/** The three bank-holiday divisions of the United Kingdom, as GOV.UK names them. */
export const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const
export type Division = (typeof DIVISIONS)[number]

export const DIVISION_NAMES: Readonly<Record<Division, string>> = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
}

export const isDivision = (text: string): text is Division => (DIVISIONS as readonly string[]).includes(text)

/** The years Disclose keeps a calendar for. Deadlines may run a little past the last one. */
export const FIRST_CALENDAR_YEAR = 1990
export const LAST_CALENDAR_YEAR = 2100
