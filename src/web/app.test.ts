import * as cheerio from 'cheerio'
import { pino } from 'pino'
import request from 'supertest'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, useTestApp, type TestApp } from '../../test/app.ts'

const testApp = useTestApp()

const nonceOf = (csp: string): string | undefined => /'nonce-([^']+)'/.exec(csp)?.[1]

describe('the web app', () => {
  it('answers the health check', async () => {
    const response = await request(testApp().app).get('/health')
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^application\/json/)
    expect(response.body).toEqual({ status: 'ok', database: 'ok' })
  })

  it('sends a content security policy whose nonce is on every script, and a new nonce each time', async () => {
    const first = await request(testApp().app).get('/')
    const csp = String(first.headers['content-security-policy'])
    const nonce = nonceOf(csp)
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'(;|$)/)
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')

    const $ = cheerio.load(first.text)
    const scripts = $('script').toArray()
    expect(scripts.length).toBe(2)
    for (const script of scripts) expect($(script).attr('nonce')).toBe(nonce)
    expect($('script[type="module"]').text()).toContain("import { initAll } from '/assets/govuk-frontend.min.js")

    const second = await request(testApp().app).get('/')
    expect(nonceOf(String(second.headers['content-security-policy']))).not.toBe(nonce)
  })

  it('sends the other security headers', async () => {
    const response = await request(testApp().app).get('/')
    expect(response.headers['x-content-type-options']).toBe('nosniff')
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(response.headers['referrer-policy']).toBe('same-origin')
    expect(response.headers['x-powered-by']).toBeUndefined()
  })

  it('uses the generic header and its own footer: no crown, GOV.UK logo or Crown copyright', async () => {
    const response = await request(testApp().app).get('/')
    const $ = cheerio.load(response.text)
    expect($('header .govuk-generic-header').length).toBe(1)
    expect($('.govuk-generic-header__homepage-link').text().trim()).toBe('Disclose')
    expect($('.govuk-generic-header__homepage-link').attr('href')).toBe('/')
    expect($('header svg, .govuk-header, .govuk-logo, .govuk-header__logotype, .govuk-footer__crown').length).toBe(0)
    expect($('footer').text().replace(/\s+/g, ' ')).toContain('Disclose — open source under AGPL-3.0-or-later')
    expect($('footer a[rel="license"]').attr('href')).toBe('https://www.gnu.org/licenses/agpl-3.0.html')
    expect(response.text).not.toMatch(/Crown copyright|Open Government Licence|govuk-icon|GOV\.UK - The best place/)
    expect($('link[rel="icon"]').attr('href')).toBe('/public/images/favicon.svg')
    expect($('html').attr('lang')).toBe('en')
  })

  it('serves styles compiled with the system font stack, without the GDS Transport font', async () => {
    const $ = cheerio.load((await request(testApp().app).get('/')).text)
    const href = $('link[rel="stylesheet"]').attr('href') ?? ''
    expect(href).toMatch(/^\/public\/build\/application\.css\?v=[0-9a-f]{12}$/)
    const css = await request(testApp().app).get(href)
    expect(css.status).toBe(200)
    expect(css.headers['content-type']).toMatch(/^text\/css/)
    expect(css.text).toContain('font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif')
    expect(css.text).toContain('.govuk-generic-header')
    expect(css.text).not.toContain('GDS Transport')
    expect(css.text).not.toContain('@font-face')
  })

  it('serves govuk-frontend’s script and assets from the installed package', async () => {
    const script = await request(testApp().app).get('/assets/govuk-frontend.min.js')
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toMatch(/javascript/)
    expect(script.text).toContain('initAll')
    const manifest = await request(testApp().app).get('/assets/manifest.json')
    expect(manifest.status).toBe(200)
    expect(
      await request(testApp().app)
        .get('/public/images/favicon.svg')
        .then((r) => r.status),
    ).toBe(200)
  })

  it('shows a GOV.UK-styled page not found for an unknown address', async () => {
    const response = await request(testApp().app).get('/no-such-page?name=someone')
    expect(response.status).toBe(404)
    const $ = cheerio.load(response.text)
    expect($('title').text()).toBe('Page not found – Disclose')
    expect($('h1').text().trim()).toBe('Page not found')
    expect($('.govuk-generic-header').length).toBe(1)
    expect(response.text).not.toContain('someone')
  })

  it('answers a missing asset with page not found', async () => {
    expect((await request(testApp().app).get('/public/build/missing.css')).status).toBe(404)
    expect((await request(testApp().app).get('/assets/images/missing.png')).status).toBe(404)
  })
})

