import { describe, expect, it } from 'vitest'
import { fixtureLetter } from './letter-fixture.test-support.ts'
import { LETTER_FORMATS, renderLetter, type LetterFormat } from './letter-renderer.ts'

const EXPECTED: Readonly<Record<LetterFormat, { mediaType: string; extension: string; magic: string }>> = {
  html: { mediaType: 'text/html; charset=utf-8', extension: 'html', magic: '<!DOCTYPE html>' },
  pdf: { mediaType: 'application/pdf', extension: 'pdf', magic: '%PDF-1.7' },
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    magic: 'PK\u0003\u0004',
  },
}

describe('renderLetter', () => {
  it.each(LETTER_FORMATS)('gives the letter as %s with its media type and extension', async (format) => {
    const rendered = await renderLetter(fixtureLetter(), format)
    const expected = EXPECTED[format]
    expect(rendered.mediaType).toBe(expected.mediaType)
    expect(rendered.extension).toBe(expected.extension)
    expect(rendered.bytes.subarray(0, expected.magic.length).toString('latin1')).toBe(expected.magic)
  })

  it('gives HTML as a standalone page', async () => {
    const rendered = await renderLetter(fixtureLetter(), 'html')
    expect(rendered.bytes.toString('utf8')).toContain('<title>Response to your request WX-335210-T7S5</title>')
  })
})
