import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PII_TYPES } from './finding.ts'
import { findPersonalData } from './find-personal-data.ts'
import { readLabelledSet, scoreLabelledSet, TARGETS } from './labelled-set.ts'

const items = readLabelledSet(
  JSON.parse(readFileSync(new URL('../../../test/fixtures/pii/labelled.json', import.meta.url), 'utf8')) as unknown,
)

describe('the labelled set of synthetic UK examples', () => {
  it('holds at least 300 examples, with positives for every type and negatives', () => {
    expect(items.length).toBeGreaterThanOrEqual(300)
    const types = new Set(items.flatMap((item) => item.expected.map((expected) => expected.type)))
    expect([...types].sort()).toEqual([...PII_TYPES].sort())
    expect(items.filter((item) => item.expected.length === 0).length).toBeGreaterThanOrEqual(50)
  })

  it('labels only text that is in the example', () => {
    for (const item of items) for (const expected of item.expected) expect(item.text).toContain(expected.text)
  })

  const score = scoreLabelledSet(items, (item) =>
    findPersonalData(item.text, item.gazetteer === undefined ? {} : { gazetteer: item.gazetteer }),
  )

  it.each(score.types.map((type) => [type.type, type] as const))('meets issue 5’s target for %s', (type, result) => {
    const target = TARGETS[type]
    expect(result.recall).toBeGreaterThanOrEqual(target.recall)
    if (target.precision !== undefined) expect(result.precision).toBeGreaterThanOrEqual(target.precision)
  })
})

describe('scoreLabelledSet', () => {
  it('matches on type and trimmed text, each expected finding once', () => {
    const score = scoreLabelledSet(
      [
        {
          text: 'a b a',
          expected: [
            { type: 'email', text: 'a ' },
            { type: 'phone', text: 'b' },
          ],
        },
      ],
      () => [
        { type: 'email', start: 0, end: 1, text: 'a', score: 1, reason: '' },
        { type: 'email', start: 4, end: 5, text: 'a', score: 1, reason: '' },
        { type: 'postcode', start: 2, end: 3, text: 'b', score: 1, reason: '' },
      ],
    )
    const byType = Object.fromEntries(score.types.map((type) => [type.type, type]))
    expect(byType['email']).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5 })
    expect(byType['phone']).toMatchObject({ truePositives: 0, falseNegatives: 1, recall: 0, met: false })
    expect(byType['postcode']).toMatchObject({ falsePositives: 1, precision: 0 })
    expect(byType['iban']).toMatchObject({ precision: 1, recall: 1, met: true })
  })

  it('refuses a labelled set of the wrong shape', () => {
    expect(() => readLabelledSet({})).toThrow('not an array')
    expect(() => readLabelledSet([{ text: 'x', expected: [{ type: 'shoe-size', text: '9' }] }])).toThrow('unknown type')
  })
})
