import { createHash, randomBytes, randomInt } from 'node:crypto'

/**
 * Random bytes drawn from the operating system 4 KiB at a time: asking it for 16 bytes per id cost more than the rest
 * of making the id. The bytes are as random as randomBytes(16) would give; each is used once.
 */
const randomPool = (() => {
  const POOL_SIZE = 4096
  let pool = randomBytes(POOL_SIZE)
  let offset = 0
  return {
    take: (count: number): Uint8Array => {
      if (offset + count > POOL_SIZE) {
        pool = randomBytes(POOL_SIZE)
        offset = 0
      }
      const taken = pool.subarray(offset, offset + count)
      offset += count
      return taken
    },
  }
})()

/**
 * A new id: a UUIDv7 (RFC 9562), which sorts by creation time, so that new rows go to the end of an index.
 */
export const newId = (now: number = Date.now()): string => {
  const bytes = Buffer.from(randomPool.take(16))
  bytes.writeUIntBE(now, 0, 6)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A cryptographic random whole number from 0 to n − 1: the source for case references. */
export const secureRandomIndex = (n: number): number => randomInt(n)

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

/** A secret for a cookie or an API token: 32 random bytes, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url')
