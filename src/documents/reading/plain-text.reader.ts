import { fail, ok, type Result } from '../../domain/result.ts'
import type { DocumentReading, ReadInput, ReadProblem } from './document-reading.ts'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/** Windows-1252's characters for bytes 0x80 to 0x9F (Node's decoder treats them as Latin-1 control characters). */
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
]

const decodeWindows1252 = (bytes: Uint8Array): string => {
  const parts: string[] = []
  const chunk = 8192
  for (let start = 0; start < bytes.length; start += chunk) {
    const codes = Array.from(bytes.subarray(start, start + chunk), (byte) =>
      byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte,
    )
    parts.push(String.fromCharCode(...codes))
  }
  return parts.join('')
}

const hasPrefix = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte)

const UTF8_BOM = [0xef, 0xbb, 0xbf]
const UTF16LE_BOM = [0xff, 0xfe]
const UTF16BE_BOM = [0xfe, 0xff]

const isValidUtf8 = (bytes: Uint8Array, partialEndAllowed = false): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: partialEndAllowed })
    return true
  } catch {
    return false
  }
}

/**
 * Text from bytes in whichever encoding they are: UTF-8 (its byte order mark removed), UTF-16 with a byte order
 * mark, or, when the bytes are not valid UTF-8, Windows-1252 (what Excel and Notepad wrote for years).
 */
export const decodeText = (bytes: Uint8Array): { readonly text: string; readonly encoding: TextEncoding } => {
  if (hasPrefix(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  if (hasPrefix(bytes, UTF16LE_BOM)) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (hasPrefix(bytes, UTF16BE_BOM)) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  if (isValidUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' }
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' }
}

/** How much of a file is looked at to decide whether it is text. */
const TEXT_SAMPLE_BYTES = 64 * 1024

/**
 * Whether the bytes look like text a person wrote: a Unicode byte order mark, or no NUL bytes and either valid UTF-8
 * or almost all printable single-byte characters, with hardly any control characters. Looks at the first 64 KiB.
 */
export const looksLikeText = (bytes: Uint8Array): boolean => {
  if (bytes.length === 0) return false
  if (hasPrefix(bytes, UTF8_BOM) || hasPrefix(bytes, UTF16LE_BOM) || hasPrefix(bytes, UTF16BE_BOM)) return true
  const sample = bytes.subarray(0, TEXT_SAMPLE_BYTES)
  let control = 0
  let printableSingleByte = 0
  for (const byte of sample) {
    if (byte === 0) return false
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control += 1
    else if (byte === 0x7f) control += 1
    else if (byte !== 0x81 && byte !== 0x8d && byte !== 0x8f && byte !== 0x90 && byte !== 0x9d) printableSingleByte += 1
  }
  if (control > sample.length / 100) return false
  if (isValidUtf8(sample, sample.length < bytes.length)) return true
  return printableSingleByte >= sample.length * 0.95
}

/** Text with Windows (CRLF) and old Mac (CR) line endings made LF. */
export const normaliseLineEndings = (text: string): string => text.replace(/\r\n?/g, '\n')

export const ENCODING_NOTES: Readonly<Record<TextEncoding, string | undefined>> = {
  'utf-8': undefined,
  'utf-16le': undefined,
  'utf-16be': undefined,
  'windows-1252':
    'The text is not in UTF-8; it was read as Windows-1252 (Western European). If letters look wrong, save the file as UTF-8 and upload it again.',
}

export const EMPTY_FILE: ReadProblem = {
  code: 'empty',
  message:
    'The file is empty (it has no content). Check that it was saved before it was uploaded, and upload it again.',
}

/** Reads a plain text file: any of the encodings `decodeText` knows, line endings made LF. */
export const readPlainText = (input: ReadInput): Result<DocumentReading, ReadProblem> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const { text, encoding } = decodeText(input.bytes)
  const note = ENCODING_NOTES[encoding]
  return ok({
    kind: 'text',
    mediaType: 'text/plain',
    text: normaliseLineEndings(text),
    pages: [],
    hidden: [],
    contained: [],
    notes: note === undefined ? [] : [note],
  })
}
