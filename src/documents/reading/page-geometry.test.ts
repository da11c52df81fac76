import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PAGE_SEPARATOR, type Box, type ReadPage, type Word } from './document-reading.ts'
import { boxesForSpan, locateSpan, pageOfOffset, quadsForSpan } from './page-geometry.ts'

const word = (text: string, start: number, x: number, y: number, width: number, height = 10): Word => ({
  text,
  start,
  end: start + text.length,
  box: { x, y, width, height },
})

// "Email:jo@example.org and more\nsecond line here"
const TEXT = 'Email:jo@example.org and more\nsecond line here'
const page: ReadPage = {
  number: 1,
  width: 595,
  height: 842,
  rotation: 0,
  text: TEXT,
  offset: 0,
  ocr: false,
  words: [
    word('Email:jo@example.org', 0, 10, 100, 100),
    word('and', 21, 115, 100, 15),
    word('more', 25, 135, 100, 20),
    word('second', 30, 10, 112, 30),
    word('line', 37, 45, 112, 20),
    word('here', 42, 70, 112, 20),
  ],
}

const rounded = (boxes: readonly Box[]) =>
  boxes.map((box) => ({
    x: Math.round(box.x * 100) / 100,
    y: Math.round(box.y * 100) / 100,
    width: Math.round(box.width * 100) / 100,
    height: Math.round(box.height * 100) / 100,
  }))

describe('the boxes over a span of a page’s text', () => {
  it.each([
    {
      what: 'an email glued to its label covers only its share of the word',
      span: 'jo@example.org',
      boxes: [{ x: 40, y: 100, width: 70, height: 10 }],
    },
    { what: 'the label alone', span: 'Email:', boxes: [{ x: 10, y: 100, width: 30, height: 10 }] },
    {
      what: 'two whole words on one line make one box, the space between covered',
      span: 'and more',
      boxes: [{ x: 115, y: 100, width: 40, height: 10 }],
    },
    {
      what: 'a span across a line break gives one box a line',
      span: 'more\nsecond',
      boxes: [
        { x: 135, y: 100, width: 20, height: 10 },
        { x: 10, y: 112, width: 30, height: 10 },
      ],
    },
    {
      what: 'a span starting and ending inside words',
      span: 'ond line he',
      boxes: [{ x: 25, y: 112, width: 55, height: 10 }],
    },
    { what: 'a span inside one word', span: '@ex', boxes: [{ x: 50, y: 100, width: 15, height: 10 }] },
  ])('$what', ({ span, boxes }) => {
    const start = TEXT.indexOf(span)
    expect(start).toBeGreaterThanOrEqual(0)
    expect(rounded(boxesForSpan(page, start, start + span.length))).toEqual(boxes)
  })

  it.each([
    { what: 'whitespace alone', start: 20, end: 21 },
    { what: 'an empty span', start: 5, end: 5 },
    { what: 'a reversed span', start: 10, end: 4 },
    { what: 'a span past the end of the text', start: 100, end: 120 },
  ])('has no box for $what', ({ start, end }) => {
    expect(boxesForSpan(page, start, end)).toEqual([])
  })

  it('cuts a rotated word along its own direction, not the page’s', () => {
    // A word running down the page (a /Rotate 90 page): upper corners on the right, text from top to bottom.
    const rotated: ReadPage = {
      ...page,
      text: 'abcdefghij',
      words: [
        {
          text: 'abcdefghij',
          start: 0,
          end: 10,
          box: { x: 500, y: 100, width: 20, height: 100 },
          quad: [520, 100, 520, 200, 500, 100, 500, 200],
        },
      ],
    }
    expect(rounded(boxesForSpan(rotated, 2, 6))).toEqual([{ x: 500, y: 120, width: 20, height: 40 }])
    expect(quadsForSpan(rotated, 2, 6)).toEqual([[520, 120, 520, 160, 500, 120, 500, 160]])
  })

  it('gives quads that are the boxes’ corners for upright text', () => {
    const start = TEXT.indexOf('and more')
    expect(quadsForSpan(page, start, start + 8)).toEqual([[115, 100, 155, 100, 115, 110, 155, 110]])
  })

  it('never reaches outside the words of the lines it crosses, whatever the span', () => {
    fc.assert(
      fc.property(fc.nat(TEXT.length), fc.nat(TEXT.length), (a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a]
        const boxes = boxesForSpan(page, start, end)
        expect(boxes.length).toBeLessThanOrEqual(TEXT.slice(start, end).split('\n').length)
        for (const box of boxes) {
          expect(box.x).toBeGreaterThanOrEqual(10 - 1e-9)
          expect(box.x + box.width).toBeLessThanOrEqual(155 + 1e-9)
          expect([100, 112]).toContain(box.y)
          expect(box.width).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })
})

describe('the page that holds a place in the document’s text', () => {
  // "abc" + separator + "" + separator + "defg": offsets 0, 6 and 9.
  const pages = ['abc', '', 'defg'].reduce<ReadPage[]>((placed, text, index) => {
    const previous = placed[index - 1]
    const offset = previous === undefined ? 0 : previous.offset + previous.text.length + PAGE_SEPARATOR.length
    return [...placed, { ...page, number: index + 1, text, offset, words: [] }]
  }, [])
  const reading = { pages }

  it.each([
    { offset: 0, page: 1 },
    { offset: 2, page: 1 },
    { offset: 3, page: 1 },
    { offset: 4, page: undefined },
    { offset: 6, page: 2 },
    { offset: 9, page: 3 },
    { offset: 13, page: 3 },
    { offset: 14, page: undefined },
    { offset: -1, page: undefined },
  ])('offset $offset is on page $page', ({ offset, page: expected }) => {
    expect(pageOfOffset(reading, offset)?.number).toBe(expected)
  })

  it('has no page in a document without pages', () => {
    expect(pageOfOffset({ pages: [] }, 0)).toBeUndefined()
  })
})

describe('a span of the document’s text located on its pages', () => {
  const second: ReadPage = { ...page, number: 2, offset: TEXT.length + PAGE_SEPARATOR.length }
  const reading = { pages: [page, second] }

  it('finds a span on the second page, with its boxes in that page’s space', () => {
    const start = second.offset + TEXT.indexOf('jo@example.org')
    expect(locateSpan(reading, start, start + 14)).toEqual([
      { page: 2, boxes: [{ x: 40, y: 100, width: 70, height: 10 }] },
    ])
  })

  it('splits a span that runs over a page break', () => {
    const start = TEXT.indexOf('here')
    const end = second.offset + 5
    expect(locateSpan(reading, start, end).map((location) => location.page)).toEqual([1, 2])
  })
})
