import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../test/fixtures/documents/archives.ts'
import { buildDocx, buildPlainDocx, DOCX_PEOPLE } from '../../../test/fixtures/documents/office-files.ts'
import { buildCompoundFile } from '../../../test/fixtures/documents/outlook-msg.ts'
import { DEFAULT_READ_LIMITS } from '../reading/document-reading.ts'
import { readDocx, wordText } from './mammoth-docx.reader.ts'

const read = (bytes: Uint8Array) => readDocx({ bytes, name: 'letter.docx', depth: 0 })

describe('the Word document reader', () => {
  it('reads the body, and the title, author and dates from the document’s properties', async () => {
    const reading = await read(await buildDocx())
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    expect(reading.value).toMatchObject({
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      title: 'Complaint about parking permits',
      author: DOCX_PEOPLE.author,
      pages: [],
      hidden: [],
      contained: [],
    })
    expect(reading.value.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/)
    expect(reading.value.text.startsWith('Request from Priya Testperson about parking permits.')).toBe(true)
  })

  it('adds comments, tracked changes and hidden text after the body, with who made them', async () => {
    const reading = await read(await buildDocx())
    if (!reading.ok) throw new Error('the document should be read')
    const { text, notes } = reading.value
    expect(text).toContain(
      `Comments:\nComment by ${DOCX_PEOPLE.commenter} (2024-02-03): Call Mr Samplename back on 07700 900123 before replying.`,
    )
    expect(text).toContain(
      `Tracked changes:\nDeleted by ${DOCX_PEOPLE.editor} (2024-02-04): Mr Dan Deletedname of 4 Example Road\nInserted by ${DOCX_PEOPLE.editor} (2024-02-04): a neighbour`,
    )
    expect(text).toContain('Hidden text:\nHidden note: her NHS number is in the file.')
    expect(notes).toHaveLength(3)
    expect(notes[0]).toContain('1 comment')
    expect(notes[1]).toContain('tracked changes')
    expect(notes[2]).toContain('hidden text')
  })

  it('adds the text of headers, footers and footnotes, which the body leaves out', async () => {
    const reading = await read(await buildDocx())
    if (!reading.ok) throw new Error('the document should be read')
    expect(reading.value.text).toContain(
      'Headers and footers:\nPrepared by the Parking Team, SW1A 2AA\nContact: parking@example.gov.uk',
    )
    expect(reading.value.text).toContain('Footnotes and endnotes:\nFootnote: see the file of Priya Testperson.')
  })

  it('has no notes and no extra sections for a document with nothing hidden', async () => {
    const reading = await read(await buildPlainDocx('Nothing to hide & nothing to fear.'))
    expect(reading).toMatchObject({ ok: true, value: { text: 'Nothing to hide & nothing to fear.', notes: [] } })
  })

  it('reads the words of WordprocessingML, tabs and breaks included', () => {
    expect(
      wordText(
        '<w:r><w:t>A&amp;B</w:t><w:tab/><w:t xml:space="preserve"> C</w:t><w:br/><w:delText>D</w:delText></w:r>',
      ),
    ).toBe('A&B\t C\nD')
  })

  it('refuses damaged files and files that are not Word documents as corrupt, saying what to do', async () => {
    const whole = await buildPlainDocx()
    for (const bytes of [
      whole.subarray(0, whole.length / 2),
      bytesOf('not a document'),
      zipSync({ 'a.txt': bytesOf('a') }),
    ]) {
      const reading = await read(bytes)
      expect(reading).toMatchObject({ ok: false, error: { code: 'corrupt' } })
      expect(!reading.ok && reading.error.message).toContain('Open it in Word or LibreOffice, save a new copy')
    }
    const broken = zipSync({
      'word/document.xml': bytesOf('<w:document><w:body><w:p>'),
      '[Content_Types].xml': bytesOf('<'),
    })
    expect(await read(broken)).toMatchObject({ ok: false, error: { code: 'corrupt' } })
  })

  it('refuses a password-protected document as encrypted, and a Word 97 document as unsupported', async () => {
    expect(
      await read(buildCompoundFile({ EncryptionInfo: bytesOf('i'), EncryptedPackage: bytesOf('p') })),
    ).toMatchObject({
      ok: false,
      error: { code: 'encrypted' },
    })
    expect(await read(buildCompoundFile({ WordDocument: bytesOf('w') }))).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
  })

  it('refuses a document that would expand beyond the limit before opening it', async () => {
    const reading = await readDocx(
      { bytes: await buildPlainDocx(), name: 'a.docx', depth: 0 },
      {
        ...DEFAULT_READ_LIMITS,
        maxExpandedBytes: 1000,
      },
    )
    expect(reading).toMatchObject({ ok: false, error: { code: 'too-large' } })
  })
})
