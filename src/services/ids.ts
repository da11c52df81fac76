import { createHash, randomBytes, randomInt } from 'node:crypto'

/**
 * A new id: a UUIDv7 (RFC 9562), which sorts by creation time, so that new rows go to the end of an index.
 */
export const newId = (now: number = Date.now()): string => {
  const bytes = randomBytes(16)
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
