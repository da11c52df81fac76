import { describe, expect, it } from 'vitest'
import { baseName, containedFileName, displayName, extensionOf, MAX_SHOWN_NAME_LENGTH } from './file-names.ts'

describe('file names', () => {
  it.each([
    ['report.PDF', 'pdf'],
    ['archive.tar.gz', 'gz'],
    ['../../etc/passwd', ''],
    ['C:\\Users\\someone\\Letter.docx', 'docx'],
    ['.bashrc', ''],
    ['no-extension', ''],
    ['odd.ext with spaces', ''],
    ['folder.v2/readme', ''],
  ])('finds the extension of %j', (name, extension) => {
    expect(extensionOf(name)).toBe(extension)
  })

  it('takes the last part of a path whichever separator it uses', () => {
    expect(baseName('a/b\\c.txt')).toBe('c.txt')
    expect(baseName('a\\b/c.txt')).toBe('c.txt')
  })

  it('removes control and direction-changing characters from a name shown in a message', () => {
    expect(displayName('in\u0000voice\u202Efdp.exe\r\n')).toBe('invoicefdp.exe')
    expect(displayName('\u0007\u0008')).toBe('(no name)')
  })

  it('shortens a 10,000-character name in the middle, keeping its extension', () => {
    const shown = displayName(`${'a'.repeat(10_000)}.pdf`)
    expect([...shown].length).toBeLessThanOrEqual(MAX_SHOWN_NAME_LENGTH)
    expect(shown).toContain('…')
    expect(shown.endsWith('.pdf')).toBe(true)
  })

  it('makes an attachment name a plain file name, with a fallback when nothing is left', () => {
    expect(containedFileName('../../etc/passwd', 'attachment 1')).toBe('passwd')
    expect(containedFileName('C:\\temp\\scan\u0000.pdf', 'attachment 1')).toBe('scan.pdf')
    expect(containedFileName('..', 'attachment 1')).toBe('attachment 1')
    expect(containedFileName(undefined, 'attachment 2.eml')).toBe('attachment 2.eml')
    const long = containedFileName(`${'b'.repeat(1000)}.docx`, 'x')
    expect([...long].length).toBeLessThanOrEqual(255)
    expect(long.endsWith('.docx')).toBe(true)
  })
})
