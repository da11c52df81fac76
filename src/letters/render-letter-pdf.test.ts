import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraph, text, type LetterDocument } from '../domain/letters/letter-document.ts'
import {
  FIXTURE_AGAINST_FACTORS,
  FIXTURE_FOR_FACTORS,
  FIXTURE_HEADINGS,
  FIXTURE_URLS,
  WELSH_NAME,
  WELSH_PLACE,
  fixtureLetter,
  fixtureParagraphTexts,
  hostileLetter,
  welshLetter,
} from './letter-fixture.test-support.ts'
import { findSystemFont, SYSTEM_FONT_CANDIDATES } from './pdf-fonts.ts'
import { renderLetterPdf, type PdfOptions } from './render-letter-pdf.ts'
import { flowingText, runTool, scratchFolder, squash } from './system-tools.test-support.ts'

/** A node of the structure tree as `pdfinfo -struct-text` prints it. */
interface StructNode {
  readonly type: string
  readonly children: StructNode[]
  /** In order: the text marked as the element's content, "Object n 0" for an annotation it holds, its children. */
  readonly items: (string | StructNode)[]
}

/** Parses `pdfinfo -struct-text`: two spaces of indentation a level, an element a line, its text in quotes. */
const parseStructure = (printed: string): StructNode => {
  const root: StructNode = { type: '(root)', children: [], items: [] }
  const stack: { depth: number; node: StructNode }[] = [{ depth: -1, node: root }]
  for (const line of printed.split('\n')) {
    if (line.trim() === '') continue
    const depth = (line.length - line.trimStart().length) / 2
    while ((stack.at(-1)?.depth ?? -1) >= depth) stack.pop()
    const parent = stack.at(-1)?.node ?? root
    const trimmed = line.trim()
    if (trimmed.startsWith('"')) parent.items.push(trimmed.slice(1, -1))
    else if (/^Object \d+ \d+$/.test(trimmed)) parent.items.push(trimmed)
    else {
      const node: StructNode = { type: trimmed.split(' ')[0] ?? '', children: [], items: [] }
      parent.children.push(node)
      parent.items.push(node)
      stack.push({ depth, node })
    }
  }
  return root
}

const descendants = (node: StructNode): StructNode[] => node.children.flatMap((child) => [child, ...descendants(child)])
const textOf = (node: StructNode): string =>
  node.items.map((item) => (typeof item !== 'string' ? textOf(item) : item.startsWith('Object ') ? '' : item)).join('')
const holdsAnnotation = (node: StructNode): boolean =>
  node.items.some((item) => typeof item === 'string' && item.startsWith('Object '))

interface Inspected {
  readonly bytes: Buffer
  /** `pdftotext -layout`. */
  readonly layout: string
  /** The same, footers out and white space squashed. */
  readonly flowing: string
  readonly info: string
  readonly structure: StructNode
  /** `mutool show file grep`: every object on one line. */
  readonly objects: string
  readonly catalogue: string
  readonly fonts: string
}

const scratch = scratchFolder()
afterAll(() => scratch.remove())

let files = 0
const inspect = async (letter: LetterDocument, options: PdfOptions = {}): Promise<Inspected> => {
  const bytes = await renderLetterPdf(letter, options)
  files += 1
  const path = scratch.write(`letter-${files}.pdf`, bytes)
  const layout = runTool('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'])
  return {
    bytes,
    layout,
    flowing: flowingText(layout),
    info: runTool('pdfinfo', ['-rawdates', path]),
    structure: parseStructure(runTool('pdfinfo', ['-struct-text', path])),
    objects: runTool('mutool', ['show', path, 'grep']),
    catalogue: runTool('mutool', ['show', path, 'trailer/Root']),
    fonts: runTool('pdffonts', [path]),
  }
}

const infoField = (info: string, field: string): string | undefined =>
  new RegExp(`^${field}:\\s*(.*)$`, 'm').exec(info)?.[1]?.trim()

