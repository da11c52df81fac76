import { describe, expect, it } from 'vitest'
import { NOTHING_READ, type CaseDocument, type DocumentFinding } from '../../../documents/document-records.ts'
import {
  documentRows,
  highlightSnippet,
  jobStatusText,
  readDocumentSearch,
  searchQuery,
  textWithFindings,
} from './documents-view.ts'

const document = (id: string, changes: Partial<CaseDocument> = {}): CaseDocument => ({
  id,
  organisationId: 'org',
  caseId: 'case',
  parentId: null,
  jobId: null,
  jobItem: null,
  name: `${id}.txt`,
  sha256: null,
  size: 10,
  ...NOTHING_READ,
  mediaType: 'text/plain',
  kind: 'text',
  status: 'read',
  problem: null,
  source: 'Upload',
  custodian: null,
  textLength: 10,
  createdAt: '2024-03-01T10:00:00Z',
  ...changes,
})

const finding = (id: string, start: number, end: number, text: string): DocumentFinding => ({
  id,
  organisationId: 'org',
  caseId: 'case',
  documentId: 'd',
  type: 'email',
  start,
  end,
  text,
  textKey: text,
  page: null,
  boxes: null,
  score: 1,
  reason: 'An email address',
  status: 'pending',
  decidedHow: null,
  decidedBy: null,
  decidedAt: null,
})

describe('a search snippet', () => {
  it('escapes the text first, then marks the matches', () => {
    expect(highlightSnippet('a \u0001<b>bridge</b>\u0002 & \u0001repairs\u0002')).toBe(
      'a <mark>&lt;b&gt;bridge&lt;/b&gt;</mark> &amp; <mark>repairs</mark>',
    )
  })

  it('drops a mark without its pair, and any other control character', () => {
    expect(highlightSnippet('\u0002cut\u0001 off \u0001end\u0000')).toBe('cut off end')
  })
})

describe('a document’s text with its findings', () => {
  it('cuts the text into plain stretches and findings, leaving an overlapping finding plain', () => {
    const text = 'Write to jo@example.org today.'
    const { segments, truncated } = textWithFindings(text, [
      finding('b', 9, 23, 'jo@example.org'),
      finding('c', 12, 23, 'example.org'),
    ])
    expect(segments.map((segment) => [segment.text, segment.finding?.id])).toEqual([
      ['Write to ', undefined],
      ['jo@example.org', 'b'],
      [' today.', undefined],
    ])
    expect(truncated).toBe(false)
  })

  it('shows only the start of a very long text, and no finding beyond it', () => {
    const { segments, truncated } = textWithFindings('abcdefghij', [finding('x', 8, 10, 'ij')], 5)
    expect(segments).toEqual([{ text: 'abcde' }])
    expect(truncated).toBe(true)
  })
})

describe('the results', () => {
  const rows = (hits: CaseDocument[], showDuplicates = false) =>
    documentRows({
      reference: 'IC-1',
      hits: hits.map((hit) => ({ document: hit, snippet: null, page: null })),
      showDuplicates,
      findings: new Map([['a', { total: 3, pending: 2 }]]),
      otherNames: new Map([['gone', 'elsewhere.pdf']]),
    })

  it('folds an exact duplicate and a covered message under the document reviewed in their place', () => {
    const shown = rows([
      document('a'),
      document('copy', { duplicateOf: 'a', custodian: 'Alex' }),
      document('reply', { threadId: 't', threadRole: 'most-inclusive', kind: 'email' }),
      document('first', { threadId: 't', threadRole: 'covered', kind: 'email' }),
    ])
    expect(shown.map((row) => row.name)).toEqual(['a.txt', 'reply.txt'])
    expect(shown[0]?.folded).toEqual([
      { href: '/cases/IC-1/documents/copy', name: 'copy.txt', why: 'exact duplicate, Alex' },
    ])
    expect(shown[0]?.findings).toBe('3 (2 to review)')
    expect(shown[1]?.folded.map((folded) => folded.why)).toEqual(['covered by this message'])
  })

  it('keeps every row when duplicates are shown, or when the original is not in the results', () => {
    expect(rows([document('a'), document('copy', { duplicateOf: 'a' })], true).map((row) => row.name)).toEqual([
      'a.txt',
      'copy.txt',
    ])
    const [alone] = rows([document('copy', { duplicateOf: 'gone', nearDuplicateOf: null })])
    expect(alone?.flags).toEqual([
      { text: 'Exact duplicate of', link: { href: '/cases/IC-1/documents/gone', text: 'elsewhere.pdf' } },
    ])
  })

  it('flags a near-duplicate with its similarity, a failure with its message, and hidden content', () => {
    const [near, failed] = rows([
      document('n', { nearDuplicateOf: 'a', similarity: 0.914 }),
      document('f', {
        status: 'failed',
        problem: { code: 'encrypted', message: 'It is protected by a password.' },
        hidden: [{ kind: 'sheet', sheet: 'Old', where: 'sheet', how: 'hidden sheet' }],
      }),
    ])
    expect(near?.flags).toEqual([
      {
        text: 'Near-duplicate of',
        link: { href: '/cases/IC-1/documents/a', text: 'another document' },
        after: '(91% similar)',
      },
    ])
    expect(failed?.flags.map((flag) => flag.text)).toEqual([
      'Could not be read',
      'It is protected by a password.',
      'Hidden content',
    ])
  })
})

describe('the search form', () => {
  it('reads words, sender, dates and scope into the filter, and keeps them for the next page', () => {
    const { form, filter, errors } = readDocumentSearch({
      q: ' bridge ',
      sender: 'alex',
      'from-day': '1',
      'from-month': '3',
      'from-year': '2024',
      scope: 'in-scope',
      duplicates: 'show',
      page: '2',
    })
    expect(errors).toEqual([])
    expect(filter).toEqual({ text: 'bridge', sender: 'alex', from: '2024-03-01', scope: 'in-scope' })
    expect(searchQuery(form, { page: 3 })).toBe(
      '?q=+bridge+&sender=alex&from-day=1&from-month=3&from-year=2024&scope=in-scope&duplicates=show&page=3',
    )
  })

  it('names what is wrong with each date', () => {
    const { errors } = readDocumentSearch({
      'from-day': '30',
      'from-month': '2',
      'from-year': '2024',
      'to-month': 'March',
    })
    expect(errors.map((error) => [error.field, error.href])).toEqual([
      ['from', '#from-day'],
      ['to', '#to-day'],
    ])
    expect(errors[1]?.text).toBe('The last date must include a day and year')
  })
})

describe('a job’s progress in words', () => {
  it('says how many files are read of how many', () => {
    expect(jobStatusText({ state: 'running', done: 3, total: 10, error: null })).toBe('Reading 3 of 10 files')
    expect(jobStatusText({ state: 'queued', done: 0, total: 1, error: null })).toBe('Waiting to read 1 file')
  })
})
