import { fail, ok, type Result } from '../../domain/result.ts'
import { classifyCompoundFile, isCompoundFile, readCompoundDirectory } from './compound-file.ts'
import type { DocumentKind, ReadInput, ReadProblem } from './document-reading.ts'
import { extensionOf } from './file-names.ts'
import { EMPTY_FILE, looksLikeText } from './plain-text.reader.ts'
import { findEntry, inflateEntry, readZipDirectory, type ZipDirectory } from './zip-directory.ts'

/**
 * Decides what a file is from its bytes, never from its name: the name only supplies the extension, to note when it
 * disagrees with the content, and to tell CSV from other text (CSV has no signature of its own).
 */

export interface FileIdentity {
  readonly kind: DocumentKind
  readonly mediaType: string
  /** Things worth telling the reviewer, such as a name whose extension does not match the content. */
  readonly notes: readonly string[]
}

type Format =
  'pdf' | 'png' | 'jpeg' | 'tiff' | 'docx' | 'xlsx' | 'zip' | 'msg' | 'eml' | 'csv' | 'tsv' | 'text' | 'html'

const FORMATS: Readonly<Record<Format, { kind: DocumentKind; mediaType: string; description: string; short: string }>> =
  {
    pdf: { kind: 'pdf', mediaType: 'application/pdf', description: 'a PDF', short: 'a PDF' },
    png: { kind: 'image', mediaType: 'image/png', description: 'a PNG image', short: 'an image' },
    jpeg: { kind: 'image', mediaType: 'image/jpeg', description: 'a JPEG image', short: 'an image' },
    tiff: { kind: 'image', mediaType: 'image/tiff', description: 'a TIFF image', short: 'an image' },
    docx: {
      kind: 'docx',
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      description: 'a Word document (DOCX)',
      short: 'a Word document',
    },
    xlsx: {
      kind: 'spreadsheet',
      mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      description: 'an Excel spreadsheet (XLSX)',
      short: 'a spreadsheet',
    },
    zip: { kind: 'archive', mediaType: 'application/zip', description: 'a ZIP archive', short: 'an archive' },
    msg: {
      kind: 'email',
      mediaType: 'application/vnd.ms-outlook',
      description: 'an Outlook message (MSG)',
      short: 'an email',
    },
    eml: { kind: 'email', mediaType: 'message/rfc822', description: 'an email message (EML)', short: 'an email' },
    csv: { kind: 'csv', mediaType: 'text/csv', description: 'a CSV file', short: 'a CSV file' },
    tsv: {
      kind: 'csv',
      mediaType: 'text/tab-separated-values',
      description: 'a tab-separated file',
      short: 'a table of values',
    },
    text: { kind: 'text', mediaType: 'text/plain', description: 'a text file', short: 'text' },
    html: { kind: 'text', mediaType: 'text/html', description: 'a web page (HTML)', short: 'text' },
  }

/** What a file with each extension is expected to be. */
const EXPECTED: Readonly<Record<string, Format | readonly Format[]>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  tif: 'tiff',
  tiff: 'tiff',
  docx: 'docx',
  docm: 'docx',
  xlsx: 'xlsx',
  xlsm: 'xlsx',
  zip: 'zip',
  msg: 'msg',
  eml: 'eml',
  csv: ['csv', 'tsv'],
  tsv: ['tsv', 'csv'],
  tab: ['tsv', 'csv'],
  txt: 'text',
  text: 'text',
  log: 'text',
  md: 'text',
  htm: 'html',
  html: 'html',
}

/** The formats Disclose reads, for messages that refuse a file. */
export const READABLE_FORMATS =
  'PDF, Word (.docx), Excel (.xlsx), CSV, plain text, email (.eml and Outlook .msg), images (PNG, JPEG, TIFF) and ZIP archives'

const unsupported = (what: string, todo: string): ReadProblem => ({
  code: 'unsupported',
  message: `${what} Disclose cannot read this kind of file. ${todo}`,
})

