/**
 * A letter as data: what the renderers (HTML for preview, an accessible PDF, a DOCX to edit in Word) turn into a
 * file. The composition of a letter from a case and its decisions is in `compose-*.ts` beside this; the renderers
 * know nothing of cases, and the letter knows nothing of formats.
 */

/** A run of text within a paragraph or list item. */
export type Inline =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }

export type Block =
  /** Level 2 is a section of the letter ("Our response"); level 3 a part within it ("Section 31 FOIA"). */
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly Inline[])[] }
  /** The requester's words or the statute's, quoted: each element a paragraph. */
  | { readonly kind: 'quote'; readonly paragraphs: readonly (readonly Inline[])[] }

export const LETTER_KINDS = ['acknowledgement', 'clarification', 'fees', 'extension', 'response', 'review'] as const
export type LetterKind = (typeof LETTER_KINDS)[number]

export interface LetterDocument {
  readonly kind: LetterKind
  /** For the PDF's title and the HTML page's <title>: "Response to your request IC-335210-T7S5". */
  readonly title: string
  /** BCP 47: letters are in British English. */
  readonly language: 'en-GB'
  /** The organisation sending it, for the letterhead. */
  readonly sender: {
    readonly name: string
    readonly teamName: string
    readonly addressLines: readonly string[]
    readonly telephone: string | null
    readonly website: string | null
  }
  /** Whom it is to, when known and the viewer may see it; null for an applicant-blind preview. */
  readonly recipient: { readonly name: string; readonly addressLines: readonly string[] } | null
  /** As printed: "29 October 2024". */
  readonly date: string
  /** As printed under the date: "Case reference: IC-335210-T7S5". */
  readonly referenceLine: string
  readonly blocks: readonly Block[]
  /** "Yours sincerely" and the lines under it: the team's name. */
  readonly signOff: readonly string[]
}

/** Plain text of a run of inlines: for tests, searches and the text of a link without its address. */
export const inlineText = (content: readonly Inline[]): string => content.map((inline) => inline.text).join('')

export const text = (value: string): Inline => ({ kind: 'text', text: value })
export const strong = (value: string): Inline => ({ kind: 'strong', text: value })
export const link = (value: string, url: string): Inline => ({ kind: 'link', text: value, url })
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content })
export const heading = (level: 2 | 3, value: string): Block => ({ kind: 'heading', level, text: value })

/** Plain text of a letter's body, for checks and searches. */
export const letterBodyText = (blocks: readonly Block[]): string =>
  blocks
    .map((block) => {
      switch (block.kind) {
        case 'heading':
          return block.text
        case 'paragraph':
          return inlineText(block.content)
        case 'list':
          return block.items.map(inlineText).join('\n')
        case 'quote':
          return block.paragraphs.map(inlineText).join('\n')
      }
    })
    .join('\n\n')
