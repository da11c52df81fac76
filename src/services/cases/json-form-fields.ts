import { z } from 'zod'
import type { IsoDate } from '../../domain/calendar/calendar-date.ts'
import { readLabelledDate } from '../../domain/deadlines/clock-request.ts'

/** The field types the case's JSON form is made of, with messages that name the field. */

/** "Outcome must be one of a, b or c" */
export const oneOf = (label: string, values: readonly string[]) =>
  `${label} must be one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`

/** A date a person typed, YYYY-MM-DD, within the calendar's years. */
export const date = (label: string) =>
  z
    .string({ error: `Enter ${label.toLowerCase()} as a date in the form YYYY-MM-DD` })
    .transform((text, context): IsoDate => {
      const read = readLabelledDate(label, text)
      if (!read.ok) {
        context.addIssue({ code: 'custom', message: read.error })
        return z.NEVER
      }
      return read.value
    })
    .meta({ format: 'date', description: `${label}, YYYY-MM-DD` })

/** Text of at most `max` characters. */
export const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text` })
    .max(max, `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