describe('the link to the source code (AGPL-3.0 section 13)', () => {
  let withSource: TestApp

  beforeAll(async () => {
    withSource = await buildTestApp({
      env: { DISCLOSE_SOURCE_URL: 'https://git.example.gov.uk/foi/disclose?ref=v1&x=<y>' },
    })
  }, 60_000)

  afterAll(async () => {
    await withSource.cleanUp()
  })

  const sourceLinks = ($: cheerio.CheerioAPI) =>
    $('footer a')
      .toArray()
      .filter((link) => $(link).text().trim() === 'Source code')

  it('shows “Source code” beside the licence, linking to DISCLOSE_SOURCE_URL, when it is set', async () => {
    const response = await request(withSource.app).get('/')
    const $ = cheerio.load(response.text)
    const links = sourceLinks($)
    expect(links).toHaveLength(1)
    expect($(links[0]).attr('href')).toBe('https://git.example.gov.uk/foi/disclose?ref=v1&x=<y>')
    expect(response.text).toContain('href="https://git.example.gov.uk/foi/disclose?ref=v1&amp;x=&lt;y&gt;"')
    expect($(links[0]).hasClass('govuk-footer__link')).toBe(true)
    expect($(links[0]).closest('p').find('a[rel="license"]').length).toBe(1)
    expect($('footer').text().replace(/\s+/g, ' ')).toContain(
      'Disclose — open source under AGPL-3.0-or-later · Source code',
    )
  })

  it('shows it on every page, the page not found included', async () => {
    const response = await request(withSource.app).get('/no-such-page')
    expect(response.status).toBe(404)
    expect(sourceLinks(cheerio.load(response.text))).toHaveLength(1)
  })

  it('shows no link when DISCLOSE_SOURCE_URL is not set', async () => {
    const $ = cheerio.load((await request(testApp().app).get('/')).text)
    expect(sourceLinks($)).toHaveLength(0)
    expect($('footer a').length).toBe(1)
    expect($('footer').text()).not.toContain('·')
  })
})

describe('when something goes wrong', () => {
  let failing: TestApp
  const lines: Record<string, unknown>[] = []

  beforeAll(async () => {
    failing = await buildTestApp({
      override: (deps) => ({
        ...deps,
        logger: pino(
          { level: 'info' },
          { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
        ),
        calendar: {
          ...deps.calendar,
          current: () => {
            throw new Error('the calendar failed at /srv/secret/path')
          },
        },
      }),
    })
  }, 60_000)

  afterAll(async () => {
    await failing.cleanUp()
  })

  it('shows the service problem page with status 500 and no error detail', async () => {
    const response = await request(failing.app).get('/?regime=foia&received-day=1&received-month=10&received-year=2024')
    expect(response.status).toBe(500)
    const $ = cheerio.load(response.text)
    expect($('h1').text().trim()).toBe('Sorry, there is a problem with the service')
    expect($('title').text()).toBe('Sorry, there is a problem with the service – Disclose')
    expect(response.text).not.toMatch(/secret|calendar failed|at .*\.ts:\d+/)
    expect(lines.some((line) => line.msg === 'Unhandled error')).toBe(true)
  })

  it('logs each request with its method, path, status and time, but never the query string', async () => {
    lines.length = 0
    await request(failing.app).get('/deadlines?regime=eir&received-day=&received-month=&received-year=')
    await request(failing.app).get('/health?probe=1')
    const requests = lines.filter((line) => line.msg === 'request')
    expect(requests.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'GET', path: '/deadlines', status: 500 },
      { method: 'GET', path: '/health', status: 200 },
    ])
    for (const line of requests) expect(typeof line.ms).toBe('number')
    expect(requests.map((line) => line.level)).toEqual([50, 30])
    expect(JSON.stringify(lines)).not.toMatch(/regime=|probe|received-day/)
  })

  it('logs an address nobody routed without the address, which a person may have typed', async () => {
    lines.length = 0
    await request(failing.app).get('/requests/jane-smith')
    await request(failing.app).get('/public/build/missing.css')
    const paths = lines.filter((line) => line.msg === 'request').map((line) => line.path)
    expect(paths).toEqual(['[not found]', '/public/build/missing.css'])
    expect(JSON.stringify(lines)).not.toContain('jane-smith')
  })
})
