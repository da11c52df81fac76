import { load, type CheerioAPI } from 'cheerio'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LetterDocument } from '../domain/letters/letter-document.ts'
import {
  FIXTURE_AGAINST_FACTORS,
  FIXTURE_FOR_FACTORS,
  FIXTURE_HEADINGS,
  FIXTURE_URLS,
  WELSH_NAME,
  fixtureLetter,
  fixtureParagraphTexts,
  hostileLetter,
  welshLetter,
} from './letter-fixture.test-support.ts'
import { readZip, zipText } from './read-zip.test-support.ts'
import { renderLetterDocx } from './render-letter-docx.ts'

interface WordParagraph {
  readonly style: string | undefined
  readonly numberingId: string | undefined
  readonly text: string
}

interface Opened {
  readonly files: Map<string, Buffer>
  readonly document: CheerioAPI
  readonly paragraphs: readonly WordParagraph[]
  /** Relationship id → target, for the hyperlinks. */
  readonly hyperlinkTargets: ReadonlyMap<string, string>
  readonly xml: (name: string) => CheerioAPI
}

const open = async (letter: LetterDocument): Promise<Opened> => {
  const bytes = await renderLetterDocx(letter)
  const files = readZip(bytes)
  const xml = (name: string) => load(zipText(files, name), { xml: true })
  const document = xml('word/document.xml')
  const paragraphs = document('w\\:body > w\\:p')
    .toArray()
    .map((element) => {
      const paragraph = document(element)
      return {
        style: paragraph.find('w\\:pPr > w\\:pStyle').attr('w:val'),
        numberingId: paragraph.find('w\\:pPr > w\\:numPr > w\\:numId').attr('w:val'),
        text: paragraph.find('w\\:t').text(),
      }
    })
  const relationships = xml('word/_rels/document.xml.rels')
  const hyperlinkTargets = new Map(
    relationships('Relationship')
      .toArray()
      .filter((element) => relationships(element).attr('Type')?.endsWith('/hyperlink') === true)
      .map((element) => {
        expect(relationships(element).attr('TargetMode')).toBe('External')
        return [relationships(element).attr('Id') ?? '', relationships(element).attr('Target') ?? ''] as const
      }),
  )
  return { files, document, paragraphs, hyperlinkTargets, xml }
}

const hyperlinks = (opened: Opened): { text: string; url: string | undefined }[] =>
  opened
    .document('w\\:hyperlink')
    .toArray()
    .map((element) => ({
      text: opened.document(element).find('w\\:t').text(),
      url: opened.hyperlinkTargets.get(opened.document(element).attr('r:id') ?? ''),
    }))

