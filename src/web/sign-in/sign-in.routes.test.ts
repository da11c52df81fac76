import * as cheerio from 'cheerio'
import request from 'supertest'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { useTestApp } from '../../../test/app.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { addOrganisation, addSignedInStaff, TEST_PASSWORD, type SignedInStaff } from '../staff/staff.test-support.ts'

// Each password hash or check is a deliberately slow scrypt, slower still on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

const testApp = useTestApp()
const productionApp = useTestApp({ env: { NODE_ENV: 'production' } })

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

const errorSummary = ($: cheerio.CheerioAPI) =>
  $('.govuk-error-summary__list a')
    .toArray()
    .map((link) => ({ text: squash($(link).text()), href: $(link).attr('href') }))

const setCookies = (response: request.Response): string[] => {
  const header = response.headers['set-cookie'] as string[] | string | undefined
  return header === undefined ? [] : Array.isArray(header) ? header : [header]
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookieOf = (response: request.Response): string => (setCookies(response)[0] ?? '').split(';')[0] ?? ''

let organisation: Organisation
let officer: SignedInStaff

beforeAll(async () => {
  organisation = await addOrganisation(testApp().deps, 'North Shire Council')
  officer = await addSignedInStaff(testApp().deps, organisation, ['officer'])
}, 30_000)

const signIn = (fields: Record<string, string>, app = testApp().app) =>
  request(app).post('/sign-in').type('form').send(fields)

describe('the sign-in page', () => {
  it('asks for an email address and password, and carries where to go next', async () => {
    const response = await request(testApp().app).get('/sign-in?next=%2Fcases%2FIC-123456-A1B2')
    expect(response.status).toBe(200)
    const $ = cheerio.load(response.text)
    expect($('title').text()).toBe('Sign in – Disclose')
    expect(squash($('h1').text())).toBe('Sign in')
    expect($('form').attr('method')).toBe('post')
    expect($('form').attr('action')).toBe('/sign-in')
    expect($('#email').attr('type')).toBe('email')
    expect($('#email').attr('autocomplete')).toBe('email')
    expect($('#password').attr('type')).toBe('password')
    expect($('#password').attr('autocomplete')).toBe('current-password')
    expect($('input[name="next"]').val()).toBe('/cases/IC-123456-A1B2')
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('has no staff navigation for the public', async () => {
    const $ = cheerio.load((await request(testApp().app).get('/sign-in')).text)
    expect($('.govuk-service-navigation').length).toBe(0)
    expect($('form[action="/sign-out"]').length).toBe(0)
  })
})

describe('signing in', () => {
  it('asks for each missing field, with a GOV.UK error summary', async () => {
    const response = await signIn({ email: '', password: '' })
    expect(response.status).toBe(400)
    const $ = cheerio.load(response.text)
    expect($('title').text()).toBe('Error: Sign in – Disclose')
    expect(errorSummary($)).toEqual([
      { text: 'Enter your email address', href: '#email' },
      { text: 'Enter your password', href: '#password' },
    ])
    expect(squash($('#email-error').text())).toBe('Error: Enter your email address')
  })

  it('says the same thing for a wrong password and for an email address nobody has, and sets no cookie', async () => {
    const wrongPassword = await signIn({ email: officer.email, password: 'not the password' })
    const nobody = await signIn({ email: 'nobody@example.org', password: TEST_PASSWORD })
    for (const response of [wrongPassword, nobody]) {
      expect(response.status).toBe(401)
      expect(setCookies(response)).toEqual([])
      const $ = cheerio.load(response.text)
      expect(errorSummary($)).toEqual([{ text: 'Enter a correct email address and password', href: '#email' }])
      expect($('#password').attr('value')).toBeUndefined()
    }
    const summaryOf = (response: request.Response) => squash(cheerio.load(response.text)('main').text())
    expect(summaryOf(wrongPassword).replace(officer.email, 'EMAIL')).toBe(
      summaryOf(nobody).replace('nobody@example.org', 'EMAIL'),
    )
    expect(cheerio.load(wrongPassword.text)('#email').val()).toBe(officer.email)
    expect(wrongPassword.text).not.toContain('not the password')
  })

  it('signs in, sets an HttpOnly, SameSite=Lax session cookie and goes to the cases list', async () => {
    const response = await signIn({ email: officer.email.toUpperCase(), password: TEST_PASSWORD })
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/cases')
    const [cookie] = setCookies(response)
    expect(cookie).toMatch(/^disclose-session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/)
    const cases = await request(testApp().app).get('/cases').set('Cookie', cookieOf(response))
    expect(cases.status).toBe(200)
  })

  it('goes back to the page that asked for sign-in', async () => {
    const response = await signIn({ email: officer.email, password: TEST_PASSWORD, next: '/cases?show=all-open' })
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/cases?show=all-open')
  })

  it.each(['https://evil.example/cases', '//evil.example', '/\\evil.example', '/..//evil.example'])(
    'never sends anyone to another site: next=%s goes to the cases list',
    async (next) => {
      const response = await signIn({ email: officer.email, password: TEST_PASSWORD, next })
      expect(response.status).toBe(303)
      expect(response.headers['location']).toBe('/cases')
    },
  )

  it('refuses a sign-in form sent from another site', async () => {
    const fromOrigin = await signIn({ email: officer.email, password: TEST_PASSWORD }).set(
      'Origin',
      'https://evil.example',
    )
    const crossSite = await request(testApp().app)
      .post('/sign-in')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ email: officer.email, password: TEST_PASSWORD })
    for (const response of [fromOrigin, crossSite]) {
      expect(response.status).toBe(403)
      expect(setCookies(response)).toEqual([])
      expect(squash(cheerio.load(response.text)('h1').text())).toBe('Sorry, this form could not be sent')
    }
  })

  it('refuses a body far bigger than a sign-in form with a GOV.UK page, not a stack trace', async () => {
    const response = await signIn({ email: officer.email, password: 'x'.repeat(20_000) })
    expect(response.status).toBe(413)
    expect(squash(cheerio.load(response.text)('h1').text())).toBe('Sorry, there is a problem with the request')
    expect(response.text).not.toMatch(/PayloadTooLargeError|at .*\.js:\d+/)
  })

  it('sends someone already signed in on to where they were going', async () => {
    const response = await request(testApp().app)
      .get('/sign-in?next=%2Fcases%3Fshow%3Dmine')
      .set('Cookie', officer.cookie)
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/cases?show=mine')
  })

  it('ends the session that was in the browser before, so a planted session cannot be kept', async () => {
    const planted = await addSignedInStaff(testApp().deps, organisation, ['auditor'])
    const response = await signIn({ email: officer.email, password: TEST_PASSWORD }).set('Cookie', planted.cookie)
    expect(response.status).toBe(303)
    const old = await request(testApp().app).get('/cases').set('Cookie', planted.cookie)
    expect(old.status).toBe(302)
  })
})

describe('the session cookie in production', () => {
  it('is Secure and __Host- prefixed', async () => {
    const { deps, app } = productionApp()
    const production = await addOrganisation(deps, 'Production Council')
    const staff = await addSignedInStaff(deps, production, ['officer'])
    const response = await signIn({ email: staff.email, password: TEST_PASSWORD }, app)
    expect(response.status).toBe(303)
    expect(setCookies(response)[0]).toMatch(
      /^__Host-disclose-session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/,
    )
  })
})

describe('signing out', () => {
  it('shows a sign-out button carrying the session’s CSRF token on every page while signed in', async () => {
    const $ = cheerio.load((await request(testApp().app).get('/').set('Cookie', officer.cookie)).text)
    const form = $('form[action="/sign-out"]')
    expect(form.attr('method')).toBe('post')
    expect(form.find('input[name="_csrf"]').val()).toBe(officer.csrfToken)
    expect(squash(form.find('button').text())).toBe('Sign out')
    expect($('.govuk-service-navigation a[href="/cases"]').text().trim()).toBe('Cases')
  })

  it.each([
    ['without a CSRF token', {}],
    ['with another token', { _csrf: 'not-the-token' }],
  ])('refuses a sign-out %s with a 403 page, and the session lives on', async (_what, fields) => {
    const response = await request(testApp().app)
      .post('/sign-out')
      .set('Cookie', officer.cookie)
      .type('form')
      .send(fields)
    expect(response.status).toBe(403)
    const $ = cheerio.load(response.text)
    expect(squash($('h1').text())).toBe('Sorry, this form could not be sent')
    expect($('title').text()).toBe('Sorry, this form could not be sent – Disclose')
    expect(setCookies(response)).toEqual([])
    expect((await request(testApp().app).get('/cases').set('Cookie', officer.cookie)).status).toBe(200)
  })

  it('ends the session, clears the cookie and says so', async () => {
    const leaving = await addSignedInStaff(testApp().deps, organisation, ['approver'])
    const response = await request(testApp().app)
      .post('/sign-out')
      .set('Cookie', leaving.cookie)
      .type('form')
      .send({ _csrf: leaving.csrfToken })
    expect(response.status).toBe(303)
    expect(response.headers['location']).toBe('/sign-in?signed-out=yes')
    expect(setCookies(response)[0]).toMatch(
      /^disclose-session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax$/,
    )

    const after = await request(testApp().app).get('/cases').set('Cookie', leaving.cookie)
    expect(after.status).toBe(302)
    expect(after.headers['location']).toBe('/sign-in?next=%2Fcases')

    const $ = cheerio.load((await request(testApp().app).get('/sign-in?signed-out=yes')).text)
    expect(squash($('#signed-out .govuk-notification-banner__content').text())).toBe('You have signed out')
  })
})
