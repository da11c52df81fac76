/**
 * What a person types in a search box, read the same way on SQLite and PostgreSQL: words (all must be there),
 * "a quoted phrase" (in that order), `OR` between two terms, and `-word` to leave out. PostgreSQL is given the text
 * itself (`websearch_to_tsquery` reads this syntax); SQLite's FTS5 is given the query this module builds, with every
 * term quoted so that nothing typed can be read as FTS5 syntax (`NEAR`, `*`, `:`, brackets).
 */

export type SearchTerm =
  | { readonly kind: 'word'; readonly text: string; readonly negated: boolean }
  | { readonly kind: 'phrase'; readonly text: string; readonly negated: boolean }
  | { readonly kind: 'or' }

const WORD_CHARACTERS = /[\p{L}\p{N}]+/gu

/** The words FTS5's tokenizer would see in a piece of text: letters and digits, everything else separates. */
const wordsOf = (text: string): string[] => text.match(WORD_CHARACTERS) ?? []

export const parseSearch = (input: string): SearchTerm[] => {
  const terms: SearchTerm[] = []
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu
  for (const match of input.matchAll(pattern)) {
    const [, minus, phrase, bare] = match
    if (phrase !== undefined) {
      const words = wordsOf(phrase)
      if (words.length > 0) terms.push({ kind: 'phrase', text: words.join(' '), negated: minus === '-' })
      continue
    }
    if (bare === undefined) continue
    if (bare === 'OR') {
      terms.push({ kind: 'or' })
      continue
    }
    const negated = bare.startsWith('-') && bare.length > 1
    const words = wordsOf(negated ? bare.slice(1) : bare)
    if (words.length === 1) terms.push({ kind: 'word', text: words[0] ?? '', negated })
    // "foi@tfl.gov.uk" or "SW1A-2AA" is several tokens in the index: search for them as a phrase.
    else if (words.length > 1) terms.push({ kind: 'phrase', text: words.join(' '), negated })
  }
  // An OR needs a term on each side.
  return terms.filter(
    (term, index) =>
      term.kind !== 'or' ||
      (index > 0 &&
        index < terms.length - 1 &&
        terms[index - 1]?.kind !== 'or' &&
        terms[index + 1]?.kind !== 'or' &&
        terms[index + 1]?.kind !== undefined),
  )
}

/** Whether the search asks for anything: a query of only exclusions ("-draft") matches nothing to exclude from. */
export const hasPositiveTerm = (terms: readonly SearchTerm[]): boolean =>
  terms.some((term) => term.kind !== 'or' && !term.negated)

const quoted = (text: string): string => `"${text.replaceAll('"', '""')}"`

/** The FTS5 MATCH expression, or undefined when there is nothing to search for. */
export const toFts5Query = (terms: readonly SearchTerm[]): string | undefined => {
  if (!hasPositiveTerm(terms)) return undefined
  const positive: string[] = []
  const negative: string[] = []
  let joinNextWithOr = false
  for (const term of terms) {
    if (term.kind === 'or') {
      joinNextWithOr = true
      continue
    }
    const expression = quoted(term.text)
    if (term.negated) negative.push(expression)
    else if (joinNextWithOr && positive.length > 0) positive.push(`OR ${expression}`)
    else positive.push(positive.length === 0 ? expression : `AND ${expression}`)
    joinNextWithOr = false
  }
  const base = `(${positive.join(' ')})`
  return negative.reduce((query, expression) => `${query} NOT ${expression}`, base)
}
