import type { IsoDate } from './calendar-date.ts'
import type { OneOffChange } from './bank-holiday-rules.ts'

const UK = ['england-and-wales', 'scotland', 'northern-ireland'] as const

/**
 * Bank holidays moved or added by Royal proclamation, 1990 onwards. Titles and notes follow GOV.UK's data where
 * GOV.UK publishes the year (2012 on); earlier ones follow the proclamations as reported at the time.
 *
 * When a new one-off day is proclaimed, add it here (and import the GOV.UK feed: `disclose holidays import`).
 */
export const ONE_OFF_BANK_HOLIDAYS: readonly OneOffChange[] = [
  {
    year: 1995,
    divisions: UK,
    moves: 'early-may',
    date: '1995-05-08' as IsoDate,
    title: 'Early May bank holiday (VE day)',
    notes: '',
    source: 'Moved from Monday 1 May for the 50th anniversary of VE Day',
  },
  {
    year: 1999,
    divisions: UK,
    date: '1999-12-31' as IsoDate,
    title: 'Millennium bank holiday',
    notes: 'Extra bank holiday',
    source: 'Proclaimed for the millennium celebrations',
  },
  {
    year: 2002,
    divisions: UK,
    moves: 'spring',
    date: '2002-06-04' as IsoDate,
    title: 'Spring bank holiday',
    notes: 'Substitute day',
    source: 'Moved from Monday 27 May for the Golden Jubilee',
  },
  {
    year: 2002,
    divisions: UK,
    date: '2002-06-03' as IsoDate,
    title: 'Queen’s Golden Jubilee',
    notes: 'Extra bank holiday',
    source: 'Proclaimed for the Golden Jubilee of Queen Elizabeth II',
  },
  {
    year: 2011,
    divisions: UK,
    date: '2011-04-29' as IsoDate,
    title: 'Royal wedding',
    notes: 'Extra bank holiday',
    source: 'Proclaimed for the wedding of Prince William and Catherine Middleton',
  },
  {
    year: 2012,
    divisions: UK,
    moves: 'spring',
    date: '2012-06-04' as IsoDate,
    title: 'Spring bank holiday',
    notes: 'Substitute day',
    source: 'Moved from Monday 28 May for the Diamond Jubilee',
  },
  {
    year: 2012,
    divisions: UK,
    date: '2012-06-05' as IsoDate,
    title: 'Queen’s Diamond Jubilee',
    notes: 'Extra bank holiday',
    source: 'Proclaimed for the Diamond Jubilee of Queen Elizabeth II',
  },
  {
    year: 2020,
    divisions: UK,
    moves: 'early-may',
    date: '2020-05-08' as IsoDate,
    title: 'Early May bank holiday (VE day)',
    notes: '',
    source: 'Moved from Monday 4 May for the 75th anniversary of VE Day',
  },
  {
    year: 2022,
    divisions: UK,
    moves: 'spring',
    date: '2022-06-02' as IsoDate,
    title: 'Spring bank holiday',
    notes: '',
    source: 'Moved from Monday 30 May for the Platinum Jubilee',
  },
  {
    year: 2022,
    divisions: UK,
    date: '2022-06-03' as IsoDate,
    title: 'Platinum Jubilee bank holiday',
    notes: '',
    source: 'Proclaimed for the Platinum Jubilee of Queen Elizabeth II',
  },
  {
    year: 2022,
    divisions: UK,
    date: '2022-09-19' as IsoDate,
    title: 'Bank Holiday for the State Funeral of Queen Elizabeth II',
    notes: '',
    source: 'Proclaimed for the State Funeral of Queen Elizabeth II',
  },
  {
    year: 2023,
    divisions: UK,
    date: '2023-05-08' as IsoDate,
    title: 'Bank holiday for the coronation of King Charles III',
    notes: '',
    source: 'Proclaimed for the coronation of King Charles III',
  },
]
