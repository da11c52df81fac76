/**
 * A letter as an accessible PDF, with pdfkit: tagged (PDF 1.7, a structure tree of Document > H1/H2/H3, P, L > LI >
 * Lbl + LBody, BlockQuote, Link with its annotation), the language and title set and shown, real text in a font that
 * can draw it, links as link annotations, A4 with a letter's margins, and "Page N of M" in the footer marked as a
 * pagination artifact so that a screen reader does not read it as part of the letter.
 *
 * The same letter gives the same bytes: the creation date comes from the options or the letter's date, and pdfkit
 * derives the file identifier and the font subset tags from the document, not from the clock or a random source.
 */
import PDFDocument from 'pdfkit'
import type { Block, Inline, LetterDocument } from '../domain/letters/letter-document.ts'
import { cleanText, escapeMarkup, safeLinkUrl } from './letter-text.ts'
import {
  allWinAnsi,
  findSystemFont,
  isWinAnsi,
  readFontFile,
  replaceUndrawable,
  type PdfFontFiles,
} from './pdf-fonts.ts'

export interface PdfOptions {
  /**
   * When the file was made, for its metadata. By default the letter's date ("29 October 2024") at midnight UTC, or
   * the Unix epoch when the date cannot be read: never the clock, so that the same letter gives the same bytes.
   */
  readonly createdAt?: Date
  /**
   * `'when-needed'` (the default): the standard Helvetica, which needs no font file, unless the letter has a character
   * outside WinAnsi; then the TrueType font is embedded. `'always'`: the TrueType font every time (PDF/UA asks for
   * every font to be embedded).
   */
  readonly embedFont?: 'when-needed' | 'always'
  /**
   * The TrueType files to embed. By default the first found of Liberation Sans and DejaVu Sans; null for none, when
   * characters the standard fonts cannot draw are shown as "?".
   */
  readonly fontFiles?: PdfFontFiles | null
}

// Points (1/72 inch). A4 with a letter's margins: 20 mm at the top, 25 mm at the sides and the foot (the footer sits
// in the bottom margin).
const MM = 72 / 25.4
const MARGINS = { top: 20 * MM, bottom: 25 * MM, left: 25 * MM, right: 25 * MM }
const FOOTER_FROM_BOTTOM = 14 * MM

const BODY_SIZE = 11
const LINE_GAP = 2.5
const PARAGRAPH_GAP = 7
const ITEM_GAP = 3
const LIST_INDENT = 16
const QUOTE_INDENT = 16
const QUOTE_BAR_WIDTH = 3.5
const HEADING_SIZE: Readonly<Record<1 | 2 | 3, number>> = { 1: 15, 2: 13, 3: 11.5 }

const TEXT_COLOUR = '#0b0c0c'
const LINK_COLOUR = '#1d70b8'
const BAR_COLOUR = '#b1b4b6'
const FOOTER_COLOUR = '#505a5f'

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/** "29 October 2024" as midnight UTC that day, or null when it is not a date written that way. */
const dateOfLetter = (printed: string): Date | null => {
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(printed.trim())
  if (match === null) return null
  const month = MONTHS.indexOf((match[2] ?? '').toLowerCase())
  const day = Number(match[1])
  const date = new Date(Date.UTC(Number(match[3]), month, day))
  return month < 0 || date.getUTCDate() !== day ? null : date
}

/** pdfkit writes a JavaScript string as a PDF name; a String object is written as a PDF (text) string. */
const pdfString = (value: string): string => new String(value) as unknown as string

/** Every string the letter prints, to choose the font. */
const printedStrings = (letter: LetterDocument): string[] => {
  const inlines = (content: readonly Inline[]) => content.map((inline) => inline.text)
  return [
    letter.title,
    letter.date,
    letter.referenceLine,
    letter.sender.name,
    letter.sender.teamName,
    ...letter.sender.addressLines,
    letter.sender.telephone ?? '',
    letter.sender.website ?? '',
    ...(letter.recipient === null ? [] : [letter.recipient.name, ...letter.recipient.addressLines]),
    ...letter.signOff,
    ...letter.blocks.flatMap((block) => {
      switch (block.kind) {
        case 'heading':
          return [block.text]
        case 'paragraph':
          return inlines(block.content)
        case 'list':
          return block.items.flatMap(inlines)
        case 'quote':
          return block.paragraphs.flatMap(inlines)
      }
    }),
  ].map(cleanText)
}

interface Fonts {
  readonly regular: string
  readonly bold: string
  /** The text with what the fonts cannot draw replaced visibly. */
  readonly printable: (value: string) => string
}

/** pdfkit's parsed TrueType font, to ask whether it has a glyph (not in pdfkit's public types). */
interface FontkitHolder {
  readonly _font?: { readonly font?: { readonly hasGlyphForCodePoint?: (codePoint: number) => boolean } }
}

