import { describe, expect, it } from 'vitest'
import { missingFields, readSignInForm, safeNextPath } from './sign-in-form.ts'

describe('where a person goes after signing in', () => {
  it.each([
    ['/cases', '/cases'],
    ['/cases/IC-335210-T7S5', '/cases/IC-335210-T7S5'],
    ['/cases?show=due-soon&regime=eir', '/cases?show=due-soon&regime=eir'],
    ['/cases/IC-335210-T7S5#timeline', '/cases/IC-335210-T7S5'],
    ['/cases/../deadlines', '/deadlines'],
  ])('goes back to %s, a path on this site', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected)
  })

  it.each([
    ['nothing', ''],
    ['another site', 'https://evil.example/cases'],
    ['a protocol-relative address', '//evil.example/cases'],
    ['a backslash the browser reads as a slash', '/\\evil.example'],
    ['a path that normalises to another site', '/..//evil.example'],
    ['a path that starts with a tab', '/\t/evil.example'],
    ['a script address', 'javascript:alert(1)'],
    ['a relative path', 'cases'],
    ['the sign-in page itself', '/sign-in?next=/cases'],
    ['the sign-out address', '/sign-out'],
  ])('goes to the cases list instead of %s', (_what, next) => {
    expect(safeNextPath(next)).toBe('/cases')
  })
})

describe('reading the sign-in form', () => {
  it('reads the first of repeated fields, trims the email address but never the password', () => {
    expect(
      readSignInForm({ email: [' a@example.org ', 'b@example.org'], password: ' secret ', next: '/cases' }),
    ).toEqual({ email: 'a@example.org', password: ' secret ', next: '/cases' })
  })

  it('reads a missing or odd body as an empty form, which asks for both fields', () => {
    const form = readSignInForm(undefined)
    expect(form).toEqual({ email: '', password: '', next: '' })
    expect(missingFields(form)).toEqual([
      { text: 'Enter your email address', href: '#email' },
      { text: 'Enter your password', href: '#password' },
    ])
  })
})
