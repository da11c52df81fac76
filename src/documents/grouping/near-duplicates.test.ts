import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  candidateProbability,
  chooseBanding,
  estimateSimilarity,
  FINGERPRINT_BYTES,
  fingerprint,
  fingerprintFromBytes,
  fingerprintToBytes,
  groupNearDuplicates,
  normaliseText,
  SHINGLE_WORDS,
} from './near-duplicates.ts'

const LETTER = `Dear Ms Okafor,

Freedom of Information Act 2000: request IC-335210-T7S5

Thank you for your request for information, which we received on 14 March 2024. You asked for copies of all
correspondence between the council and its contractors about the highways maintenance contract for the financial
years 2021 to 2023, including emails, letters, meeting minutes and any reports on spending.

We hold the information you asked for. Most of it is enclosed with this letter, in the order in which it was
created. We have removed the names and contact details of junior officers and of the contractors' staff, because
that is their personal data and its disclosure would not be fair to them: section 40(2) of the Act applies. Senior
officers who made decisions about the contract are named.

Some of the reports contain the prices that the contractor charges for individual items of work. We have withheld
those prices under section 43(2), because their disclosure would be likely to prejudice the contractor's commercial
interests while the contract is being retendered. We considered the public interest in knowing how public money is
spent, which is strong, and the total spent each year is disclosed. We concluded that the public interest in
withholding the unit prices is greater until the new contract is awarded next year.

The meeting minutes for the period from April to June 2022 were not taken, because the meetings were cancelled
during the resurfacing works. We therefore do not hold them.

If you are unhappy with the way your request has been handled, you may ask for an internal review. Please write to
the Information Governance Team within forty working days of the date of this letter. If you remain dissatisfied
after the review, you may complain to the Information Commissioner's Office, whose address is on its website.

Yours sincerely,

Information Governance Team
Leeds City Council`

const UNRELATED = `The planning committee met on Tuesday evening to consider three applications for new housing on
the edge of the town. Residents spoke against the largest scheme, citing traffic on the school road and the loss of
playing fields. The officers recommended approval subject to a new junction and a contribution towards the primary
school. After a long debate the committee deferred its decision until a site visit could take place next month,
and asked the applicant to provide a revised transport assessment before then.`

const items = (texts: Record<string, string>) =>
  Object.entries(texts).map(([id, text]) => ({ id, fingerprint: fingerprint(text) }))

const words = (text: string): number => normaliseText(text).split(' ').length