const UNKNOWN_FORMAT = unsupported(
  'The file is not in a format Disclose recognises.',
  `It reads ${READABLE_FORMATS}: save or export the file in one of those formats and upload that.`,
)

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0): boolean =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte)

const ascii = (text: string): number[] => [...text].map((character) => character.charCodeAt(0))

const containsPdfSignature = (bytes: Uint8Array): boolean => {
  const signature = ascii('%PDF-')
  const end = Math.min(bytes.length, 1024) - signature.length
  for (let at = 0; at <= end; at += 1) if (startsWith(bytes, signature, at)) return true
  return false
}

/** Header names that only an email's header block has. */
const EMAIL_HEADERS = new Set(['from', 'date', 'subject', 'message-id', 'received', 'mime-version'])

/**
 * Whether text starts with an RFC 5322 header block: lines of `Name: value` (or folded continuations) up to a blank
 * line, at least two of them, one being From, Date, Subject, Message-ID, Received or MIME-Version.
 */
export const looksLikeEmail = (bytes: Uint8Array): boolean => {
  const sample = new TextDecoder('latin1').decode(bytes.subarray(0, 16 * 1024))
  const lines = sample.split(/\r?\n/)
  // The last line of the sample may be cut short: judge only whole lines, unless the sample is the whole file.
  if (bytes.length > 16 * 1024) lines.pop()
  let headers = 0
  let known = false
  for (const [index, line] of lines.entries()) {
    if (line === '') return headers >= 2 && known
    if (/^[ \t]/.test(line)) {
      if (index === 0) return false
      continue
    }
    const match = /^([!-9;-~]+):/.exec(line)
    if (match === null) return false
    headers += 1
    if (EMAIL_HEADERS.has((match[1] ?? '').toLowerCase())) known = true
  }
  return headers >= 2 && known
}

const officeArchive = (bytes: Uint8Array, directory: ZipDirectory): Result<Format, ReadProblem> => {
  if (findEntry(directory, 'word/document.xml') !== undefined) return ok('docx')
  if (findEntry(directory, 'xl/workbook.xml') !== undefined) return ok('xlsx')
  if (findEntry(directory, 'ppt/presentation.xml') !== undefined) {
    return fail(
      unsupported('The file is a PowerPoint presentation.', 'Save it as a PDF (File > Export) and upload that.'),
    )
  }
  const mimetype = findEntry(directory, 'mimetype')
  if (mimetype !== undefined) {
    const content = inflateEntry(bytes, mimetype, 200)
    const type = content.ok ? new TextDecoder().decode(content.value).trim() : ''
    if (type.startsWith('application/vnd.oasis.opendocument.')) {
      const todo = type.includes('spreadsheet')
        ? 'Save it as an Excel workbook (.xlsx) and upload that.'
        : type.includes('text')
          ? 'Save it as a Word document (.docx) and upload that.'
          : 'Save it as a PDF and upload that.'
      return fail(unsupported('The file is an OpenDocument (LibreOffice or OpenOffice) file.', todo))
    }
  }
  if (findEntry(directory, '[Content_Types].xml') !== undefined) {
    return fail(
      unsupported(
        'The file is a Microsoft Office file of a kind other than Word or Excel.',
        'Save it as a PDF and upload that.',
      ),
    )
  }
  return ok('zip')
}

const ENCRYPTED_OFFICE: ReadProblem = {
  code: 'encrypted',
  message:
    'The file is a Word or Excel file protected by a password, so it cannot be read. Open it, remove the password (File > Info > Protect, then clear the password), save it and upload it again.',
}

