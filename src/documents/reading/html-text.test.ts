import { describe, expect, it } from 'vitest'
import { decodeEntities, htmlToText } from './html-text.ts'

describe('HTML and XML text', () => {
  it('decodes named and numeric entities and leaves unknown ones alone', () => {
    expect(decodeEntities('Fish &amp; chips &pound;5 &#8211; &#x2019; &bogus; &#0;')).toBe(
      'Fish & chips £5 – ’ &bogus; &#0;',
    )
  })

  it('turns an HTML email body into lines of text, without styles or scripts', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script><p>Dear Ms Testperson,</p>' +
      '<p>Line one<br>Line two</p><!-- hidden comment --><table><tr><td>Ref</td><td>FOI-1</td></tr></table>' +
      '<ul><li>First</li><li>Second</li></ul></body></html>'
    expect(htmlToText(html)).toBe('Dear Ms Testperson,\nLine one\nLine two\n\tRef\tFOI-1\n\n- First\n- Second')
  })
})