const chooseFonts = (doc: PDFKit.PDFDocument, letter: LetterDocument, options: PdfOptions): Fonts => {
  const files = options.fontFiles === undefined ? findSystemFont() : options.fontFiles
  const wanted = options.embedFont === 'always' || !printedStrings(letter).every(allWinAnsi)
  if (!wanted || files === null) {
    return { regular: 'Helvetica', bold: 'Helvetica-Bold', printable: (value) => replaceUndrawable(value, isWinAnsi) }
  }
  doc.registerFont('Letter', readFontFile(files.regular))
  doc.registerFont('Letter-Bold', readFontFile(files.bold))
  const hasGlyph = (name: string): ((codePoint: number) => boolean) => {
    doc.font(name)
    const font = (doc as unknown as FontkitHolder)._font?.font
    return (codePoint) => font?.hasGlyphForCodePoint?.(codePoint) ?? true
  }
  const regularHas = hasGlyph('Letter')
  const boldHas = hasGlyph('Letter-Bold')
  const drawable = new Map<number, boolean>()
  const canDraw = (codePoint: number): boolean => {
    let known = drawable.get(codePoint)
    if (known === undefined) {
      known = codePoint === 0x0a || (regularHas(codePoint) && boldHas(codePoint))
      drawable.set(codePoint, known)
    }
    return known
  }
  return { regular: 'Letter', bold: 'Letter-Bold', printable: (value) => replaceUndrawable(value, canDraw) }
}

/** A stretch of the grey bar beside a quote, drawn once the pages are all laid out. */
interface Bar {
  readonly page: number
  readonly top: number
  readonly bottom: number
}

interface Layout {
  readonly doc: PDFKit.PDFDocument
  readonly fonts: Fonts
  readonly left: number
  readonly width: number
  readonly bars: Bar[]
}

const pageIndex = (doc: PDFKit.PDFDocument): number => {
  const range = doc.bufferedPageRange()
  return range.start + range.count - 1
}

const bottomOfPage = (doc: PDFKit.PDFDocument): number => doc.page.height - doc.page.margins.bottom

/** Starts a new page unless `height` more points fit on this one. */
const keepSpace = (doc: PDFKit.PDFDocument, height: number): void => {
  if (doc.y + height > bottomOfPage(doc)) doc.addPage()
}

const lineHeight = (doc: PDFKit.PDFDocument, font: string, size: number): number =>
  doc.font(font).fontSize(size).currentLineHeight(true) + LINE_GAP

/**
 * Gives the link annotations that `draw` makes a description (their Contents, which PDF/UA asks for; pdfkit leaves it
 * empty and has no option to set it from `text()`).
 */
const withLinkDescription = (doc: PDFKit.PDFDocument, description: string, draw: () => void): void => {
  const link = doc.link.bind(doc)
  doc.link = (x, y, w, h, url, option) => link(x, y, w, h, url, { ...option, Contents: pdfString(description) })
  try {
    draw()
  } finally {
    Reflect.deleteProperty(doc, 'link')
  }
}

/**
 * Sets a run of inlines as one flowing paragraph at `x`, `width` wide, from the current y, as children of `parent`:
 * text as its marked content, a link as a Link element holding its text and its annotation.
 */
const drawInlines = (
  layout: Layout,
  parent: PDFKit.PDFStructureElement,
  content: readonly Inline[],
  x: number,
  width: number,
): void => {
  const { doc, fonts } = layout
  const runs = content
    .map((inline) => ({ inline, text: fonts.printable(cleanText(inline.text)) }))
    .filter((run) => run.text.length > 0)
  runs.forEach(({ inline, text }, index) => {
    const options: PDFKit.Mixins.TextOptions = { width, lineGap: LINE_GAP, continued: index < runs.length - 1 }
    const draw = (extra: PDFKit.Mixins.TextOptions = {}): void => {
      if (index === 0) doc.text(text, x, doc.y, { ...options, ...extra })
      else doc.text(text, { ...options, ...extra })
    }
    const url = inline.kind === 'link' ? safeLinkUrl(inline.url) : null
    if (url === null) {
      parent.add(() => {
        doc
          .font(inline.kind === 'strong' ? fonts.bold : fonts.regular)
          .fontSize(BODY_SIZE)
          .fillColor(TEXT_COLOUR)
        draw()
      })
      return
    }
    const element = doc.struct('Link')
    parent.add(element)
    element.add(() => {
      doc.font(fonts.regular).fontSize(BODY_SIZE).fillColor(LINK_COLOUR)
      withLinkDescription(doc, `${cleanText(inline.text)} (${url})`, () => draw({ link: url, underline: true }))
    })
    element.end()
  })
}