const uris = (objects: string): string[] => [...objects.matchAll(/\/URI\(([^)]*)\)/g)].map((match) => match[1] ?? '')

describe('renderLetterPdf', () => {
  const letter = fixtureLetter()
  let pdf: Inspected

  beforeAll(async () => {
    pdf = await inspect(letter)
  })

  it('prints the letterhead, the date, the reference, the title and the sign-off as text', () => {
    for (const expected of [
      letter.sender.name,
      letter.sender.teamName,
      ...letter.sender.addressLines,
      'Telephone: 01632 960000',
      'Sam Example',
      letter.date,
      letter.referenceLine,
      letter.title,
      ...letter.signOff,
    ]) {
      expect(pdf.flowing).toContain(expected)
    }
  })

  it('puts the letterhead at the top of page one, before the date and the reference', () => {
    const [firstLine] = pdf.layout.trimStart().split('\n')
    expect(firstLine?.trim()).toBe(letter.sender.name)
    expect(pdf.flowing.indexOf(letter.sender.name)).toBeLessThan(pdf.flowing.indexOf(letter.date))
    expect(pdf.flowing.indexOf(letter.date)).toBeLessThan(pdf.flowing.indexOf(letter.referenceLine))
  })

  it('prints every heading and every paragraph’s text, in order', () => {
    let from = 0
    for (const heading of FIXTURE_HEADINGS) {
      const at = pdf.flowing.indexOf(heading.text, from)
      expect(at, heading.text).toBeGreaterThanOrEqual(from)
      from = at
    }
    for (const paragraph of fixtureParagraphTexts(letter)) expect(pdf.flowing).toContain(squash(paragraph))
  })

  it('prints the public interest factors as bulleted items', () => {
    for (const factor of [...FIXTURE_FOR_FACTORS, ...FIXTURE_AGAINST_FACTORS]) {
      expect(pdf.flowing).toContain(`• ${factor}`)
    }
  })

  it('numbers the pages in the footer: "Page 1 of 2"', () => {
    expect(pdf.layout).toMatch(/^\s*Page 1 of 2\s*$/m)
    expect(pdf.layout).toMatch(/^\s*Page 2 of 2\s*$/m)
    expect(infoField(pdf.info, 'Pages')).toBe('2')
  })

  it('is A4, PDF 1.7, with the title shown and the sender as author', () => {
    expect(infoField(pdf.info, 'Page size')).toMatch(/^595\.2\d x 841\.8\d pts \(A4\)/)
    expect(infoField(pdf.info, 'PDF version')).toBe('1.7')
    expect(infoField(pdf.info, 'Title')).toBe(letter.title)
    expect(infoField(pdf.info, 'Author')).toBe(letter.sender.name)
    expect(pdf.catalogue).toMatch(/\/ViewerPreferences \d+ 0 R/)
    expect(pdf.objects).toMatch(/<<\/DisplayDocTitle true>>/)
  })

  it('is tagged: marked, with a structure tree and the language en-GB', () => {
    expect(infoField(pdf.info, 'Tagged')).toBe('yes')
    expect(pdf.catalogue).toContain('/Lang (en-GB)')
    expect(pdf.catalogue).toMatch(/\/StructTreeRoot \d+ 0 R/)
    const markInfo = /\/MarkInfo (\d+) 0 R/.exec(pdf.catalogue)?.[1]
    expect(pdf.objects).toContain(`${markInfo} 0 obj <</Marked true>>`)
    expect(pdf.bytes.toString('latin1')).toContain('/StructTreeRoot')
  })

  it('tags the title H1 and the sections and their parts H2 and H3, in order', () => {
    const [document] = pdf.structure.children
    expect(document?.type).toBe('Document')
    const headings = descendants(pdf.structure)
      .filter((node) => /^H\d$/.test(node.type))
      .map((node) => `${node.type} ${textOf(node)}`)
    expect(headings).toEqual([`H1 ${letter.title}`, ...FIXTURE_HEADINGS.map((h) => `H${h.level} ${h.text}`)])
  })

  it('tags each paragraph P, each list L > LI > Lbl + LBody, each quote BlockQuote > P', () => {
    const nodes = descendants(pdf.structure)
    const paragraphs = nodes.filter((node) => node.type === 'P').map((node) => squash(textOf(node)))
    const factors = [...FIXTURE_FOR_FACTORS, ...FIXTURE_AGAINST_FACTORS]
    for (const expected of fixtureParagraphTexts(letter).filter((p) => !factors.includes(p))) {
      expect(paragraphs).toContain(squash(expected))
    }
    const lists = nodes.filter((node) => node.type === 'L')
    expect(lists.map((list) => list.children.map((item) => item.children.map((child) => child.type)))).toEqual([
      [
        ['Lbl', 'LBody'],
        ['Lbl', 'LBody'],
      ],
      [
        ['Lbl', 'LBody'],
        ['Lbl', 'LBody'],
      ],
    ])
    expect(lists.map((list) => list.children.map((item) => squash(textOf(item.children[1] as StructNode))))).toEqual([
      FIXTURE_FOR_FACTORS,
      FIXTURE_AGAINST_FACTORS,
    ])
    const quotes = nodes.filter((node) => node.type === 'BlockQuote')
    expect(quotes.map((quote) => quote.children.map((child) => child.type))).toEqual([['P'], ['P', 'P']])
  })

  it('marks the page numbers as pagination artifacts, outside the structure', () => {
    expect(textOf(pdf.structure)).not.toContain('Page 1 of')
    expect(textOf(pdf.structure)).toContain(letter.signOff[0])
    // The content streams, decompressed: the text between each pagination artifact's BDC and its EMC.
    const path = scratch.write('decompressed.pdf', Buffer.alloc(0))
    runTool('mutool', ['clean', '-d', scratch.write('compressed.pdf', pdf.bytes), path])
    const streams = readFileSync(path, 'latin1')
    const artifacts = [...streams.matchAll(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC([\s\S]*?)EMC/g)].map((match) =>
      [...(match[1] ?? '').matchAll(/<([0-9a-f]+)>/g)]
        .map((hex) => Buffer.from(hex[1] ?? '', 'hex').toString('latin1'))
        .join(''),
    )
    expect(artifacts).toEqual(['Page 1 of 2', 'Page 2 of 2'])
  })

  it('makes each link a Link element holding its text and a URI link annotation with a description', () => {
    const links = descendants(pdf.structure).filter((node) => node.type === 'Link')
    expect(links.map((link) => textOf(link))).toEqual([
      'Statement on training AI with user data',
      'WX-311642-V7P8',
      'here',
      'review procedure',
      'foi@example.org.uk',
      'raise a complaint',
      'privacy notice',
    ])
    expect(links.every(holdsAnnotation)).toBe(true)
    expect(uris(pdf.objects)).toEqual([
      FIXTURE_URLS.statement,
      FIXTURE_URLS.disclosureLog,
      FIXTURE_URLS.staffPolicy,
      FIXTURE_URLS.review,
      FIXTURE_URLS.email,
      FIXTURE_URLS.complaint,
      FIXTURE_URLS.privacy,
    ])
    expect(pdf.objects).toContain(`/Contents(review procedure \\(${FIXTURE_URLS.review}\\))`)
    expect(pdf.objects).toMatch(/\/StructParent \d+\/Subtype\/Link/)
    // Pages with annotations give them in structure order, as PDF/UA asks.
    expect(pdf.objects).toMatch(/\/Annots\[[^\]]+\][^>]*\/Tabs\/S/)
  })

  it('sets a letter of WinAnsi text in the standard Helvetica, not embedded', () => {
    expect(pdf.fonts).toMatch(/^Helvetica\s+Type 1\s+WinAnsi\s+no/m)
    expect(pdf.fonts).toMatch(/^Helvetica-Bold\s+Type 1/m)
  })

  it('gives the same bytes for the same letter, and takes its dates from the letter', async () => {
    const again = await renderLetterPdf(letter)
    expect(again.equals(pdf.bytes)).toBe(true)
    expect(infoField(pdf.info, 'CreationDate')).toBe('D:20241029000000Z')
    expect(infoField(pdf.info, 'ModDate')).toBe('D:20241029000000Z')
  })

  it('takes its creation date from the options when given', async () => {
    const dated = await inspect(letter, { createdAt: new Date('2024-10-30T09:15:00Z') })
    expect(infoField(dated.info, 'CreationDate')).toBe('D:20241030091500Z')
  })
})

