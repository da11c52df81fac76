import { Inflate } from 'fflate'
import { fail, ok, type Result } from '../../domain/result.ts'

/**
 * The table of contents of a ZIP file (the "central directory" at its end), read without expanding anything, and
 * the expansion of one entry with a hard limit on its output. Word and Excel files are ZIP files too, so the file
 * sniffer and the Office readers use this as well as the archive reader. Sizes in the directory are what the file
 * claims: `inflateEntry` enforces its limit on what actually comes out.
 */

export interface ZipEntry {
  /** The entry's path in the archive as written (may be hostile: `../x`, `C:\x`, NUL characters). */
  readonly name: string
  readonly directory: boolean
  /** Protected by a password (traditional PKWARE or AES encryption). */
  readonly encrypted: boolean
  /** 0 stored, 8 deflated; anything else is a method this code does not expand. */
  readonly method: number
  /** Declared sizes, in bytes. */
  readonly compressedSize: number
  readonly size: number
  readonly crc32: number
  readonly localHeaderOffset: number
}

export interface ZipDirectory {
  /** The number of entries the archive declares: may exceed `entries.length` when reading stopped at a limit. */
  readonly declaredEntries: number
  readonly entries: readonly ZipEntry[]
}

export type ZipDirectoryProblem = 'not-zip' | 'corrupt'

const EOCD = 0x06054b50
const ZIP64_LOCATOR = 0x07064b50
const ZIP64_EOCD = 0x06064b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const view = (bytes: Uint8Array): DataView => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

const u64 = (data: DataView, offset: number): number => {
  const value = data.getBigUint64(offset, true)
  return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(value)
}

const findEndOfCentralDirectory = (data: DataView): number => {
  const lowest = Math.max(0, data.byteLength - 22 - 0xffff)
  for (let offset = data.byteLength - 22; offset >= lowest; offset -= 1) {
    if (data.getUint32(offset, true) === EOCD) return offset
  }
  return -1
}

/** Names flagged as UTF-8, or valid UTF-8 anyway (as most tools now write), else Windows-1252 as the nearest to IBM 437. */
const decodeName = (raw: Uint8Array, utf8Flag: boolean): string => {
  try {
    return new TextDecoder('utf-8', { fatal: !utf8Flag }).decode(raw)
  } catch {
    return new TextDecoder('windows-1252').decode(raw)
  }
}

/**
 * Reads the central directory. Stops after `maxEntries` entries (the caller refuses archives with more, and need
 * not read a million names to do so). `not-zip` when there is no directory at all, `corrupt` when it is damaged.
 */
export const readZipDirectory = (
  bytes: Uint8Array,
  options: { readonly maxEntries?: number } = {},
): Result<ZipDirectory, ZipDirectoryProblem> => {
  if (bytes.length < 22) return fail('not-zip')
  const data = view(bytes)
  const end = findEndOfCentralDirectory(data)
  if (end < 0) return fail('not-zip')
  let declaredEntries = data.getUint16(end + 10, true)
  let directorySize = data.getUint32(end + 12, true)
  let directoryOffset = data.getUint32(end + 16, true)
  if (declaredEntries === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = end - 20
    if (locator < 0 || data.getUint32(locator, true) !== ZIP64_LOCATOR) return fail('corrupt')
    const zip64End = u64(data, locator + 8)
    if (zip64End + 56 > bytes.length || data.getUint32(zip64End, true) !== ZIP64_EOCD) return fail('corrupt')
    declaredEntries = u64(data, zip64End + 32)
    directorySize = u64(data, zip64End + 40)
    directoryOffset = u64(data, zip64End + 48)
  }
  if (directoryOffset + directorySize > bytes.length) return fail('corrupt')
  // Every central directory record is at least 46 bytes: a count beyond what fits is a lie.
  if (declaredEntries * 46 > directorySize) return fail('corrupt')

  const limit = Math.min(declaredEntries, options.maxEntries ?? Number.POSITIVE_INFINITY)
  const entries: ZipEntry[] = []
  let offset = directoryOffset
  const directoryEnd = directoryOffset + directorySize
  for (let index = 0; index < limit; index += 1) {
    if (offset + 46 > directoryEnd || data.getUint32(offset, true) !== CENTRAL) return fail('corrupt')
    const flags = data.getUint16(offset + 8, true)
    const method = data.getUint16(offset + 10, true)
    const crc32 = data.getUint32(offset + 16, true)
    let compressedSize = data.getUint32(offset + 20, true)
    let size = data.getUint32(offset + 24, true)
    const nameLength = data.getUint16(offset + 28, true)
    const extraLength = data.getUint16(offset + 30, true)
    const commentLength = data.getUint16(offset + 32, true)
    const externalAttributes = data.getUint32(offset + 38, true)
    let localHeaderOffset = data.getUint32(offset + 42, true)
    const nameStart = offset + 46
    const extraStart = nameStart + nameLength
    const next = extraStart + extraLength + commentLength
    if (next > directoryEnd) return fail('corrupt')
    const name = decodeName(bytes.subarray(nameStart, extraStart), (flags & 0x0800) !== 0)

    // ZIP64 extended information: the 64-bit values for whichever 32-bit fields are 0xFFFFFFFF, in this order.
    for (let extra = extraStart; extra + 4 <= extraStart + extraLength;) {
      const id = data.getUint16(extra, true)
      const length = data.getUint16(extra + 2, true)
      if (id === 0x0001) {
        let field = extra + 4
        const fieldEnd = Math.min(field + length, extraStart + extraLength)
        if (size === 0xffffffff && field + 8 <= fieldEnd) {
          size = u64(data, field)
          field += 8
        }
        if (compressedSize === 0xffffffff && field + 8 <= fieldEnd) {
          compressedSize = u64(data, field)
          field += 8
        }
        if (localHeaderOffset === 0xffffffff && field + 8 <= fieldEnd) localHeaderOffset = u64(data, field)
      }
      extra += 4 + length
    }

    const directory = name.endsWith('/') || name.endsWith('\\') || (externalAttributes & 0x10) !== 0
    entries.push({
      name,
      directory,
      encrypted: (flags & 0x0001) !== 0 || method === 99,
      method,
      compressedSize,
      size,
      crc32,
      localHeaderOffset,
    })
    offset = next
  }
  return ok({ declaredEntries, entries })
}

