import { fail, ok, type Result } from '../../domain/result.ts'

/**
 * The directory of an OLE compound file ([MS-CFB]): the container of Outlook .msg files, of Word 97–2003 .doc and
 * Excel 97–2003 .xls files, and of password-protected Office 2007+ files. It is read here, without any library, to
 * tell those apart, and it is checked thoroughly enough (every sector chain ends, no sector is used twice, every
 * stream fits in its chain) that a library reading the file afterwards cannot be sent into an endless loop.
 */

export const COMPOUND_FILE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const

export interface CompoundEntry {
  readonly name: string
  readonly type: 'root' | 'storage' | 'stream'
  readonly size: number
  /** A storage's children (in no particular order); empty for streams. */
  readonly children: readonly CompoundEntry[]
}

export const isCompoundFile = (bytes: Uint8Array): boolean =>
  bytes.length >= 512 && COMPOUND_FILE_SIGNATURE.every((byte, index) => bytes[index] === byte)

const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff
const NO_STREAM = 0xffffffff
const MAX_REGULAR_SECTOR = 0xfffffffa
const MAX_STORAGE_DEPTH = 32

class Damaged extends Error {}

const check: (condition: boolean) => asserts condition = (condition) => {
  if (!condition) throw new Damaged()
}

/**
 * Reads and checks the directory tree. Fails (with no detail: the file is simply damaged) when the header, the
 * allocation tables, the directory or any stream's chain is inconsistent.
 */
export const readCompoundDirectory = (bytes: Uint8Array): Result<CompoundEntry, 'corrupt'> => {
  try {
    return ok(readDirectory(bytes))
  } catch (error) {
    if (error instanceof Damaged || error instanceof RangeError) return fail('corrupt')
    throw error
  }
}

