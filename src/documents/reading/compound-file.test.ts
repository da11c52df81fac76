import { describe, expect, it } from 'vitest'
import { buildCompoundFile, buildSampleMsg, withDirectoryLoop } from '../../../test/fixtures/documents/outlook-msg.ts'
import { classifyCompoundFile, isCompoundFile, readCompoundDirectory, rootNames } from './compound-file.ts'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('the compound file directory', () => {
  it('lists the storages and streams of an Outlook message', () => {
    const directory = readCompoundDirectory(buildSampleMsg())
    expect(directory.ok).toBe(true)
    if (!directory.ok) return
    const names = rootNames(directory.value)
    expect(names).toEqual(
      expect.arrayContaining([
        '__properties_version1.0',
        '__substg1.0_0037001F',
        '__recip_version1.0_#00000000',
        '__attach_version1.0_#00000001',
      ]),
    )
    const attachment = directory.value.children.find((child) => child.name === '__attach_version1.0_#00000001')
    expect(attachment?.type).toBe('storage')
    expect(attachment?.children.map((child) => child.name)).toContain('__substg1.0_3701000D')
    expect(classifyCompoundFile(directory.value)).toBe('outlook-message')
  })

  it.each([
    [{ WordDocument: bytes('w'), '1Table': bytes('t') }, 'word-97'],
    [{ Workbook: bytes('b') }, 'excel-97'],
    [{ EncryptionInfo: bytes('i'), EncryptedPackage: bytes('p') }, 'encrypted-office'],
    [{ 'PowerPoint Document': bytes('p') }, 'powerpoint-97'],
    [{ Contents: bytes('c') }, 'other'],
  ] as const)('tells what a compound file holds from the names at its root (%#)', (streams, content) => {
    const directory = readCompoundDirectory(buildCompoundFile(streams))
    expect(directory.ok && classifyCompoundFile(directory.value)).toBe(content)
  })

  it('reads a stream of more than 4 KiB, kept in the main sectors rather than the mini stream', () => {
    const directory = readCompoundDirectory(buildCompoundFile({ WordDocument: new Uint8Array(10_000).fill(7) }))
    expect(directory.ok && directory.value.children.find((child) => child.name === 'WordDocument')?.size).toBe(10_000)
  })

  it('finds a sector chain that loops back on itself, rather than following it for ever', () => {
    expect(readCompoundDirectory(withDirectoryLoop(buildSampleMsg()))).toEqual({ ok: false, error: 'corrupt' })
  })

  it('finds a directory whose siblings point back at each other', () => {
    const damaged = buildCompoundFile({ A: bytes('a'), B: bytes('b'), C: bytes('c') }).slice()
    const view = new DataView(damaged.buffer)
    const directoryStart = view.getUint32(0x30, true)
    // Every entry's left and right siblings become entry 1: a cycle.
    for (let entry = 1; entry < 4; entry += 1) {
      const at = (directoryStart + 1) * 512 + entry * 128
      view.setUint32(at + 0x44, 1, true)
      view.setUint32(at + 0x48, 1, true)
    }
    expect(readCompoundDirectory(damaged)).toEqual({ ok: false, error: 'corrupt' })
  })

  it('refuses a truncated file and bytes that are not a compound file', () => {
    const whole = buildSampleMsg()
    expect(readCompoundDirectory(whole.subarray(0, 1024)).ok).toBe(false)
    expect(isCompoundFile(bytes('plain text, not a compound file at all, padded out'.repeat(20)))).toBe(false)
    expect(readCompoundDirectory(new Uint8Array(600)).ok).toBe(false)
  })
})