const drawParagraph = (
  layout: Layout,
  parent: PDFKit.PDFStructureElement,
  content: readonly Inline[],
  x = layout.left,
  width = layout.width,
): void => {
  if (content.every((inline) => cleanText(inline.text).trim() === '')) return
  // A paragraph starts where its first line fits, or its marked content would begin empty at the foot of the page.
  keepSpace(layout.doc, lineHeight(layout.doc, layout.fonts.regular, BODY_SIZE))
  const paragraph = layout.doc.struct('P')
  parent.add(paragraph)
  drawInlines(layout, paragraph, content, x, width)
  paragraph.end()
}

/**
 * Lines of plain text in one font (an address): a paragraph each, so that a screen reader pauses between them (the
 * text of one paragraph set on several lines would be read as "Riverside House1 Example Street").
 */
const drawLines = (
  layout: Layout,
  parent: PDFKit.PDFStructureElement,
  lines: readonly string[],
  style: { readonly bold?: boolean; readonly size?: number; readonly align?: 'left' | 'right' } = {},
): void => {
  const { doc, fonts } = layout
  for (const line of lines) {
    const text = fonts.printable(cleanText(line)).replace(/\n/g, ' ')
    if (text.trim().length === 0) continue
    parent.add(
      doc.struct('P', {}, () => {
        doc
          .font(style.bold === true ? fonts.bold : fonts.regular)
          .fontSize(style.size ?? BODY_SIZE)
          .fillColor(TEXT_COLOUR)
          .text(text, layout.left, doc.y, { width: layout.width, lineGap: LINE_GAP, align: style.align ?? 'left' })
      }),
    )
  }
}

const drawHeading = (layout: Layout, parent: PDFKit.PDFStructureElement, level: 1 | 2 | 3, value: string): void => {
  const { doc, fonts } = layout
  const size = HEADING_SIZE[level]
  // A heading keeps with the two lines after it.
  keepSpace(doc, size * 0.6 + lineHeight(doc, fonts.bold, size) + 2 * lineHeight(doc, fonts.regular, BODY_SIZE))
  if (doc.y > doc.page.margins.top) doc.y += size * 0.6
  parent.add(
    doc.struct(`H${level}`, {}, () => {
      doc
        .font(fonts.bold)
        .fontSize(size)
        .fillColor(TEXT_COLOUR)
        .text(fonts.printable(cleanText(value)), layout.left, doc.y, { width: layout.width, lineGap: LINE_GAP })
    }),
  )
  doc.y += level === 3 ? 2 : 4
}

const drawList = (layout: Layout, parent: PDFKit.PDFStructureElement, items: readonly (readonly Inline[])[]): void => {
  const { doc, fonts } = layout
  const list = doc.struct('L')
  parent.add(list)
  items.forEach((item, index) => {
    keepSpace(doc, lineHeight(doc, fonts.regular, BODY_SIZE))
    const top = doc.y
    const entry = doc.struct('LI')
    list.add(entry)
    entry.add(
      doc.struct('Lbl', {}, () => {
        doc
          .font(fonts.regular)
          .fontSize(BODY_SIZE)
          .fillColor(TEXT_COLOUR)
          .text('•', layout.left + 4, top, { lineBreak: false })
      }),
    )
    doc.y = top
    const body = doc.struct('LBody')
    entry.add(body)
    drawInlines(layout, body, item, layout.left + LIST_INDENT, layout.width - LIST_INDENT)
    body.end()
    entry.end()
    if (index < items.length - 1) doc.y += ITEM_GAP
  })
  list.end()
}

const drawQuote = (
  layout: Layout,
  parent: PDFKit.PDFStructureElement,
  paragraphs: readonly (readonly Inline[])[],
): void => {
  const { doc, fonts } = layout
  keepSpace(doc, lineHeight(doc, fonts.regular, BODY_SIZE))
  const quote = doc.struct('BlockQuote')
  parent.add(quote)
  const start = { page: pageIndex(doc), y: doc.y }
  paragraphs.forEach((content, index) => {
    if (index > 0) doc.y += PARAGRAPH_GAP
    drawParagraph(layout, quote, content, layout.left + QUOTE_INDENT, layout.width - QUOTE_INDENT)
  })
  quote.end()
  const end = { page: pageIndex(doc), y: doc.y - LINE_GAP }
  for (let page = start.page; page <= end.page; page += 1) {
    layout.bars.push({
      page,
      top: page === start.page ? start.y - 1 : MARGINS.top,
      bottom: page === end.page ? end.y : doc.page.height - MARGINS.bottom,
    })
  }
}

