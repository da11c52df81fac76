import { describe, expect, it } from 'vitest'
import { decodeText, looksLikeText, readPlainText } from './plain-text.reader.ts'

const read = (bytes: Uint8Array) => readPlainText({ bytes, name: 'notes.txt', depth: 0 })

describe('the plain text reader', () => {
  it('reads UTF-8, removing a byte order mark and making line endings LF', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Café\r\nSW1A 2AA\rEnd\n')])
    const reading = read(bytes)
    expect(reading.ok && reading.value).toMatchObject({
      kind: 'text',
      mediaType: 'text/plain',
      text: 'Café\nSW1A 2AA\nEnd\n',
      pages: [],
      hidden: [],
      contained: [],
      notes: [],
    })
  })

  it('reads UTF-16 with a byte order mark, little- and big-endian', () => {
    const little = new Uint8Array([0xff, 0xfe, ...Buffer.from('Priya Testperson\r\n', 'utf16le')])
    const big = new Uint8Array([0xfe, 0xff, ...Buffer.from('Priya Testperson', 'utf16le').swap16()])
    expect(read(little)).toMatchObject({ ok: true, value: { text: 'Priya Testperson\n' } })
    expect(read(big)).toMatchObject({ ok: true, value: { text: 'Priya Testperson' } })
  })

  it('reads bytes that are not UTF-8 as Windows-1252, with a note', () => {
    // "£5 – “quoted”" in Windows-1252: the dash and the curly quotes are in the 0x80–0x9F range.
    const reading = read(new Uint8Array([0xa3, 0x35, 0x20, 0x96, 0x20, 0x93, 0x71, 0x94]))
    expect(reading).toMatchObject({ ok: true, value: { text: '£5 – “q”' } })
    expect(reading.ok && reading.value.notes[0]).toContain('Windows-1252')
  })

  it('refuses an empty file as empty', () => {
    expect(read(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'empty' } })
  })

  it('tells text from binary', () => {
    expect(looksLikeText(new TextEncoder().encode('Hello, world\n'))).toBe(true)
    expect(looksLikeText(new Uint8Array([0x48, 0x00, 0x69]))).toBe(false)
    expect(looksLikeText(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toBe(false)
    expect(looksLikeText(new Uint8Array([0xa3, 0x35, 0x30]))).toBe(true)
    expect(decodeText(new TextEncoder().encode('plain')).encoding).toBe('utf-8')
  })
})
