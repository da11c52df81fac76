import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt parameters (OWASP's minimum is N=2^17, r=8, p=1); stored with each hash so they can be raised later. */
const PARAMETERS = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 }

const derive = (password: string, salt: Buffer, options: ScryptOptions & { keyLength: number }): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      options.keyLength,
      { ...options, maxmem: 256 * 1024 * 1024 },
      (error, key) => (error === null ? resolve(key) : reject(error)),
    )
  })

/** `scrypt$N$r$p$salt$hash`, base64url. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16)
  const key = await derive(password, salt, PARAMETERS)
  return [
    'scrypt',
    PARAMETERS.N,
    PARAMETERS.r,
    PARAMETERS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$')
}

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (
    scheme !== 'scrypt' ||
    n === undefined ||
    r === undefined ||
    p === undefined ||
    salt === undefined ||
    hash === undefined
  ) {
    return false
  }
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    keyLength: expected.length,
  })
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/** What a password must be: long enough to resist guessing; no composition rules (NCSC guidance). */
export const checkPassword = (password: string): string | null =>
  password.length < 12
    ? 'The password must be 12 characters or more'
    : password.length > 256
      ? 'The password must be 256 characters or fewer'
      : null
