/**
 * Just enough HTML and XML handling to get the words out of an HTML email body or an Office XML part: not a parser,
 * and never used to display anything.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  pound: '£',
  euro: '€',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  deg: '°',
  eacute: 'é',
  egrave: 'è',
  aacute: 'á',
  agrave: 'à',
  ccedil: 'ç',
  ouml: 'ö',
  uuml: 'ü',
  auml: 'ä',
  szlig: 'ß',
  shy: '',
  zwnj: '',
  zwj: '',
}

const fromCodePoint = (code: number, original: string): string =>
  Number.isInteger(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    ? String.fromCodePoint(code)
    : original

/** Decodes `&amp;`, `&#163;`, `&#xA3;` and the common named entities; leaves anything else as it was. */
export const decodeEntities = (text: string): string =>
  text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return fromCodePoint(Number.parseInt(body.slice(2), 16), entity)
    if (body.startsWith('#')) return fromCodePoint(Number.parseInt(body.slice(1), 10), entity)
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? entity
  })

const BLOCK_END = /<\/(p|div|h[1-6]|li|tr|table|blockquote|pre|section|article|header|footer|ul|ol|dl|dt|dd)\s*>/gi

/**
 * The text of an HTML document, roughly as a reader sees it: scripts, styles and comments dropped, a line for each
 * paragraph, line break and table row, cells separated by tabs, entities decoded, blank lines collapsed.
 */
export const htmlToText = (html: string): string =>
  decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|head|title)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\b[^>]*>/gi, '\n')
      .replace(BLOCK_END, '\n')
      .replace(/<(td|th)\b[^>]*>/gi, '\t')
      .replace(/<li\b[^>]*>/gi, '- ')
      .replace(/<[^>]*>/g, ''),
  )
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n[ \u00a0]+/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
