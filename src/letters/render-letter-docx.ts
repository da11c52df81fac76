/**
 * A letter as a Word document to edit, with docx: Word's own Heading 1–3 styles (so the navigation pane and the
 * accessibility checker see the headings), bullet lists as Word lists (numbering), hyperlinks as hyperlinks, quotes
 * in Word's Quote style (indented, with a bar), page numbers in the footer as fields, A4, the title and author in the
 * document properties and British English as the language of every run (spelling, and what a screen reader speaks).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from 'docx'
import type { Block, Inline, LetterDocument } from '../domain/letters/letter-document.ts'
import { cleanText, safeLinkUrl } from './letter-text.ts'

// Word's units: twips (1/20 point, 1/1440 inch) for lengths, half-points for font sizes.
const MM = 1440 / 25.4
const twips = (millimetres: number): number => Math.round(millimetres * MM)

const BULLETS = 'letter-bullets'
const QUOTE_STYLE = 'Quote'
const TEXT_COLOUR = '0B0C0C'
const LINK_COLOUR = '1D70B8'

const runs = (content: readonly Inline[]): ParagraphChild[] =>
  content.flatMap((inline): ParagraphChild[] => {
    const value = cleanText(inline.text)
    if (value.length === 0) return []
    switch (inline.kind) {
      case 'text':
        return [new TextRun(value)]
      case 'strong':
        return [new TextRun({ text: value, bold: true })]
      case 'link': {
        const url = safeLinkUrl(inline.url)
        return url === null
          ? [new TextRun(value)]
          : [new ExternalHyperlink({ link: url, children: [new TextRun({ text: value, style: 'Hyperlink' })] })]
      }
    }
  })

const block = (value: Block): Paragraph[] => {
  switch (value.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: value.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
          children: [new TextRun(cleanText(value.text))],
        }),
      ]
    case 'paragraph':
      return [new Paragraph({ children: runs(value.content) })]
    case 'list':
      return value.items.map(
        (item) => new Paragraph({ numbering: { reference: BULLETS, level: 0 }, children: runs(item) }),
      )
    case 'quote':
      return value.paragraphs.map((content) => new Paragraph({ style: QUOTE_STYLE, children: runs(content) }))
  }
}

const plain = (lines: readonly string[], options: { readonly right?: boolean; readonly bold?: boolean } = {}) =>
  lines.map(
    (line, index) =>
      new Paragraph({
        ...(options.right === true ? { alignment: AlignmentType.RIGHT } : {}),
        // Lines of an address sit close together; the last keeps the paragraph's space after it.
        ...(index < lines.length - 1 ? { spacing: { after: 0 } } : {}),
        children: [new TextRun({ text: cleanText(line), ...(options.bold === true ? { bold: true } : {}) })],
      }),
  )

const letterParagraphs = (letter: LetterDocument): Paragraph[] => {
  const { sender, recipient } = letter
  const [first, ...rest] = letter.signOff
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 40 },
      children: [new TextRun({ text: cleanText(sender.name), bold: true, size: 26 })],
    }),
    ...plain(
      [
        sender.teamName,
        ...sender.addressLines,
        ...(sender.telephone === null ? [] : [`Telephone: ${sender.telephone}`]),
        ...(sender.website === null ? [] : [sender.website]),
      ],
      { right: true },
    ),
    ...(recipient === null ? [] : plain([recipient.name, ...recipient.addressLines])),
    ...plain([letter.date]),
    ...plain([letter.referenceLine], { bold: true }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanText(letter.title))] }),
    ...letter.blocks.flatMap(block),
    ...(first === undefined
      ? []
      : [
          new Paragraph({ keepNext: true, spacing: { after: 480 }, children: [new TextRun(cleanText(first))] }),
          ...plain(rest),
        ]),
  ]
}

const footer = (): Footer =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
      }),
    ],
  })

/** The letter as a DOCX: an editable Word document. */
export const renderLetterDocx = async (letter: LetterDocument): Promise<Buffer> => {
  const document = new Document({
    title: cleanText(letter.title),
    subject: cleanText(letter.referenceLine),
    creator: cleanText(letter.sender.name),
    lastModifiedBy: cleanText(letter.sender.name),
    styles: {
      default: {
        document: {
          run: { font: 'Arial', size: 22, color: TEXT_COLOUR, language: { value: letter.language } },
          paragraph: { spacing: { after: 160, line: 276 } },
        },
        heading1: {
          run: { font: 'Arial', size: 30, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 240, after: 160 }, keepNext: true },
        },
        heading2: {
          run: { font: 'Arial', size: 26, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 320, after: 120 }, keepNext: true },
        },
        heading3: {
          run: { font: 'Arial', size: 23, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
        hyperlink: { run: { color: LINK_COLOUR, underline: {} } },
      },
      paragraphStyles: [
        {
          id: QUOTE_STYLE,
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          quickFormat: true,
          paragraph: {
            indent: { left: twips(6) },
            border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'B1B4B6', space: 8 } },
          },
        },
      ],
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: twips(7), hanging: twips(5) }, spacing: { after: 80 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twips(210), height: twips(297) },
            margin: { top: twips(20), bottom: twips(25), left: twips(25), right: twips(25), footer: twips(10) },
          },
        },
        footers: { default: footer() },
        children: letterParagraphs(letter),
      },
    ],
  })
  return Packer.toBuffer(document)
}
