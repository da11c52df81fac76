/**
 * Reads the files of a zip (a DOCX) with node:zlib: enough of the format for the tests to look inside a DOCX
 * without a zip tool or library. Stored and deflated entries only, no zip64, no encryption.
 */
import { inflateRawSync } from 'node:zlib'

const END_OF_CENTRAL_DIRECTORY = 0x06054b50
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50
const LOCAL_FILE_HEADER = 0x04034b50

export const readZip = (bytes: Buffer): Map<string, Buffer> => {
  let end = -1
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (bytes.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at
      break
    }
  }
  if (end < 0) throw new Error('not a zip file: no end of central directory record')
  const entries = bytes.readUInt16LE(end + 10)
  let at = bytes.readUInt32LE(end + 16)
  const files = new Map<string, Buffer>()
  for (let entry = 0; entry < entries; entry += 1) {
    if (bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) throw new Error(`bad central directory entry at ${at}`)
    const method = bytes.readUInt16LE(at + 10)
    const compressedSize = bytes.readUInt32LE(at + 20)
    const nameLength = bytes.readUInt16LE(at + 28)
    const extraLength = bytes.readUInt16LE(at + 30)
    const commentLength = bytes.readUInt16LE(at + 32)
    const local = bytes.readUInt32LE(at + 42)
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength)
    if (bytes.readUInt32LE(local) !== LOCAL_FILE_HEADER) throw new Error(`bad local header for ${name}`)
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28)
    const data = bytes.subarray(start, start + compressedSize)
    if (method === 0) files.set(name, Buffer.from(data))
    else if (method === 8) files.set(name, inflateRawSync(data))
    else throw new Error(`${name}: compression method ${method} is not read here`)
    at += 46 + nameLength + extraLength + commentLength
  }
  return files
}

/** A file of the zip as UTF-8 text; throws when it is not there. */
export const zipText = (files: ReadonlyMap<string, Buffer>, name: string): string => {
  const file = files.get(name)
  if (file === undefined) throw new Error(`${name} is not in the zip (it has ${[...files.keys()].join(', ')})`)
  return file.toString('utf8')
}
