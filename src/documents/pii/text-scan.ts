/** Small helpers the detectors share: character classes by code unit, and the words just before a span. */

import type { Finding, PiiType } from './finding.ts'

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u

/** A letter or digit at `index` (any script); false outside the text. ASCII is answered without a regex. */
export const isWordAt = (text: string, index: number): boolean => {
  if (index < 0 || index >= text.length) return false
  const code = text.charCodeAt(index)
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return NON_ASCII_WORD.test(text.charAt(index))
}

export const isDigitAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index)
  return code >= 48 && code <= 57
}

/** The digits of a span, separators dropped. */
export const digitsOf = (value: string): string => value.replace(/\D+/g, '')

/** Up to `length` characters before `start`, lower case: what a context rule reads. */
export const before = (text: string, start: number, length: number): string =>
  text.slice(Math.max(0, start - length), start).toLowerCase()

/** Whether a separated digit run goes on past `end` ("1234 5678 9" goes on past "1234 5678"). */
export const digitRunContinues = (text: string, end: number): boolean => {
  const next = text.charCodeAt(end)
  return (next === 32 || next === 45) && isDigitAt(text, end + 1)
}

/** Whether a separated digit run started before `start`. */
export const digitRunPrecedes = (text: string, start: number): boolean => {
  const previous = text.charCodeAt(start - 1)
  return (previous === 32 || previous === 45) && isDigitAt(text, start - 2)
}

export const makeFinding = (
  type: PiiType,
  text: string,
  start: number,
  end: number,
  score: number,
  reason: string,
): Finding => ({ type, start, end, text: text.slice(start, end), score, reason })
