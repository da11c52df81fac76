import { createHash, randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Readable } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { FileStore, FileStoreProblem, StoredFile } from '../documents/ports.ts'
import { fail, ok, type Result } from '../domain/result.ts'

/** The most a single file may be unless the caller says otherwise: 1 GiB. */
export const DEFAULT_MAX_FILE_BYTES = 1024 ** 3

const SHA256 = /^[0-9a-f]{64}$/

/**
 * The file store in a local directory: `ROOT/sha256/ab/cd/abcd…` for the file whose SHA-256 is `abcd…`. A file is
 * written to `ROOT/incoming/` while it is hashed, then moved into place in one rename, so a reader never sees half a
 * file; bytes already stored are not written twice. The name is checked against the SHA-256 form before any path is
 * made from it, so no name can reach outside the store.
 */
export const createLocalFileStore = (root: string): FileStore => {
  const incoming = join(root, 'incoming')
  const pathOf = (sha256: string): string => join(root, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256)

  const exists = async (path: string): Promise<boolean> => {
    try {
      return (await stat(path)).isFile()
    } catch {
      return false
    }
  }

  return {
    description: `local directory ${root}`,

    put: async (source, options = {}): Promise<Result<StoredFile, FileStoreProblem>> => {
      const limit = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES
      await mkdir(incoming, { recursive: true })
      const temporary = join(incoming, `${Date.now()}-${randomBytes(8).toString('hex')}.partial`)
      const hash = createHash('sha256')
      const out = createWriteStream(temporary, { flags: 'wx' })
      let size = 0
      let refused: FileStoreProblem | null = null
      try {
        for await (const chunk of source as AsyncIterable<Uint8Array>) {
          size += chunk.byteLength
          if (size > limit) {
            refused = {
              code: 'too-large',
              limitBytes: limit,
              message: `The file is larger than ${formatBytes(limit)}: split it, or ask an administrator to raise the limit`,
            }
            break
          }
          hash.update(chunk)
          if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        }
        out.end()
        await finished(out)
      } catch (error) {
        out.destroy()
        await rm(temporary, { force: true })
        return fail({
          code: 'read-failed',
          message: `The file could not be read and stored to the end (${error instanceof Error ? error.message : String(error)}): nothing was kept; try again`,
        })
      }
      if (refused !== null) {
        await rm(temporary, { force: true })
        return fail(refused)
      }
      const sha256 = hash.digest('hex')
      const target = pathOf(sha256)
      if (await exists(target)) {
        await rm(temporary, { force: true })
        return ok({ sha256, size, alreadyStored: true })
      }
      await mkdir(join(target, '..'), { recursive: true })
      // Two uploads of the same bytes at once both rename onto the same name: the content is the same either way.
      await rename(temporary, target)
      return ok({ sha256, size, alreadyStored: false })
    },

    has: async (sha256) => SHA256.test(sha256) && (await exists(pathOf(sha256))),

    open: async (sha256): Promise<Readable | undefined> => {
      if (!SHA256.test(sha256) || !(await exists(pathOf(sha256)))) return undefined
      return createReadStream(pathOf(sha256))
    },

    remove: async (sha256) => {
      if (!SHA256.test(sha256) || !(await exists(pathOf(sha256)))) return false
      await rm(pathOf(sha256))
      return true
    },
  }
}

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3
    ? `${(bytes / 1024 ** 3).toLocaleString('en-GB', { maximumFractionDigits: 1 })} GB`
    : bytes >= 1024 ** 2
      ? `${(bytes / 1024 ** 2).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`
      : `${bytes.toLocaleString('en-GB')} bytes`