describe('renderLetterPdf with hostile text', () => {
  const letter = hostileLetter()
  let pdf: Inspected

  beforeAll(async () => {
    pdf = await inspect(letter)
  })

  it('prints a script in a paragraph as the text it is', () => {
    expect(pdf.flowing).toContain('Your request said: <script>alert(1)</script>')
  })

  it('prints javascript:, data: and relative links as text, with no annotation for them', () => {
    expect(pdf.flowing).toContain('Click this harmless link to continue.')
    expect(pdf.flowing).toContain('a data link')
    expect(pdf.flowing).toContain('a relative link')
    expect(uris(pdf.objects)).toHaveLength(7)
    expect(pdf.objects).not.toMatch(/javascript|data:text|\/staff\/cases/i)
    const links = descendants(pdf.structure).filter((node) => node.type === 'Link')
    expect(links.map(textOf)).not.toContain('this harmless link')
  })

  it('keeps markup and an ampersand in the title as they are, and the XMP metadata well formed', () => {
    expect(infoField(pdf.info, 'Title')).toBe(letter.title)
    const raw = pdf.bytes.toString('latin1')
    const xmp = raw.slice(raw.indexOf('<x:xmpmeta'), raw.indexOf('</x:xmpmeta>'))
    expect(xmp).toContain('Response &lt;b&gt;to&lt;/b&gt; &quot;your&quot; request &amp; more')
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/)
    expect(xmp).not.toContain('<b>')
  })
})

