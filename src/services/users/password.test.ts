import { randomBytes, scryptSync } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkPassword, hashPassword, verifyPassword } from './password.ts'

// scrypt at N=2^17 takes about 150 ms a call: the hashes are made once and shared.
const PASSWORD = 'correct horse battery staple'

describe('password hashes', { timeout: 30_000 }, () => {
  let first = ''
  let second = ''
  beforeAll(async () => {
    ;[first, second] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)])
  }, 30_000)

  it('are scrypt with OWASP’s parameters, a 16-byte salt and a 64-byte key, stored together', () => {
    expect(first).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/)
    expect(first).not.toContain(PASSWORD)
  })

  it('are salted: the same password never gives the same hash twice', () => {
    expect(second).not.toBe(first)
    expect(second.split('$')[4]).not.toBe(first.split('$')[4])
  })

  it('accept the right password and refuse a wrong one', async () => {
    expect(await verifyPassword(PASSWORD, first)).toBe(true)
    expect(await verifyPassword('correct horse battery stapler', first)).toBe(false)
  })

  it('treat compatibility forms of a character as the same password (NFKC)', async () => {
    // U+FB01 LATIN SMALL LIGATURE FI, as some keyboards and password managers send "fi".
    const ligature = await hashPassword('de\ufb01nitely synthetic')
    expect(await verifyPassword('definitely synthetic', ligature)).toBe(true)
  })

  it('check a hash with the parameters stored in it, so that they can be raised later', async () => {
    const salt = randomBytes(16)
    const key = scryptSync('an older, cheaper hash', salt, 32, { N: 1024, r: 8, p: 1 })
    const stored = ['scrypt', 1024, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$')
    expect(await verifyPassword('an older, cheaper hash', stored)).toBe(true)
    expect(await verifyPassword('an older, cheaper hasp', stored)).toBe(false)
  })

  it.each([
    ['an empty text', ''],
    ['another scheme', 'bcrypt$2b$10$abcdefghijklmnopqrstuv'],
    ['a hash with a part missing', 'scrypt$1024$8$1$c2FsdA'],
  ])('refuse a password against %s', async (_name, stored) => {
    expect(await verifyPassword(PASSWORD, stored)).toBe(false)
  })
})

describe('what a password must be', () => {
  const tooShort = 'The password must be 12 characters or more'
  const tooLong = 'The password must be 256 characters or fewer'
  it.each([
    ['refuses an empty password', '', tooShort],
    ['refuses 11 characters', 'a'.repeat(11), tooShort],
    ['accepts 12 characters', 'a'.repeat(12), null],
    ['accepts 256 characters', 'a'.repeat(256), null],
    ['refuses 257 characters', 'a'.repeat(257), tooLong],
    ['sets no rules on the kinds of character (NCSC guidance)', 'only lower case words', null],
  ])('%s', (_name, password, problem) => {
    expect(checkPassword(password)).toBe(problem)
  })
})
