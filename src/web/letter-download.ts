import type { Response } from 'express'
import type { LetterKind } from '../domain/letters/letter-document.ts'
import type { RenderedLetter } from '../services/letters/letter.service.ts'

/**
 * A letter sent as a file to save: the same headers from the API and the staff pages. The file name is the case's
 * reference and the letter's kind (`IC-335210-T7S5-response.pdf`); a reference's characters are safe in a header
 * already, but anything outside letters, digits and hyphens is replaced all the same, so that nothing a person
 * typed can end the quoted name or start another header.
 */

export const letterFileName = (reference: string, kind: LetterKind, extension: string): string => {
  const safe = (text: string): string =>
    text
      .trim()
      .toUpperCase()
      .replace(/[^A-Z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
  const base = safe(reference) === '' ? 'letter' : safe(reference)
  return `${base}-${kind}.${extension.replace(/[^a-z0-9]/gi, '').toLowerCase()}`
}

export const sendLetterFile = (res: Response, reference: string, kind: LetterKind, file: RenderedLetter): void => {
  res.set('Content-Type', file.mediaType)
  res.set('Content-Disposition', `attachment; filename="${letterFileName(reference, kind, file.extension)}"`)
  res.send(file.bytes)
}
