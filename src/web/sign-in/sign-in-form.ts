/** What the sign-in form sends, read from a parsed body or query; anything missing or odd reads as empty. */
export interface SignInForm {
  readonly email: string
  readonly password: string
  /** Where to go after signing in, as sent: checked by `safeNextPath` before it is used. */
  readonly next: string
}

export interface FieldError {
  readonly text: string
  readonly href: string
}

/** Where a person goes after signing in when the form does not say. */
export const DEFAULT_NEXT = '/cases'

/** An email address or password longer than this is not one anybody has: it is refused without a check. */
const MAX_FIELD_LENGTH = 500

const firstText = (value: unknown): string => {
  const first: unknown = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first : ''
}

export const readSignInForm = (body: unknown): SignInForm => {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  return {
    email: firstText(fields['email'])
      .trim()
      .slice(0, MAX_FIELD_LENGTH + 1),
    password: firstText(fields['password']).slice(0, MAX_FIELD_LENGTH + 1),
    next: firstText(fields['next']),
  }
}

/** The problems with the form before anyone's password is checked: only whether each field was filled in. */
export const missingFields = (form: SignInForm): FieldError[] => {
  const errors: FieldError[] = []
  if (form.email === '') errors.push({ text: 'Enter your email address', href: '#email' })
  if (form.password === '') errors.push({ text: 'Enter your password', href: '#password' })
  return errors
}

/** The one answer for a wrong email address, a wrong password, or an account that cannot sign in. */
export const WRONG_DETAILS: FieldError = { text: 'Enter a correct email address and password', href: '#email' }

export const tooLong = (form: SignInForm): boolean =>
  form.email.length > MAX_FIELD_LENGTH || form.password.length > MAX_FIELD_LENGTH

const PLACEHOLDER_ORIGIN = 'https://disclose.invalid'

/**
 * `next` when it is a path on this site, else the cases list: never another site (`//evil.example`,
 * `/\evil.example`, `https://…`), never a control character, and never the sign-in or sign-out pages themselves.
 * The path is returned as the URL parser normalises it, so what is checked is what the browser will follow.
 */
export const safeNextPath = (next: string): string => {
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\')) return DEFAULT_NEXT
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(next) || next.length > 2000) return DEFAULT_NEXT
  let url: URL
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN)
  } catch {
    return DEFAULT_NEXT
  }
  // `/..//evil.example` normalises to `//evil.example`, which a browser would take for another site.
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return DEFAULT_NEXT
  if (url.pathname === '/sign-in' || url.pathname === '/sign-out') return DEFAULT_NEXT
  return `${url.pathname}${url.search}`
}