describe('fingerprint and estimateSimilarity', () => {
  it('finds identical texts exactly alike', () => {
    expect(estimateSimilarity(fingerprint(LETTER), fingerprint(LETTER))).toBe(1)
  })

  it('ignores differences of case, spacing, line breaks and punctuation', () => {
    const reformatted = LETTER.toUpperCase().replace(/\n/g, '  \n\n ').replace(/[,.:]/g, ' ; ')
    expect(normaliseText(reformatted)).toBe(normaliseText(LETTER))
    expect(estimateSimilarity(fingerprint(reformatted), fingerprint(LETTER))).toBe(1)
    expect(estimateSimilarity(fingerprint('Yes, please!'), fingerprint('yes   PLEASE'))).toBe(1)
  })

  it('folds ligatures and typographic apostrophes as a PDF gives them', () => {
    expect(normaliseText('The ﬁnal council’s ﬁle')).toBe('the final councils file')
  })

  it('keeps digits, so the same words with other numbers are other shingles', () => {
    expect(normaliseText('Section 40(2) of the Act, 14/03/2024')).toBe('section 40 2 of the act 14 03 2024')
    expect(estimateSimilarity(fingerprint('Invoice 1001 paid'), fingerprint('Invoice 1002 paid'))).toBe(0)
  })

  it('finds a letter alike to the same letter with one date and one word changed', () => {
    expect(words(LETTER)).toBeGreaterThan(290)
    const redated = LETTER.replace('14 March 2024', '21 March 2024').replace('strong', 'compelling')
    expect(redated).not.toBe(LETTER)
    expect(estimateSimilarity(fingerprint(LETTER), fingerprint(redated))).toBeGreaterThan(0.8)
  })

  it('finds unrelated texts unlike', () => {
    expect(estimateSimilarity(fingerprint(LETTER), fingerprint(UNRELATED))).toBeLessThan(0.1)
  })

  it('treats a short text (under five words) as one shingle', () => {
    expect(fingerprint('Yes, please.').shingleCount).toBe(1)
    expect(fingerprint('one two three four five six').shingleCount).toBe(2)
    expect(estimateSimilarity(fingerprint('Yes please'), fingerprint('Yes please do'))).toBe(0)
  })

  it('counts distinct shingles only', () => {
    const repeated = Array.from({ length: 20 }, () => 'a b c').join(' ')
    expect(fingerprint(repeated).shingleCount).toBe(3)
  })

  it('makes a fingerprint of an empty text that matches nothing, not even another empty text', () => {
    for (const empty of ['', '   \n\t', '… — !!!']) {
      expect(fingerprint(empty).shingleCount).toBe(0)
      expect(estimateSimilarity(fingerprint(empty), fingerprint(''))).toBe(0)
      expect(estimateSimilarity(fingerprint(empty), fingerprint(LETTER))).toBe(0)
    }
  })

  // 128 permutations give a standard error of √(J(1 − J) / 128), at most 0.044 (at J = 0.5): ±0.15 is 3.4 standard
  // errors, which one sample in about 1,500 exceeds. The seed is fixed so that the test is the same on every run.
  it('estimates the exact Jaccard similarity of the shingle sets within ±0.15', () => {
    const vocabulary = ['request', 'council', 'data', 'the', 'of', 'section', '40', 'review']
    const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 120 })
    const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...vocabulary)), { maxLength: 40 })
    const shingleSet = (list: readonly string[]): Set<string> => {
      if (list.length < SHINGLE_WORDS) return new Set([list.join(' ')])
      return new Set(list.slice(0, list.length - SHINGLE_WORDS + 1).map((_, at) => list.slice(at, at + 5).join(' ')))
    }
    fc.assert(
      fc.property(text, edits, (first, changes) => {
        const second = [...first]
        for (const [at, word] of changes) second[at % second.length] = word
        const a = shingleSet(first)
        const b = shingleSet(second)
        const shared = [...a].filter((shingle) => b.has(shingle)).length
        const exact = shared / (a.size + b.size - shared)
        const estimate = estimateSimilarity(fingerprint(first.join(' ')), fingerprint(second.join(' ')))
        expect(Math.abs(estimate - exact)).toBeLessThanOrEqual(0.15)
      }),
      { seed: 20250501, numRuns: 300 },
    )
  })
})

describe('fingerprintToBytes and fingerprintFromBytes', () => {
  it('store a fingerprint and read it back to compare it as before', () => {
    const stored = fingerprintToBytes(fingerprint(LETTER))
    expect(stored).toHaveLength(FINGERPRINT_BYTES)
    const read = fingerprintFromBytes(stored)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.value).toEqual(fingerprint(LETTER))
    expect(estimateSimilarity(read.value, fingerprint(LETTER))).toBe(1)
  })

  it('read a fingerprint from a slice of a larger buffer, as a database driver may give it', () => {
    const stored = fingerprintToBytes(fingerprint(LETTER))
    const buffer = new Uint8Array(stored.length + 3)
    buffer.set(stored, 3)
    const read = fingerprintFromBytes(buffer.subarray(3))
    expect(read.ok && estimateSimilarity(read.value, fingerprint(LETTER))).toBe(1)
  })

  it('store an empty text’s fingerprint, which still matches nothing', () => {
    const read = fingerprintFromBytes(fingerprintToBytes(fingerprint('')))
    expect(read.ok && read.value.shingleCount).toBe(0)
  })

  it('refuse bytes that are not a whole fingerprint, or were made by another format', () => {
    const stored = fingerprintToBytes(fingerprint(LETTER))
    expect(fingerprintFromBytes(stored.subarray(1))).toEqual({ ok: false, error: 'wrong-length' })
    const other = stored.slice()
    other[0] = 2
    expect(fingerprintFromBytes(other)).toEqual({ ok: false, error: 'other-format' })
  })

  // Stored fingerprints are compared with new ones: a change to normalisation, shingles, hash or permutations must
  // come with a new FINGERPRINT_FORMAT. This pins the current format's values for one text.
  it('make the same bytes as stored by this format', () => {
    const stored = fingerprintToBytes(fingerprint('Thank you for your request for information.'))
    expect(Buffer.from(stored.subarray(0, 24)).toString('hex')).toBe(PINNED_START)
  })
})

