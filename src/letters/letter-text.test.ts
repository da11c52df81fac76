import { describe, expect, it } from 'vitest'
import { cleanText, escapeMarkup, safeLinkUrl } from './letter-text.ts'

describe('safeLinkUrl', () => {
  it.each([
    ['https://www.example.org.uk/foi/review-procedure', 'https://www.example.org.uk/foi/review-procedure'],
    ['HTTP://EXAMPLE.ORG', 'http://example.org/'],
    ['  https://example.org/a b  ', 'https://example.org/a%20b'],
    ['mailto:foi@example.org.uk', 'mailto:foi@example.org.uk'],
  ])('keeps the http, https or mailto address %j as %j', (url, expected) => {
    expect(safeLinkUrl(url)).toBe(expected)
  })

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\u0000script:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/file',
    '/staff/cases',
    '//example.org/path',
    '',
  ])('refuses %j, so that the link is printed as its text alone', (url) => {
    expect(safeLinkUrl(url)).toBeNull()
  })
})

describe('cleanText', () => {
  it('composes a letter and its combining accent into the one character a font draws', () => {
    expect(cleanText('Gw\u0302yn')).toBe('Gŵyn')
  })

  it('removes control characters that XML forbids, keeps line feeds, makes a tab a space', () => {
    expect(cleanText('a\u0000b\u0008c\u001bd\u0085e\nf\tg')).toBe('abcde\nf g')
  })

  it('replaces a lone surrogate and keeps a pair', () => {
    expect(cleanText('x\uD800y 😀')).toBe('x\uFFFDy 😀')
  })
})

describe('escapeMarkup', () => {
  it('escapes the five characters of HTML and XML markup', () => {
    expect(escapeMarkup(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    )
  })
})