describe('renderLetterDocx', () => {
  const letter = fixtureLetter()
  let docx: Opened

  beforeAll(async () => {
    docx = await open(letter)
  })

  it('is a Word document: a zip with the content types, the document and its relationships', () => {
    for (const name of ['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']) {
      expect(docx.files.has(name), name).toBe(true)
    }
  })

  it('gives the title Heading 1 and the sections and their parts Heading 2 and 3, in order', () => {
    const headings = docx.paragraphs
      .filter((paragraph) => paragraph.style?.startsWith('Heading') === true)
      .map((paragraph) => `${paragraph.style} ${paragraph.text}`)
    expect(headings).toEqual([
      `Heading1 ${letter.title}`,
      ...FIXTURE_HEADINGS.map((heading) => `Heading${heading.level} ${heading.text}`),
    ])
    const styles = docx.xml('word/styles.xml')
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styles(`w\\:style[w\\:styleId="${id}"] > w\\:name`).attr('w:val')).toBe(`Heading ${id.slice(-1)}`)
    }
  })

  it('prints the letterhead, recipient, date, reference, every paragraph and the sign-off', () => {
    const texts = docx.paragraphs.map((paragraph) => paragraph.text)
    for (const expected of [
      letter.sender.name,
      letter.sender.teamName,
      ...letter.sender.addressLines,
      'Telephone: 01632 960000',
      'Sam Example',
      letter.date,
      letter.referenceLine,
      ...fixtureParagraphTexts(letter),
      ...letter.signOff,
    ]) {
      expect(texts).toContain(expected)
    }
  })

  it('makes the public interest factors items of a Word bullet list', () => {
    const items = docx.paragraphs.filter((paragraph) => paragraph.numberingId !== undefined)
    expect(items.map((item) => item.text)).toEqual([...FIXTURE_FOR_FACTORS, ...FIXTURE_AGAINST_FACTORS])
    const numbering = docx.xml('word/numbering.xml')
    const abstractId = numbering(`w\\:num[w\\:numId="${items[0]?.numberingId}"] > w\\:abstractNumId`).attr('w:val')
    const level = numbering(`w\\:abstractNum[w\\:abstractNumId="${abstractId}"] > w\\:lvl[w\\:ilvl="0"]`)
    expect(level.find('w\\:numFmt').attr('w:val')).toBe('bullet')
    expect(level.find('w\\:lvlText').attr('w:val')).toBe('•')
  })

  it('makes every link a Word hyperlink to its address', () => {
    expect(hyperlinks(docx)).toEqual([
      { text: 'Statement on training AI with user data', url: FIXTURE_URLS.statement },
      { text: 'WX-311642-V7P8', url: FIXTURE_URLS.disclosureLog },
      { text: 'here', url: FIXTURE_URLS.staffPolicy },
      { text: 'review procedure', url: FIXTURE_URLS.review },
      { text: 'foi@example.org.uk', url: FIXTURE_URLS.email },
      { text: 'raise a complaint', url: FIXTURE_URLS.complaint },
      { text: 'privacy notice', url: FIXTURE_URLS.privacy },
    ])
    expect(docx.document('w\\:hyperlink w\\:rStyle').attr('w:val')).toBe('Hyperlink')
  })

  it('sets the quoted request and statute in the indented Quote style', () => {
    const quoted = docx.paragraphs.filter((paragraph) => paragraph.style === 'Quote').map((p) => p.text)
    expect(quoted).toHaveLength(3)
    expect(quoted[0]).toContain('five technology companies')
    const styles = docx.xml('word/styles.xml')
    expect(Number(styles('w\\:style[w\\:styleId="Quote"] w\\:ind').attr('w:left'))).toBeGreaterThan(0)
  })

  it('numbers the pages in the footer with Word fields: "Page N of M"', () => {
    const footer = docx.xml('word/footer1.xml')
    expect(
      footer('w\\:instrText')
        .toArray()
        .map((element) => footer(element).text().trim()),
    ).toEqual(['PAGE', 'NUMPAGES'])
    expect(footer('w\\:t').text()).toBe('Page  of ')
  })

  it('is A4, with the title and author in its properties and British English as its language', () => {
    const section = docx.document('w\\:sectPr > w\\:pgSz')
    expect([section.attr('w:w'), section.attr('w:h')]).toEqual(['11906', '16838'])
    const core = docx.xml('docProps/core.xml')
    expect(core('dc\\:title').text()).toBe(letter.title)
    expect(core('dc\\:creator').text()).toBe(letter.sender.name)
    const styles = docx.xml('word/styles.xml')
    expect(styles('w\\:docDefaults w\\:rPrDefault w\\:lang').attr('w:val')).toBe('en-GB')
  })
})

describe('renderLetterDocx with hostile text', () => {
  const letter = hostileLetter()
  let docx: Opened

  beforeAll(async () => {
    docx = await open(letter)
  })

  it('keeps a script in a paragraph as text', () => {
    expect(docx.paragraphs.map((paragraph) => paragraph.text)).toContain('Your request said: <script>alert(1)</script>')
    expect(zipText(docx.files, 'word/document.xml')).toContain('&lt;script&gt;')
  })

  it('prints javascript:, data: and relative links as text, not hyperlinks', () => {
    const texts = docx.paragraphs.map((paragraph) => paragraph.text)
    expect(texts).toContain('Click this harmless link to continue.')
    expect(texts).toContain('a data link')
    expect(hyperlinks(docx)).toHaveLength(7)
    expect(zipText(docx.files, 'word/_rels/document.xml.rels')).not.toMatch(/javascript|data:|\/staff\/cases/i)
  })

  it('keeps markup and an ampersand in the title as they are', () => {
    expect(docx.xml('docProps/core.xml')('dc\\:title').text()).toBe(letter.title)
    expect(docx.paragraphs.find((paragraph) => paragraph.style === 'Heading1')?.text).toBe(letter.title)
  })
})

describe('renderLetterDocx with Welsh names', () => {
  it('keeps ŵ and ŷ', async () => {
    const docx = await open(welshLetter())
    expect(docx.paragraphs.map((paragraph) => paragraph.text)).toContain(WELSH_NAME)
  })
})