export type InflateProblem = 'too-large' | 'corrupt' | 'unsupported-method' | 'encrypted'

/**
 * How much compressed data is fed to the inflater at a time: at most about 1,000 times this (4 MiB) comes out of one
 * push, so the limit is overshot by no more than that; small pieces also keep fflate's output buffer small and fast.
 */
const INPUT_CHUNK = 4 * 1024

/** The compressed bytes of an entry, found through its local header. */
const entryData = (bytes: Uint8Array, entry: ZipEntry): Uint8Array | undefined => {
  const at = entry.localHeaderOffset
  if (at + 30 > bytes.length) return undefined
  const data = view(bytes)
  if (data.getUint32(at, true) !== LOCAL) return undefined
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true)
  const end = start + entry.compressedSize
  return end > bytes.length ? undefined : bytes.subarray(start, end)
}

class OutputLimitReached extends Error {}

/**
 * Expands one entry, refusing (`too-large`) as soon as its output would pass `maxBytes`, whatever its declared size
 * said: the compressed data is fed in small pieces so no more than about 4 MiB is ever made beyond the limit.
 */
export const inflateEntry = (
  bytes: Uint8Array,
  entry: ZipEntry,
  maxBytes: number,
): Result<Uint8Array, InflateProblem> => {
  if (entry.encrypted) return fail('encrypted')
  if (entry.method !== 0 && entry.method !== 8) return fail('unsupported-method')
  const compressed = entryData(bytes, entry)
  if (compressed === undefined) return fail('corrupt')
  if (entry.method === 0) {
    if (compressed.length > maxBytes) return fail('too-large')
    return ok(compressed.slice())
  }
  const chunks: Uint8Array[] = []
  let total = 0
  let finished = false
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length
    if (total > maxBytes) throw new OutputLimitReached()
    if (chunk.length > 0) chunks.push(chunk)
    if (final) finished = true
  })
  try {
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true)
    for (let start = 0; start < compressed.length; start += INPUT_CHUNK) {
      const end = Math.min(start + INPUT_CHUNK, compressed.length)
      inflater.push(compressed.subarray(start, end), end === compressed.length)
    }
  } catch (error) {
    return fail(error instanceof OutputLimitReached ? 'too-large' : 'corrupt')
  }
  if (!finished) return fail('corrupt')
  if (chunks.length === 1 && chunks[0] !== undefined) return ok(chunks[0])
  const output = new Uint8Array(total)
  let position = 0
  for (const chunk of chunks) {
    output.set(chunk, position)
    position += chunk.length
  }
  return ok(output)
}

/** The entry with exactly this name (Office part names are case-sensitive in practice but compared loosely here). */
export const findEntry = (directory: ZipDirectory, name: string): ZipEntry | undefined => {
  const lower = name.toLowerCase()
  return directory.entries.find((entry) => entry.name.toLowerCase() === lower)
}

/** The total of the declared expanded sizes of all entries. */
export const declaredExpandedSize = (directory: ZipDirectory): number =>
  directory.entries.reduce((sum, entry) => sum + entry.size, 0)
