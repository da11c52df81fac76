import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { text } from 'node:stream/consumers'
import { afterEach, describe, expect, it } from 'vitest'
import { createLocalFileStore } from './local-file-store.ts'

const roots: string[] = []
const newStore = () => {
  const root = mkdtempSync(join(tmpdir(), 'disclose-files-'))
  roots.push(root)
  return { root, store: createLocalFileStore(root) }
}
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true })
})

const sha256 = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex')

/** A stream of `count` chunks of `size` bytes, without holding them all at once. */
const chunks = (count: number, size: number, fill = 0x61) =>
  Readable.from(
    (function* () {
      for (let i = 0; i < count; i += 1) yield Buffer.alloc(size, fill)
    })(),
  )

const filesUnder = (directory: string): string[] =>
  readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)

describe('the local file store', () => {
  it('keeps a file under the SHA-256 of its bytes, and gives the bytes back', async () => {
    const { store } = newStore()
    const content = 'Minutes of the closed session (synthetic)\n'
    const put = await store.put(Readable.from([Buffer.from(content)]))
    expect(put).toEqual({ ok: true, value: { sha256: sha256(content), size: content.length, alreadyStored: false } })
    expect(await store.has(sha256(content))).toBe(true)
    const opened = await store.open(sha256(content))
    expect(opened === undefined ? undefined : await text(opened)).toBe(content)
  })

  it('keeps the same bytes once, however often they are put, even at the same time', async () => {
    const { root, store } = newStore()
    const results = await Promise.all([1, 2, 3, 4].map(() => store.put(chunks(8, 64 * 1024))))
    const hashes = new Set(results.map((result) => (result.ok ? result.value.sha256 : 'failed')))
    expect(hashes.size).toBe(1)
    const again = await store.put(chunks(8, 64 * 1024))
    expect(again.ok && again.value.alreadyStored).toBe(true)
    expect(filesUnder(join(root, 'sha256'))).toHaveLength(1)
    expect(filesUnder(join(root, 'incoming'))).toEqual([])
  })

  it('refuses a file over the limit, saying so, and keeps nothing of it', async () => {
    const { root, store } = newStore()
    const refused = await store.put(chunks(20, 1024 * 1024), { maxBytes: 5 * 1024 * 1024 })
    expect(refused).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'too-large', limitBytes: 5 * 1024 * 1024 }) as unknown,
    })
    expect(!refused.ok && refused.error.message).toBe(
      'The file is larger than 5 MB: split it, or ask an administrator to raise the limit',
    )
    expect(filesUnder(root)).toEqual([])
  })

  it('keeps nothing when the upload breaks off half way', async () => {
    const { root, store } = newStore()
    const broken = Readable.from(
      (function* () {
        yield Buffer.from('the first half')
        throw new Error('connection reset')
      })(),
    )
    const put = await store.put(broken)
    expect(put.ok).toBe(false)
    expect(!put.ok && put.error.message).toContain('connection reset')
    expect(filesUnder(root)).toEqual([])
  })

  it('finds nothing for a name that is not a SHA-256, whatever it says', async () => {
    const { store } = newStore()
    await store.put(Readable.from([Buffer.from('kept')]))
    for (const name of ['../../etc/passwd', '', 'ABCD', `${'0'.repeat(63)}/`, sha256('kept').toUpperCase()]) {
      expect(await store.has(name)).toBe(false)
      expect(await store.open(name)).toBeUndefined()
      expect(await store.remove(name)).toBe(false)
    }
  })

  it('removes a file for disposal, once', async () => {
    const { store } = newStore()
    const put = await store.put(Readable.from([Buffer.from('to be disposed of')]))
    if (!put.ok) throw new Error('not stored')
    expect(await store.remove(put.value.sha256)).toBe(true)
    expect(await store.remove(put.value.sha256)).toBe(false)
    expect(await store.has(put.value.sha256)).toBe(false)
  })

  it('keeps an empty file (whether an empty document is wanted is the caller’s to say)', async () => {
    const { store } = newStore()
    const put = await store.put(Readable.from([]))
    expect(put).toEqual({ ok: true, value: { sha256: sha256(''), size: 0, alreadyStored: false } })
  })
})