const drawBlock = (layout: Layout, parent: PDFKit.PDFStructureElement, block: Block): void => {
  switch (block.kind) {
    case 'heading':
      drawHeading(layout, parent, block.level, block.text)
      return
    case 'paragraph':
      drawParagraph(layout, parent, block.content)
      layout.doc.y += PARAGRAPH_GAP
      return
    case 'list':
      drawList(layout, parent, block.items)
      layout.doc.y += PARAGRAPH_GAP
      return
    case 'quote':
      drawQuote(layout, parent, block.paragraphs)
      layout.doc.y += PARAGRAPH_GAP
      return
  }
}

const drawLetter = (layout: Layout, letter: LetterDocument): void => {
  const { doc, fonts } = layout
  const root = doc.struct('Document')
  doc.addStructure(root)

  const { sender, recipient } = letter
  drawLines(layout, root, [sender.name], { bold: true, size: 13, align: 'right' })
  doc.y += 2
  drawLines(
    layout,
    root,
    [
      sender.teamName,
      ...sender.addressLines,
      ...(sender.telephone === null ? [] : [`Telephone: ${sender.telephone}`]),
      ...(sender.website === null ? [] : [sender.website]),
    ],
    { size: 10, align: 'right' },
  )
  doc.y += 18
  if (recipient !== null) {
    drawLines(layout, root, [recipient.name, ...recipient.addressLines])
    doc.y += 18
  }
  drawLines(layout, root, [letter.date])
  doc.y += PARAGRAPH_GAP
  drawLines(layout, root, [letter.referenceLine], { bold: true })
  doc.y += 4
  drawHeading(layout, root, 1, letter.title)
  doc.y += PARAGRAPH_GAP

  for (const block of letter.blocks) drawBlock(layout, root, block)

  const [first, ...rest] = letter.signOff
  if (first !== undefined) {
    // The sign-off stays together on one page.
    keepSpace(doc, (rest.length + 1) * lineHeight(doc, fonts.regular, BODY_SIZE) + 30)
    doc.y += 6
    drawLines(layout, root, [first])
    doc.y += 24
    drawLines(layout, root, rest)
  }
  root.end()
}

/** The quote bars and "Page N of M" on every page: artifacts, outside the structure tree. */
const drawArtifacts = (layout: Layout): void => {
  const { doc, fonts } = layout
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index)
    for (const bar of layout.bars.filter((candidate) => candidate.page === index)) {
      doc.markContent('Artifact', { type: 'Layout' })
      doc.rect(layout.left, bar.top, QUOTE_BAR_WIDTH, Math.max(0, bar.bottom - bar.top)).fill(BAR_COLOUR)
      doc.endMarkedContent()
    }
    const footer = `Page ${index - range.start + 1} of ${range.count}`
    doc.font(fonts.regular).fontSize(9).fillColor(FOOTER_COLOUR)
    const x = layout.left + (layout.width - doc.widthOfString(footer)) / 2
    doc.markContent('Artifact', { type: 'Pagination' })
    doc.text(footer, x, doc.page.height - FOOTER_FROM_BOTTOM, { lineBreak: false })
    doc.endMarkedContent()
  }
}

/**
 * pdfkit writes the title, author and subject into the XMP metadata without escaping them, so "Smith & Jones"
 * makes the XMP malformed. The Info dictionary (which pdfkit escapes itself) is written before the XMP: escape the
 * values between the two.
 */
const escapeXmpValues = (doc: PDFKit.PDFDocument): void => {
  const internals = doc as unknown as { endMetadata: () => void; info: Record<string, unknown> }
  const endMetadata = internals.endMetadata.bind(doc)
  internals.endMetadata = () => {
    for (const [key, value] of Object.entries(internals.info)) {
      if (typeof value === 'string') internals.info[key] = escapeMarkup(value)
    }
    endMetadata()
  }
}

/** The letter as a tagged, accessible A4 PDF. */
export const renderLetterPdf = (letter: LetterDocument, options: PdfOptions = {}): Promise<Buffer> =>
  new Promise<Buffer>((resolve, reject) => {
    const createdAt = options.createdAt ?? dateOfLetter(letter.date) ?? new Date(0)
    const doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      pdfVersion: '1.7',
      tagged: true,
      lang: letter.language,
      displayTitle: true,
      bufferPages: true,
      info: {
        Title: cleanText(letter.title),
        Author: cleanText(letter.sender.name),
        Subject: cleanText(letter.referenceLine),
        Creator: 'Disclose',
        CreationDate: createdAt,
        ModDate: createdAt,
      },
    })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    try {
      escapeXmpValues(doc)
      const layout: Layout = {
        doc,
        fonts: chooseFonts(doc, letter, options),
        left: MARGINS.left,
        width: doc.page.width - MARGINS.left - MARGINS.right,
        bars: [],
      }
      drawLetter(layout, letter)
      drawArtifacts(layout)
      doc.end()
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)))
    }
  })