const PINNED_START = '010580000300000023ba8b50feb5a0a3648faa0b82089826'

describe('chooseBanding', () => {
  it('uses 21 bands of 6 rows at the default threshold of 0.8', () => {
    const banding = chooseBanding(0.8)
    expect(banding).toEqual({ bands: 21, rows: 6 })
    expect(candidateProbability(0.8, banding)).toBeGreaterThan(0.99)
    expect(candidateProbability(0.3, banding)).toBeLessThan(0.02)
    expect(candidateProbability(0.1, banding)).toBeLessThan(0.0001)
  })

  it.each([0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1])(
    'compares a pair exactly at the threshold %s with probability at least 0.99',
    (threshold) => {
      const banding = chooseBanding(threshold)
      expect(banding.bands * banding.rows).toBeLessThanOrEqual(128)
      expect(candidateProbability(threshold, banding)).toBeGreaterThanOrEqual(0.99)
    },
  )
})

describe('groupNearDuplicates', () => {
  const redated = LETTER.replace('14 March 2024', '21 March 2024').replace('strong', 'compelling')

  it('groups a letter with its redated copy, the longer as representative, and leaves the rest out', () => {
    const longer = `${LETTER}\n\nEnclosures: 14`
    const groups = groupNearDuplicates(items({ letter: LETTER, redated, unrelated: UNRELATED, longer }))
    expect(groups).toHaveLength(1)
    const [group] = groups
    expect(group?.representativeId).toBe('longer')
    expect(group?.members.map((member) => member.id).sort()).toEqual(['letter', 'longer', 'redated'])
    expect(group?.members[0]).toEqual({ id: 'longer', similarity: 1 })
    for (const member of group?.members ?? []) expect(member.similarity).toBeGreaterThan(0.8)
  })

  it('groups identical texts with similarity 1, the representative being the smallest id', () => {
    expect(groupNearDuplicates(items({ b: LETTER, a: LETTER, c: LETTER }))).toEqual([
      {
        representativeId: 'a',
        members: [
          { id: 'a', similarity: 1 },
          { id: 'b', similarity: 1 },
          { id: 'c', similarity: 1 },
        ],
      },
    ])
  })

  it('does not group unrelated texts', () => {
    expect(groupNearDuplicates(items({ letter: LETTER, unrelated: UNRELATED }))).toEqual([])
  })

  // Near-duplicates, not containment: an excerpt shares only its own shingles with the whole, so its Jaccard
  // similarity is about its share of the whole. Finding documents quoted inside others is another question.
  it('does not group a letter with a short excerpt of it', () => {
    const excerpt = LETTER.slice(LETTER.indexOf('Some of the reports'), LETTER.indexOf('The meeting minutes'))
    expect(words(excerpt)).toBeGreaterThan(60)
    const similarity = estimateSimilarity(fingerprint(LETTER), fingerprint(excerpt))
    expect(similarity).toBeGreaterThan(0.1)
    expect(similarity).toBeLessThan(0.4)
    expect(groupNearDuplicates(items({ letter: LETTER, excerpt }))).toEqual([])
  })

  it('ignores formatting when grouping', () => {
    const groups = groupNearDuplicates(items({ letter: LETTER, shouting: LETTER.toUpperCase().replace(/\s+/g, ' ') }))
    expect(groups[0]?.members).toEqual([
      { id: 'letter', similarity: 1 },
      { id: 'shouting', similarity: 1 },
    ])
  })

  it('never groups empty texts, with each other or with anything', () => {
    expect(groupNearDuplicates(items({ a: '', b: '', c: ' ... ', d: LETTER }))).toEqual([])
  })

  it('groups pairs at a lower threshold that the default does not', () => {
    // A word added after every twentieth: 15 additions, each breaking 4 of the letter's shingles and making 5 new.
    const reworded = LETTER.split(' ')
      .map((word, index) => (index % 20 === 19 ? `${word} indeed` : word))
      .join(' ')
    const similarity = estimateSimilarity(fingerprint(LETTER), fingerprint(reworded))
    expect(similarity).toBeGreaterThan(0.5)
    expect(similarity).toBeLessThan(0.8)
    expect(groupNearDuplicates(items({ letter: LETTER, reworded }))).toEqual([])
    expect(groupNearDuplicates(items({ letter: LETTER, reworded }), { threshold: 0.5 })).toHaveLength(1)
  })

  it('joins groups through a chain of near-duplicates, showing each member’s similarity to the representative', () => {
    const drafts = [LETTER]
    const replacements: [string, string][] = [
      ['copies of all', 'copies of every'],
      ['We hold the', 'The council holds the'],
      ['Some of the reports', 'Several reports'],
      ['not taken', 'not recorded'],
      ['Please write', 'Please email'],
      ['is strong', 'is powerful'],
      ['individual items', 'single items'],
      ['If you are unhappy', 'Should you be unhappy'],
      ['whose address', 'the address of which'],
      ['next year', 'in the next year'],
    ]
    for (const [from, to] of replacements) drafts.push((drafts.at(-1) ?? '').replace(from, to))
    const groups = groupNearDuplicates(
      drafts.map((text, index) => ({ id: `draft-${index}`, fingerprint: fingerprint(text) })),
    )
    expect(groups).toHaveLength(1)
    expect(groups[0]?.members).toHaveLength(drafts.length)
    const first = estimateSimilarity(fingerprint(drafts[0] ?? ''), fingerprint(drafts.at(-1) ?? ''))
    expect(first).toBeLessThan(0.8)
  })

  it('gives the same groups in the same order whatever the order of the input', () => {
    const texts = {
      letter: LETTER,
      redated,
      unrelated: UNRELATED,
      'unrelated-copy': UNRELATED.replace('Tuesday', 'Wednesday'),
      empty: '',
    }
    const forwards = items(texts)
    const first = groupNearDuplicates(forwards)
    expect(first).toHaveLength(2)
    expect(groupNearDuplicates(forwards)).toEqual(first)
    expect(groupNearDuplicates([...forwards].reverse())).toEqual(first)
    expect(first.map((group) => group.representativeId)).toEqual(['letter', 'unrelated'])
  })

  it('groups many copies of one form in one group', () => {
    const copies = Array.from({ length: 500 }, (_, index) => ({
      id: `copy-${String(index).padStart(3, '0')}`,
      fingerprint: fingerprint(LETTER),
    }))
    const groups = groupNearDuplicates([...copies, ...items({ unrelated: UNRELATED })])
    expect(groups).toHaveLength(1)
    expect(groups[0]?.representativeId).toBe('copy-000')
    expect(groups[0]?.members).toHaveLength(500)
  })

  it('groups fingerprints read back from storage with those of documents that arrive later', () => {
    const stored = items({ letter: LETTER, unrelated: UNRELATED }).map(({ id, fingerprint: print }) => {
      const read = fingerprintFromBytes(fingerprintToBytes(print))
      if (!read.ok) throw new Error(read.error)
      return { id, fingerprint: read.value }
    })
    const groups = groupNearDuplicates([...stored, ...items({ redated })])
    expect(groups.map((group) => group.members.map((member) => member.id).sort())).toEqual([['letter', 'redated']])
  })

  it('refuses two items with the same id, and a threshold outside (0, 1]', () => {
    expect(() => groupNearDuplicates(items({ a: LETTER }).concat(items({ a: LETTER })))).toThrow(/same id/)
    expect(() => groupNearDuplicates([], { threshold: 0 })).toThrow(RangeError)
    expect(() => groupNearDuplicates([], { threshold: 1.1 })).toThrow(RangeError)
  })
})