describe('renderLetterPdf with Welsh names', () => {
  it('finds a TrueType font to embed on this machine', () => {
    if (findSystemFont() === null) {
      throw new Error(
        `No TrueType font for letters with characters outside WinAnsi: install fonts-dejavu-core or fonts-liberation ` +
          `(looked for ${SYSTEM_FONT_CANDIDATES.map((font) => font.regular).join(', ')})`,
      )
    }
  })

  it('prints ŵ and ŷ as real text, in an embedded font', async () => {
    const pdf = await inspect(welshLetter())
    expect(pdf.layout).toContain(WELSH_NAME)
    expect(pdf.layout).toContain('2 Ffordd yr Ŵyn')
    expect(pdf.layout).toContain(WELSH_PLACE)
    expect(pdf.flowing).toContain(`Dear ${WELSH_NAME},`)
    expect(pdf.objects).toContain('/FontFile2')
    expect(pdf.fonts).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/)
    expect(descendants(pdf.structure).some((node) => textOf(node) === WELSH_NAME)).toBe(true)
  })

  it('shows a character no font can draw as "?", never as a wrong letter', async () => {
    const letter = { ...welshLetter(), blocks: [paragraph(text('Thank you 😀 for writing.'))] }
    const pdf = await inspect(letter)
    expect(pdf.flowing).toContain('Thank you ? for writing.')
    expect(pdf.layout).toContain(WELSH_NAME)
  })

  it('without a font file, shows what Helvetica cannot draw as "?" and keeps the rest', async () => {
    const pdf = await inspect(welshLetter(), { fontFiles: null })
    expect(pdf.layout).toContain('Gwenllïan ?yn-Pr?s')
    expect(pdf.objects).not.toContain('/FontFile2')
  })

  it('embeds the font for every letter when asked to', async () => {
    const pdf = await inspect(fixtureLetter(), { embedFont: 'always' })
    expect(pdf.objects).toContain('/FontFile2')
    expect(pdf.flowing).toContain(squash(FIXTURE_AGAINST_FACTORS[0] ?? ''))
  })
})
