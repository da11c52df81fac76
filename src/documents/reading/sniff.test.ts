import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildZip, bytesOf } from '../../../test/fixtures/documents/archives.ts'
import { buildEmailWithAttachments, PDF_LIKE_BYTES } from '../../../test/fixtures/documents/emails.ts'
import { buildPlainDocx, buildPlainXlsx } from '../../../test/fixtures/documents/office-files.ts'
import { buildCompoundFile, buildSampleMsg } from '../../../test/fixtures/documents/outlook-msg.ts'
import { identifyFile, looksLikeEmail } from './sniff.ts'

const identify = (bytes: Uint8Array, name = 'upload') => identifyFile({ bytes, name, depth: 0 })

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46])
const TIFF_LITTLE = new Uint8Array([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])
const TIFF_BIG = new Uint8Array([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])

describe('identifying a file by its bytes', () => {
  it.each([
    ['a PDF', PDF_LIKE_BYTES, 'pdf', 'application/pdf'],
    [
      'a PDF with junk before its header',
      new Uint8Array([...new Uint8Array(500).fill(32), ...PDF_LIKE_BYTES]),
      'pdf',
      'application/pdf',
    ],
    ['a PNG', PNG, 'image', 'image/png'],
    ['a JPEG', JPEG, 'image', 'image/jpeg'],
    ['a little-endian TIFF', TIFF_LITTLE, 'image', 'image/tiff'],
    ['a big-endian TIFF', TIFF_BIG, 'image', 'image/tiff'],
    ['an email', bytesOf('From: a@example.org\r\nSubject: Hello\r\n\r\nBody'), 'email', 'message/rfc822'],
    ['plain text', bytesOf('Meeting notes\nNothing else.\n'), 'text', 'text/plain'],
    ['UTF-16 text', new Uint8Array([0xff, 0xfe, ...Buffer.from('Notes', 'utf16le')]), 'text', 'text/plain'],
    ['a plain archive', zipSync({ 'a.txt': bytesOf('a') }), 'archive', 'application/zip'],
    ['an empty archive', zipSync({}), 'archive', 'application/zip'],
  ] as const)('knows %s', (_, bytes, kind, mediaType) => {
    expect(identify(bytes)).toEqual({ ok: true, value: { kind, mediaType, notes: [] } })
  })

  it('knows an archive whose first file is a PDF stored uncompressed for an archive, not a PDF', () => {
    const archive = buildZip([{ name: 'scan.pdf', data: PDF_LIKE_BYTES, method: 0 }])
    expect(identify(archive, 'scans.zip')).toMatchObject({ ok: true, value: { kind: 'archive' } })
  })

  it('knows Word and Excel files by the parts inside their ZIP package', async () => {
    expect(identify(await buildPlainDocx(), 'letter.docx')).toMatchObject({
      ok: true,
      value: { kind: 'docx', notes: [] },
    })
    expect(identify(await buildPlainXlsx(), 'figures.xlsx')).toMatchObject({
      ok: true,
      value: { kind: 'spreadsheet', notes: [] },
    })
  })

  it('knows an Outlook message from other compound files', () => {
    expect(identify(buildSampleMsg(), 'mail.msg')).toEqual({
      ok: true,
      value: { kind: 'email', mediaType: 'application/vnd.ms-outlook', notes: [] },
    })
  })

  it('notes when the name says one thing and the bytes another, and believes the bytes', async () => {
    expect(identify(await buildPlainDocx(), 'scan.pdf')).toEqual({
      ok: true,
      value: {
        kind: 'docx',
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        notes: ['The file is named .pdf but it is a Word document (DOCX); it was read as a Word document.'],
      },
    })
    expect(identify(PNG, 'photo.JPG')).toMatchObject({
      ok: true,
      value: { notes: ['The file is named .jpg but it is a PNG image; it was read as an image.'] },
    })
    expect(identify(bytesOf('just words'), 'data.xlsx')).toMatchObject({
      ok: true,
      value: { kind: 'text', notes: ['The file is named .xlsx but it is a text file; it was read as text.'] },
    })
  })

  it('reads text named .csv or .tsv as CSV, and CSV content under another name as text', () => {
    expect(identify(bytesOf('a,b\n1,2\n'), 'list.csv')).toEqual({
      ok: true,
      value: { kind: 'csv', mediaType: 'text/csv', notes: [] },
    })
    expect(identify(bytesOf('a\tb\n1\t2\n'), 'list.TSV')).toMatchObject({ ok: true, value: { kind: 'csv' } })
    expect(identify(bytesOf('a,b\n1,2\n'), 'list.txt')).toMatchObject({ ok: true, value: { kind: 'text', notes: [] } })
  })

  it('takes an email named .csv for an email, because its bytes say so', () => {
    const email = bytesOf(buildEmailWithAttachments(new Uint8Array([1, 2, 3])))
    expect(identify(email, 'export.csv')).toMatchObject({
      ok: true,
      value: {
        kind: 'email',
        notes: ['The file is named .csv but it is an email message (EML); it was read as an email.'],
      },
    })
  })

  it('refuses an empty file as empty', () => {
    expect(identify(new Uint8Array(0), 'empty.pdf')).toMatchObject({ ok: false, error: { code: 'empty' } })
  })

  it('refuses Word 97 and Excel 97 files, saying how to convert them', () => {
    const word = identify(buildCompoundFile({ WordDocument: bytesOf('w') }), 'old.doc')
    expect(word).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(!word.ok && word.error.message).toContain('.docx')
    const excel = identify(buildCompoundFile({ Workbook: bytesOf('b') }), 'old.xls')
    expect(!excel.ok && excel.error.message).toContain('.xlsx')
  })

  it('refuses a password-protected Office file as encrypted, saying what to do', () => {
    const locked = identify(
      buildCompoundFile({ EncryptionInfo: bytesOf('i'), EncryptedPackage: bytesOf('p') }),
      'a.docx',
    )
    expect(locked).toMatchObject({ ok: false, error: { code: 'encrypted' } })
    expect(!locked.ok && locked.error.message).toContain('remove the password')
  })

  it('refuses other Office and OpenDocument packages, saying what to save them as', () => {
    const presentation = identify(
      zipSync({ '[Content_Types].xml': bytesOf('<Types/>'), 'ppt/presentation.xml': bytesOf('<p/>') }),
    )
    expect(presentation).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    const odt = identify(
      zipSync({
        mimetype: [bytesOf('application/vnd.oasis.opendocument.text'), { level: 0 }],
        'content.xml': bytesOf('<x/>'),
      }),
    )
    expect(!odt.ok && odt.error.message).toContain('.docx')
    const ods = identify(
      zipSync({ mimetype: [bytesOf('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }] }),
    )
    expect(!ods.ok && ods.error.message).toContain('.xlsx')
    const visio = identify(
      zipSync({ '[Content_Types].xml': bytesOf('<Types/>'), 'visio/document.xml': bytesOf('<v/>') }),
    )
    expect(visio).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })

  it('refuses a damaged ZIP as corrupt', () => {
    const archive = buildZip([{ name: 'a.txt', data: bytesOf('a') }])
    expect(identify(archive.subarray(0, 20))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
  })

  it('refuses binary it does not know, naming the formats it reads', () => {
    const unknown = identify(new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xfe, 0x00, 0x10, 0x11]), 'mystery.bin')
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(!unknown.ok && unknown.error.message).toContain('PDF, Word (.docx), Excel (.xlsx)')
    expect(identify(bytesOf('GIF89a....'))).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    expect(identify(bytesOf('{\\rtf1\\ansi hello}'))).toMatchObject({ ok: false, error: { code: 'unsupported' } })
  })

  it('is not troubled by hostile names, and never repeats them', () => {
    const hostile = [
      '../../etc/passwd',
      'C:\\Windows\\System32\\evil.pdf',
      'name\u0000with\u0007controls\u202E.txt',
      `${'x'.repeat(10_000)}.pdf`,
      '',
    ]
    for (const name of hostile) {
      const text = identify(bytesOf('Plain words.'), name)
      expect(text.ok).toBe(true)
      const refused = identify(new Uint8Array([0, 1, 2, 3, 0, 5]), name)
      expect(!refused.ok && refused.error.message.length).toBeLessThan(400)
      if (!refused.ok) expect(refused.error.message).not.toContain('passwd')
    }
    expect(identify(bytesOf('Plain words.'), `${'x'.repeat(10_000)}.pdf`)).toMatchObject({
      value: { notes: ['The file is named .pdf but it is a text file; it was read as text.'] },
    })
  })
})

describe('recognising an email header block', () => {
  it.each([
    ['From: a@example.org\nTo: b@example.org\n\nHello', true],
    ['Received: from x\n\tby y; Mon, 1 Jan 2024\nMIME-Version: 1.0\nContent-Type: text/plain\n\nBody', true],
    ['Subject: only one header\n\nBody', false],
    ['Name: Priya\nRole: Officer\n\nNo email headers here', false],
    ['Dear Sir: I write to complain\nabout parking.', false],
    ['Name,Email\nPriya,p@example.org', false],
    [' From: folded first line\nSubject: x\n\n', false],
  ])('%j is an email: %s', (text, expected) => {
    expect(looksLikeEmail(bytesOf(text))).toBe(expected)
  })
})