const compoundFormat = (bytes: Uint8Array): Result<Format, ReadProblem> => {
  const directory = readCompoundDirectory(bytes)
  if (!directory.ok) {
    return fail({
      code: 'corrupt',
      message:
        'The file looks like an Outlook message or an older Office file, but it is damaged. Open it in Outlook, Word or Excel, save a new copy and upload that.',
    })
  }
  const content = classifyCompoundFile(directory.value)
  switch (content) {
    case 'outlook-message':
      return ok('msg')
    case 'encrypted-office':
      return fail(ENCRYPTED_OFFICE)
    case 'word-97':
      return fail(
        unsupported(
          'The file is a Word 97–2003 document (.doc).',
          'Save it as a .docx document (File > Save As > Word Document) and upload that.',
        ),
      )
    case 'excel-97':
      return fail(
        unsupported(
          'The file is an Excel 97–2003 workbook (.xls).',
          'Save it as a .xlsx workbook (File > Save As > Excel Workbook) and upload that.',
        ),
      )
    case 'powerpoint-97':
      return fail(unsupported('The file is a PowerPoint 97–2003 presentation.', 'Save it as a PDF and upload that.'))
    case 'other':
      return fail(
        unsupported(
          'The file is an older Microsoft Office or other compound file.',
          'Save it as a .docx or .xlsx file, or as a PDF, and upload that.',
        ),
      )
  }
}

const formatOfBytes = (bytes: Uint8Array, extension: string): Result<Format, ReadProblem> => {
  // Signatures at the very start come first: a ZIP whose first entry is a PDF stored uncompressed has "%PDF-"
  // within its first kilobyte too.
  if (startsWith(bytes, ascii('%PDF-'))) return ok('pdf')
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ok('png')
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ok('jpeg')
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return ok('tiff')
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    const directory = readZipDirectory(bytes, { maxEntries: 100_000 })
    if (!directory.ok) {
      return fail({
        code: 'corrupt',
        message:
          'The file looks like a ZIP archive (or a Word or Excel file, which are ZIP archives inside) but it is damaged or incomplete. Upload it again; if that fails, open it and save a new copy.',
      })
    }
    return officeArchive(bytes, directory.value)
  }
  if (isCompoundFile(bytes)) return compoundFormat(bytes)
  // PDF readers accept a header anywhere in the first kilobyte (after a mail gateway's junk, say).
  if (containsPdfSignature(bytes)) return ok('pdf')
  if (startsWith(bytes, ascii('GIF8')) || startsWith(bytes, ascii('BM')) || startsWith(bytes, ascii('WEBP'), 8)) {
    return fail(unsupported('The file is an image in a format Disclose does not read.', 'Convert it to PNG or JPEG.'))
  }
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    return fail(
      unsupported(
        'The file is a photograph or video in an Apple or camera format (such as HEIC or MP4).',
        'Convert photographs to JPEG; video cannot be read.',
      ),
    )
  }
  if (startsWith(bytes, ascii('{\\rtf'))) {
    return fail(
      unsupported('The file is a Rich Text (RTF) document.', 'Open it in Word, save it as .docx and upload that.'),
    )
  }
  // An email's header block is checked before text, as a message with 8-bit attachments may not look like text.
  if (looksLikeEmail(bytes)) return ok('eml')
  if (looksLikeText(bytes)) {
    if (extension === 'csv') return ok('csv')
    if (extension === 'tsv' || extension === 'tab') return ok('tsv')
    const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
    if (start.startsWith('<!doctype html') || start.startsWith('<html')) return ok('html')
    return ok('text')
  }
  return fail(UNKNOWN_FORMAT)
}

const mismatchNote = (extension: string, format: Format): string | undefined => {
  const expected = EXPECTED[extension]
  if (expected === undefined) return undefined
  const expectedFormats: readonly Format[] = typeof expected === 'string' ? [expected] : expected
  if (expectedFormats.includes(format)) return undefined
  const actual = FORMATS[format]
  return `The file is named .${extension} but it is ${actual.description}; it was read as ${actual.short}.`
}

/** Identifies a file from its bytes: which reader should read it, its media type, and notes for the reviewer. */
export const identifyFile = (input: ReadInput): Result<FileIdentity, ReadProblem> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const extension = extensionOf(input.name)
  const format = formatOfBytes(input.bytes, extension)
  if (!format.ok) return format
  const { kind, mediaType } = FORMATS[format.value]
  const note = mismatchNote(extension, format.value)
  const notes = note === undefined ? [] : [note]
  if (format.value === 'html') {
    notes.push('The file is a web page (HTML): it was read as text, markup included.')
  }
  return ok({ kind, mediaType, notes })
}
