/**
 * What every renderer does to the letter's strings and links before it writes them: the same text and the same
 * links in HTML, PDF and DOCX.
 */

// XML 1.0 (inside a DOCX, a PDF's XMP) forbids the C0 controls other than tab, line feed and carriage return, and a
// lone surrogate; the C1 controls and the noncharacters are never meant as text.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNWANTED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/**
 * The text as it is printed: composed (NFC, so that "w" followed by a combining circumflex is the one letter "ŵ" a
 * font has a glyph for), without control characters, a tab as a space, a lone surrogate as U+FFFD.
 */
export const cleanText = (value: string): string =>
  value.normalize('NFC').replace(UNWANTED, '').replace(/\t/g, ' ').replace(LONE_SURROGATE, '\uFFFD')

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:'])

/**
 * The address a link may point to, normalised as a browser would parse it, or null when it is not an absolute http,
 * https or mailto URL (`javascript:`, `data:`, a relative path): such a link is printed as its text alone.
 */
export const safeLinkUrl = (url: string): string | null => {
  const candidate = cleanText(url).trim()
  if (!URL.canParse(candidate)) return null
  const parsed = new URL(candidate)
  return LINK_SCHEMES.has(parsed.protocol) ? parsed.href : null
}

const MARKUP_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text or an attribute value, cleaned and escaped for HTML or XML. */
export const escapeMarkup = (value: string): string =>
  cleanText(value).replace(/[&<>"']/g, (character) => MARKUP_ESCAPES[character] ?? character)
