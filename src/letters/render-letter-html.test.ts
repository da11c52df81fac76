import { load } from 'cheerio'
import { describe, expect, it } from 'vitest'
import {
  FIXTURE_AGAINST_FACTORS,
  FIXTURE_FOR_FACTORS,
  FIXTURE_HEADINGS,
  FIXTURE_URLS,
  fixtureLetter,
  fixtureParagraphTexts,
  hostileLetter,
} from './letter-fixture.test-support.ts'
import { renderLetterHtml } from './render-letter-html.ts'

const squash = (value: string): string => value.replace(/\s+/g, ' ').trim()

const FIXTURE_LINKS = [
  FIXTURE_URLS.statement,
  FIXTURE_URLS.disclosureLog,
  FIXTURE_URLS.staffPolicy,
  FIXTURE_URLS.review,
  FIXTURE_URLS.email,
  FIXTURE_URLS.complaint,
  FIXTURE_URLS.privacy,
]

describe('renderLetterHtml as a fragment for the preview page', () => {
  const letter = fixtureLetter()
  const html = renderLetterHtml(letter)
  const $ = load(html)

  it('gives the sections and their parts as h2 and h3 headings, in order, with GOV.UK classes', () => {
    const headings = $('h1, h2, h3')
      .toArray()
      .map((element) => ({ tag: element.tagName, text: $(element).text(), className: $(element).attr('class') }))
    expect(headings).toEqual(
      FIXTURE_HEADINGS.map(({ level, text }) => ({
        tag: `h${level}`,
        text,
        className: level === 2 ? 'govuk-heading-m' : 'govuk-heading-s',
      })),
    )
  })

  it('leaves the h1 to the page it sits in and shows the title as a subject line', () => {
    expect($('h1')).toHaveLength(0)
    expect($('.disclose-letter__subject').text()).toBe(letter.title)
  })

  it('prints the letterhead, the recipient, the date, the reference and the sign-off', () => {
    const text = squash($.root().text())
    for (const expected of [
      letter.sender.name,
      letter.sender.teamName,
      ...letter.sender.addressLines,
      'Telephone: 01632 960000',
      'Sam Example',
      letter.date,
      letter.referenceLine,
      ...letter.signOff,
    ]) {
      expect(text).toContain(expected)
    }
  })

  it('gives every paragraph, quoted paragraph and list item its text', () => {
    const text = squash($.root().text())
    for (const paragraph of fixtureParagraphTexts(letter)) expect(text).toContain(squash(paragraph))
  })

  it('makes the public interest factors GOV.UK bulleted lists', () => {
    const lists = $('ul.govuk-list.govuk-list--bullet').toArray()
    expect(
      lists.map((list) =>
        $(list)
          .find('li')
          .toArray()
          .map((item) => $(item).text()),
      ),
    ).toEqual([FIXTURE_FOR_FACTORS, FIXTURE_AGAINST_FACTORS])
  })

  it('sets the request and the statute in GOV.UK inset text', () => {
    const quotes = $('blockquote.govuk-inset-text').toArray()
    expect(quotes).toHaveLength(2)
    expect($(quotes[1]).find('p')).toHaveLength(2)
    expect($(quotes[0]).text()).toContain('five technology companies')
  })

  it('makes every link a GOV.UK link to its address', () => {
    const links = $('a').toArray()
    expect(links.map((link) => $(link).attr('href'))).toEqual(FIXTURE_LINKS)
    expect(links.every((link) => $(link).attr('class') === 'govuk-link')).toBe(true)
    expect($(`a[href="${FIXTURE_URLS.review}"]`).text()).toBe('review procedure')
  })

  it('carries no styles, scripts or page furniture, so that it fits the page’s CSP and layout', () => {
    expect(html).not.toMatch(/<style|style=|<script|<html|<title/)
  })
})

describe('renderLetterHtml with hostile text', () => {
  const letter = hostileLetter()
  const fragment = renderLetterHtml(letter)
  const $ = load(fragment)

  it('escapes a script in a paragraph: it is text, not an element', () => {
    expect(fragment).toContain('Your request said: &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(fragment).not.toContain('<script')
    expect($('script')).toHaveLength(0)
    const paragraph = $('p').filter((_, element) => $(element).text().startsWith('Your request said'))
    expect(paragraph.text()).toBe('Your request said: <script>alert(1)</script>')
  })

  it('prints a javascript: link as its text, without an anchor', () => {
    const paragraph = $('p')
      .filter((_, element) => $(element).text().includes('this harmless link'))
      .first()
    expect(paragraph.text()).toBe('Click this harmless link to continue.')
    expect(paragraph.find('a')).toHaveLength(0)
    expect(fragment).not.toMatch(/javascript:/i)
  })

  it('prints data: and relative links as text too, and keeps the safe ones', () => {
    expect(squash($.root().text())).toContain('a data link')
    expect(squash($.root().text())).toContain('a relative link')
    expect(fragment).not.toContain('data:text')
    expect(
      $('a')
        .toArray()
        .map((link) => $(link).attr('href')),
    ).toEqual(FIXTURE_LINKS)
  })

  it('escapes markup and quotes in the title', () => {
    expect($('.disclose-letter__subject').text()).toBe(letter.title)
    expect($('b')).toHaveLength(0)
  })
})

describe('renderLetterHtml standalone', () => {
  const letter = hostileLetter()
  const html = renderLetterHtml(letter, { standalone: true })
  const $ = load(html)

  it('is a complete document in British English with the letter’s title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true)
    expect($('html').attr('lang')).toBe('en-GB')
    expect($('meta[charset]').attr('charset')).toBe('utf-8')
    expect($('title').text()).toBe(letter.title)
  })

  it('shows the title as its h1, before the sections’ h2 and h3 headings', () => {
    const headings = $('h1, h2, h3')
      .toArray()
      .map((element) => `${element.tagName} ${$(element).text()}`)
    expect(headings).toEqual([`h1 ${letter.title}`, ...FIXTURE_HEADINGS.map(({ level, text }) => `h${level} ${text}`)])
  })

  it('has its print stylesheet inline and loads nothing from elsewhere', () => {
    expect($('style')).toHaveLength(1)
    expect($('style').text()).toContain('@page')
    expect($('link, script, img, iframe')).toHaveLength(0)
    expect(html).not.toMatch(/@import|url\(/)
  })
})
