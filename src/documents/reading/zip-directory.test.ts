import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildZip, bytesOf, deflatedZeros } from '../../../test/fixtures/documents/archives.ts'
import { declaredExpandedSize, findEntry, inflateEntry, readZipDirectory } from './zip-directory.ts'

describe('the ZIP directory', () => {
  it('lists the entries of an archive made by fflate, and expands them', () => {
    const archive = zipSync({ 'a.txt': bytesOf('alpha'), 'folder/b.txt': bytesOf('beta'.repeat(100)) }, { level: 9 })
    const directory = readZipDirectory(archive)
    expect(directory.ok).toBe(true)
    if (!directory.ok) return
    expect(directory.value.entries.map((entry) => entry.name)).toEqual(['a.txt', 'folder/b.txt'])
    expect(declaredExpandedSize(directory.value)).toBe(405)
    const entry = findEntry(directory.value, 'FOLDER/B.TXT')
    expect(entry).toBeDefined()
    if (entry === undefined) return
    const content = inflateEntry(archive, entry, 1000)
    expect(content.ok && new TextDecoder().decode(content.value)).toBe('beta'.repeat(100))
  })

  it('reads an empty archive', () => {
    expect(readZipDirectory(zipSync({}))).toEqual({ ok: true, value: { declaredEntries: 0, entries: [] } })
  })

  it('stops expanding an entry as soon as its output passes the limit, whatever its declared size', async () => {
    const compressed = await deflatedZeros(64)
    const archive = buildZip([{ name: 'zeros.bin', compressed, declaredSize: 10 }])
    const directory = readZipDirectory(archive)
    const entry = directory.ok ? directory.value.entries[0] : undefined
    expect(entry?.size).toBe(10)
    if (entry === undefined) return
    expect(inflateEntry(archive, entry, 1024 * 1024)).toEqual({ ok: false, error: 'too-large' })
  })

  it('reports encrypted entries and compression methods it cannot expand', () => {
    const archive = buildZip([
      { name: 'locked.txt', data: bytesOf('x'), encrypted: true },
      { name: 'bzip2.txt', data: bytesOf('x'), method: 12 },
    ])
    const directory = readZipDirectory(archive)
    if (!directory.ok) throw new Error('the test archive should be readable')
    const [locked, bzip2] = directory.value.entries
    expect(locked?.encrypted).toBe(true)
    expect(locked && inflateEntry(archive, locked, 100)).toEqual({ ok: false, error: 'encrypted' })
    expect(bzip2 && inflateEntry(archive, bzip2, 100)).toEqual({ ok: false, error: 'unsupported-method' })
  })

  it('tells a damaged archive from something that is not an archive', () => {
    const archive = buildZip([{ name: 'a.txt', data: bytesOf('alpha') }])
    expect(readZipDirectory(bytesOf('not a zip file at all, just some words'))).toEqual({ ok: false, error: 'not-zip' })
    // The end record survives but the directory it points to has been cut away.
    expect(readZipDirectory(archive.subarray(archive.length - 22))).toEqual({ ok: false, error: 'corrupt' })
    const damaged = archive.slice()
    damaged[30 + 'a.txt'.length] = 0x07 // the first deflate block now claims the reserved block type
    const directory = readZipDirectory(damaged)
    const entry = directory.ok ? directory.value.entries[0] : undefined
    expect(entry && inflateEntry(damaged, entry, 1000).ok).toBe(false)
  })
})
