/** One way in to the three renderers: a letter in the format asked for, as bytes with their media type. */
import type { LetterDocument } from '../domain/letters/letter-document.ts'
import { renderLetterDocx } from './render-letter-docx.ts'
import { renderLetterHtml } from './render-letter-html.ts'
import { renderLetterPdf } from './render-letter-pdf.ts'

export const LETTER_FORMATS = ['html', 'pdf', 'docx'] as const
export type LetterFormat = (typeof LETTER_FORMATS)[number]

export interface RenderedLetter {
  readonly bytes: Buffer
  readonly mediaType: string
  /** Without the dot: "pdf". */
  readonly extension: string
}

/** The letter as a file: a standalone HTML page, an accessible PDF, or a DOCX to edit in Word. */
export const renderLetter = async (letter: LetterDocument, format: LetterFormat): Promise<RenderedLetter> => {
  switch (format) {
    case 'html':
      return {
        bytes: Buffer.from(renderLetterHtml(letter, { standalone: true }), 'utf8'),
        mediaType: 'text/html; charset=utf-8',
        extension: 'html',
      }
    case 'pdf':
      return { bytes: await renderLetterPdf(letter), mediaType: 'application/pdf', extension: 'pdf' }
    case 'docx':
      return {
        bytes: await renderLetterDocx(letter),
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      }
  }
}
