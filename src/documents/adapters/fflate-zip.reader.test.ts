import { describe, expect, it } from 'vitest'
import {
  buildHostileZip,
  buildManyFilesZip,
  buildNestedZip,
  buildZipBomb,
  bytesOf,
  UNSAFE_NAMES,
} from '../../../test/fixtures/documents/archives.ts'
import type { ContainedFile, ReadLimits, ReadOutcome } from '../reading/document-reading.ts'
import { DEFAULT_READ_LIMITS } from '../reading/document-reading.ts'
import { readZip } from './fflate-zip.reader.ts'

const text = (file: ContainedFile | undefined): string | undefined =>
  file !== undefined && 'bytes' in file ? new TextDecoder().decode(file.bytes) : undefined

const read = (bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS, depth = 0): ReadOutcome =>
  readZip({ bytes, name: 'upload.zip', depth }, limits)

describe('the ZIP reader', () => {
  it('lists an archive’s files and hands them back, skipping folders and macOS clutter', () => {
    const reading = read(buildHostileZip())
    expect(reading.ok).toBe(true)
    if (!reading.ok) return
    const { kind, mediaType, contained } = reading.value
    expect({ kind, mediaType }).toEqual({ kind: 'archive', mediaType: 'application/zip' })
    const byName = new Map(contained.map((file) => [file.name, file]))
    expect(text(byName.get('docs/report.txt'))).toBe('Report about SW1A 2AA written by Priya Testperson.\n')
    expect(text(byName.get('notes.txt'))).toBe('Call 07700 900111.\n')
    expect(contained.some((file) => file.name.includes('__MACOSX') || file.name.endsWith('.DS_Store'))).toBe(false)
    expect(contained.some((file) => file.name === 'docs/')).toBe(false)
    expect(reading.value.text.split('\n')).toContain('docs/report.txt')
    expect(reading.value.notes).toContain('2 macOS system files (__MACOSX, .DS_Store) were left out.')
  })

  it('refuses to extract entries with unsafe names, and goes on with the rest', () => {
    const reading = read(buildHostileZip())
    if (!reading.ok) throw new Error('the archive should be read')
    const unsafe = reading.value.contained.filter((file) => 'problem' in file && file.problem.code === 'unsafe-name')
    expect(unsafe).toHaveLength(UNSAFE_NAMES.length)
    for (const file of unsafe) {
      expect('bytes' in file).toBe(false)
      expect(file.name).not.toContain('\0')
    }
    expect(unsafe.map((file) => file.name)).toContain('../evil.txt')
    expect(unsafe.map((file) => file.name)).toContain('nulname.txt')
  })

  it('gives a password-protected entry and one compressed in an unknown way a problem each', () => {
    const reading = read(buildHostileZip())
    if (!reading.ok) throw new Error('the archive should be read')
    const problems = new Map(
      reading.value.contained.flatMap((file) => ('problem' in file ? [[file.name, file.problem.code]] : [])),
    )
    expect(problems.get('locked.txt')).toBe('encrypted')
    expect(problems.get('old.txt')).toBe('unsupported')
    expect(reading.value.notes[0]).toBe(
      '7 files in the archive could not be opened; each says why in the list of files.',
    )
  })

  it('refuses a zip bomb from its declared sizes without expanding it', async () => {
    const bomb = await buildZipBomb(300)
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const started = performance.now()
    const reading = read(bomb)
    expect(performance.now() - started).toBeLessThan(100)
    expect(reading).toMatchObject({ ok: false, error: { code: 'archive-bomb' } })
    expect(!reading.ok && reading.error.message).toContain('zip bombs')
  })

  it('refuses a zip bomb that lies about its sizes, stopping while expanding it', async () => {
    const bomb = await buildZipBomb(300, { lie: true })
    const started = performance.now()
    // 300 MiB of zeros compress to about 300 KB: at 200 times that, expansion stops after about 60 MB.
    const reading = read(bomb)
    expect(reading).toMatchObject({ ok: false, error: { code: 'archive-bomb' } })
    expect(performance.now() - started).toBeLessThan(10_000)
    // With a total limit of 16 MB it stops sooner.
    expect(read(bomb, { ...DEFAULT_READ_LIMITS, maxExpandedBytes: 16 * 1024 * 1024 })).toMatchObject({
      ok: false,
      error: { code: 'archive-bomb' },
    })
  })

  it('refuses an archive whose files add up to more than the total limit', () => {
    const archive = buildManyFilesZip(5)
    expect(read(archive, { ...DEFAULT_READ_LIMITS, maxExpandedBytes: 4 })).toMatchObject({
      ok: false,
      error: { code: 'archive-bomb' },
    })
  })

  it('opens archives within archives only to the depth allowed', () => {
    let bytes = buildNestedZip(5)
    let depth = 0
    let outcome = read(bytes, DEFAULT_READ_LIMITS, depth)
    while (outcome.ok) {
      const inner = outcome.value.contained.find((file) => file.name.endsWith('.zip'))
      if (inner === undefined || !('bytes' in inner)) break
      bytes = inner.bytes
      depth += 1
      outcome = read(bytes, DEFAULT_READ_LIMITS, depth)
    }
    expect(depth).toBe(DEFAULT_READ_LIMITS.maxArchiveDepth)
    expect(outcome).toMatchObject({ ok: false, error: { code: 'archive-too-deep' } })
  })

  it('refuses an archive with more files than allowed', () => {
    const limits = { ...DEFAULT_READ_LIMITS, maxArchiveEntries: 10 }
    expect(read(buildManyFilesZip(10), limits).ok).toBe(true)
    const refused = read(buildManyFilesZip(11), limits)
    expect(refused).toMatchObject({ ok: false, error: { code: 'archive-too-many-files' } })
    expect(!refused.ok && refused.error.message).toContain('11 files')
  })

  it('refuses a damaged archive, and bytes that are not an archive, as corrupt', () => {
    const archive = buildManyFilesZip(3)
    expect(read(archive.subarray(0, archive.length - 30))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    expect(read(bytesOf('not an archive'))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    expect(read(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'empty' } })
  })

  it('never puts a file’s content in a problem message', () => {
    const reading = read(buildHostileZip())
    if (!reading.ok) throw new Error('the archive should be read')
    for (const file of reading.value.contained) {
      if ('problem' in file) expect(file.problem.message).not.toContain('should never be extracted')
    }
  })
})