const readDirectory = (bytes: Uint8Array): CompoundEntry => {
  check(isCompoundFile(bytes))
  const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (offset: number): number => data.getUint32(offset, true)
  const sectorShift = data.getUint16(0x1e, true)
  check(sectorShift === 9 || sectorShift === 12)
  const sectorSize = 1 << sectorShift
  const miniSectorShift = data.getUint16(0x20, true)
  check(miniSectorShift === 6)
  const miniSectorSize = 1 << miniSectorShift
  const sectorCount = Math.ceil((bytes.length - sectorSize) / sectorSize)
  check(sectorCount > 0)
  const sectorOffset = (sector: number): number => (sector + 1) * sectorSize
  const entriesPerSector = sectorSize / 4

  // The FAT sectors: 109 listed in the header, the rest in a chain of DIFAT sectors.
  const fatSectorCount = u32(0x2c)
  check(fatSectorCount <= sectorCount)
  const fatSectors: number[] = []
  for (let index = 0; index < 109 && fatSectors.length < fatSectorCount; index += 1) {
    fatSectors.push(u32(0x4c + index * 4))
  }
  let difatSector = u32(0x44)
  const seenDifat = new Set<number>()
  while (fatSectors.length < fatSectorCount) {
    check(difatSector < sectorCount && !seenDifat.has(difatSector))
    seenDifat.add(difatSector)
    const base = sectorOffset(difatSector)
    for (let index = 0; index < entriesPerSector - 1 && fatSectors.length < fatSectorCount; index += 1) {
      fatSectors.push(u32(base + index * 4))
    }
    difatSector = u32(base + (entriesPerSector - 1) * 4)
  }
  const fat = new Uint32Array(fatSectors.length * entriesPerSector)
  fatSectors.forEach((sector, index) => {
    check(sector < sectorCount)
    const base = sectorOffset(sector)
    check(base + sectorSize <= bytes.length)
    for (let entry = 0; entry < entriesPerSector; entry += 1)
      fat[index * entriesPerSector + entry] = u32(base + entry * 4)
  })

  // Every sector belongs to at most one chain; a chain that comes back on itself or shares a sector is damage.
  const usedSectors = new Uint8Array(Math.max(sectorCount, fat.length))
  const chain = (start: number, table: Uint32Array, used: Uint8Array, limit: number): number[] => {
    const sectors: number[] = []
    for (let sector = start; sector !== END_OF_CHAIN;) {
      check(sector <= MAX_REGULAR_SECTOR && sector < table.length && sector < limit && used[sector] === 0)
      used[sector] = 1
      sectors.push(sector)
      sector = table[sector] ?? FREE
    }
    return sectors
  }

  const directorySectors = chain(u32(0x30), fat, usedSectors, sectorCount)
  check(directorySectors.length > 0)
  interface RawEntry {
    name: string
    type: number
    left: number
    right: number
    child: number
    start: number
    size: number
  }
  const raw: RawEntry[] = []
  for (const sector of directorySectors) {
    const base = sectorOffset(sector)
    for (let offset = base; offset < base + sectorSize && offset + 128 <= bytes.length; offset += 128) {
      const nameBytes = Math.min(data.getUint16(offset + 0x40, true), 64)
      const nameLength = Math.max(0, nameBytes / 2 - 1)
      let name = ''
      for (let index = 0; index < nameLength; index += 1)
        name += String.fromCharCode(data.getUint16(offset + index * 2, true))
      raw.push({
        name,
        type: data.getUint8(offset + 0x42),
        left: u32(offset + 0x44),
        right: u32(offset + 0x48),
        child: u32(offset + 0x4c),
        start: u32(offset + 0x74),
        // Version 3 files keep only the low 32 bits; the high ones may hold junk.
        size: u32(offset + 0x78),
      })
    }
  }
  const root = raw[0]
  check(root !== undefined && root.type === 5)

  // The mini stream (small streams' sectors) is the root entry's stream, chained through the FAT.
  const miniStreamCutoff = u32(0x38)
  const miniStreamSectors = root.size === 0 ? [] : chain(root.start, fat, usedSectors, sectorCount)
  check(miniStreamSectors.length * sectorSize >= root.size)
  const miniSectorCount = Math.floor(root.size / miniSectorSize)
  const miniFatSectors = u32(0x40) === 0 ? [] : chain(u32(0x3c), fat, usedSectors, sectorCount)
  const miniFat = new Uint32Array(miniFatSectors.length * entriesPerSector)
  miniFatSectors.forEach((sector, index) => {
    const base = sectorOffset(sector)
    check(base + sectorSize <= bytes.length)
    for (let entry = 0; entry < entriesPerSector; entry += 1) {
      miniFat[index * entriesPerSector + entry] = u32(base + entry * 4)
    }
  })
  const usedMiniSectors = new Uint8Array(Math.max(miniSectorCount, miniFat.length))

  const visited = new Uint8Array(raw.length)
  const toEntry = (index: number, depth: number): CompoundEntry => {
    const entry = raw[index]
    check(entry !== undefined)
    if (entry.type === 2) {
      if (entry.size > 0) {
        const small = entry.size < miniStreamCutoff
        const sectors = small
          ? chain(entry.start, miniFat, usedMiniSectors, miniSectorCount)
          : chain(entry.start, fat, usedSectors, sectorCount)
        check(sectors.length * (small ? miniSectorSize : sectorSize) >= entry.size)
      }
      return { name: entry.name, type: 'stream', size: entry.size, children: [] }
    }
    check(entry.type === 1 || entry.type === 5)
    check(depth <= MAX_STORAGE_DEPTH)
    const children: CompoundEntry[] = []
    // The children of a storage are a binary tree of siblings under its child pointer.
    const pending: number[] = entry.child === NO_STREAM ? [] : [entry.child]
    const order: number[] = []
    while (pending.length > 0) {
      const sibling = pending.pop() as number
      check(sibling < raw.length && visited[sibling] === 0)
      visited[sibling] = 1
      const siblingEntry = raw[sibling]
      check(siblingEntry !== undefined && siblingEntry.type !== 0 && siblingEntry.type !== 5)
      order.push(sibling)
      if (siblingEntry.right !== NO_STREAM) pending.push(siblingEntry.right)
      if (siblingEntry.left !== NO_STREAM) pending.push(siblingEntry.left)
    }
    for (const child of order) children.push(toEntry(child, depth + 1))
    return { name: entry.name, type: entry.type === 5 ? 'root' : 'storage', size: entry.size, children }
  }
  visited[0] = 1
  return toEntry(0, 0)
}

/** The names of the entries directly under the root. */
export const rootNames = (root: CompoundEntry): string[] => root.children.map((child) => child.name)

/** What kind of thing a compound file holds, judged by the names at its root. */
export type CompoundContent =
  'outlook-message' | 'encrypted-office' | 'word-97' | 'excel-97' | 'powerpoint-97' | 'other'

export const classifyCompoundFile = (root: CompoundEntry): CompoundContent => {
  const names = new Set(rootNames(root))
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted-office'
  if (names.has('__properties_version1.0') || [...names].some((name) => name.startsWith('__substg1.0_'))) {
    return 'outlook-message'
  }
  if (names.has('WordDocument')) return 'word-97'
  if (names.has('Workbook') || names.has('Book')) return 'excel-97'
  if (names.has('PowerPoint Document')) return 'powerpoint-97'
  return 'other'
}
