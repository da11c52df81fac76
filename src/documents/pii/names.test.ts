import { describe, expect, it } from 'vitest'
import type { Finding, Gazetteer } from './finding.ts'
import { findNamesByModel } from './name-model.ts'
import { acceptName, compileGazetteer, findNamesByRule, GAZETTEER_SCORE, matchGazetteer } from './names.ts'

const gazetteerNames = (text: string, gazetteer: Gazetteer): { found: string[]; released: string[] } => {
  const out: Finding[] = []
  const { released } = matchGazetteer(text, compileGazetteer(gazetteer), out)
  return {
    found: out.map((finding) => finding.text),
    released: released.map((span) => text.slice(span.start, span.end)),
  }
}

const ruleNames = (text: string): string[] => {
  const out: Finding[] = []
  findNamesByRule(text, out)
  return out.map((finding) => finding.text)
}

describe('the gazetteer', () => {
  const people: Gazetteer = { people: [{ name: 'Alice Jane Smith', role: 'requester' }, { name: 'Zoë Brown' }] }

  it.each([
    ['Alice Jane Smith wrote again.', 'Alice Jane Smith'],
    ['alice smith wrote again.', 'alice smith'],
    ['ALICE JANE SMITH', 'ALICE JANE SMITH'],
    ['Signed A. Smith on the last page.', 'A. Smith'],
    ['Signed A Smith on the last page.', 'A Smith'],
    ['Signed A.Smith on the last page.', 'A.Smith'],
    ['We wrote to Mrs Smith on Tuesday.', 'Smith'],
    ['We wrote to Dr. Smith on Tuesday.', 'Smith'],
    ['Smith, Alice (requester)', 'Smith, Alice'],
    ['Alice\nSmith', 'Alice\nSmith'],
    ['Zoë Brown, café owner', 'Zoë Brown'],
    ['zoë brown', 'zoë brown'],
  ])('finds the listed name in %j', (text, expected) => {
    expect(gazetteerNames(text, people).found).toEqual([expected])
  })

  it.each([
    ['a surname alone', 'The Smith report'],
    ['a name inside a longer word', 'Alice Smithson'],
    ['another first name', 'Bob Smith'],
    ['an initial that is not hers', 'B. Smith'],
  ])('does not report %s', (_what, text) => {
    expect(gazetteerNames(text, people).found).toEqual([])
  })

  it('says the role in the reason and scores a listed name above the rules', () => {
    const out: Finding[] = []
    matchGazetteer('Alice Smith', compileGazetteer(people), out)
    expect(out[0]).toMatchObject({ reason: 'name listed on the case (requester)', score: GAZETTEER_SCORE })
  })

  it('never reports a released name, and says where it is', () => {
    const gazetteer: Gazetteer = { people: [{ name: 'Tom Hughes' }], allowList: ['Eleanor Ashworth'] }
    expect(gazetteerNames('Eleanor Ashworth met Tom Hughes.', gazetteer)).toEqual({
      found: ['Tom Hughes'],
      released: ['Eleanor Ashworth'],
    })
  })

  it('releases a name that is both listed and released, in full', () => {
    const gazetteer: Gazetteer = { people: [{ name: 'Eleanor Ashworth' }], allowList: ['Eleanor Ashworth'] }
    expect(gazetteerNames('Eleanor Ashworth decided.', gazetteer)).toEqual({
      found: [],
      released: ['Eleanor Ashworth'],
    })
  })

  it('reports a short form a listed person shares with a released one: it may be the listed person', () => {
    const gazetteer: Gazetteer = { people: [{ name: 'John Smith' }], allowList: ['Jane Smith'] }
    expect(gazetteerNames('Mr Smith and J. Smith called.', gazetteer).found).toEqual(['Smith', 'J. Smith'])
    expect(gazetteerNames('Jane Smith called.', gazetteer)).toEqual({ found: [], released: ['Jane Smith'] })
  })

  it('treats names with regex characters as plain text', () => {
    expect(gazetteerNames('Ann Lee (Nan) called, not Ann Lee.', { people: [{ name: 'Ann Lee (Nan)' }] }).found).toEqual(
      ['Ann Lee (Nan)'],
    )
  })

  it('finds nothing with an empty gazetteer', () => {
    expect(gazetteerNames('Alice Smith', {})).toEqual({ found: [], released: [] })
  })
})

describe('names by rule', () => {
  it.each([
    ['Dear Mr Smith,', ['Smith']],
    ['I spoke to Mrs Priya Patel about it.', ['Priya Patel']],
    ['Cllr Fiona Fraser chaired.', ['Fiona Fraser']],
    ['Councillor Fiona Fraser chaired.', ['Fiona Fraser']],
    ['Signed: Ms J Smith-Jones', ['J Smith-Jones']],
    ['Dr. O’Neill will call.', ['O’Neill']],
    ['The report by Prof Chen.', ['Chen']],
    ['Dear Sarah,\n\nThank you.', ['Sarah']],
    ['Hi Owen,\nCan you send it?', ['Owen']],
    ['Kind regards,\nAisha Khan\nOfficer', ['Aisha Khan']],
    ['Yours sincerely,\n\nMr Tom Hughes', ['Tom Hughes']],
    ['Many thanks, Sarah Jones', ['Sarah Jones']],
    ['Thanks\nBethan', ['Bethan']],
  ])('finds the name in %j', (text, expected) => {
    expect(ruleNames(text)).toEqual(expected)
  })

  it.each([
    ['Dear Sir or Madam,'],
    ['Dear Colleague,'],
    ['Dear Information Officer,'],
    ['Kind regards,\nThe FOI Team'],
    ['Yours faithfully,\nInformation Governance Unit'],
    ['Many thanks for your patience.'],
    ['Mr and Mrs'],
    ['Dr 12 Smith'],
    ['Mr J.'],
    ['Regards,\nLeeds City Council'],
  ])('finds no name in %j', (text) => {
    expect(ruleNames(text)).toEqual([])
  })
})

describe('acceptName', () => {
  const accepted = (text: string, minimumWords = 1): string | undefined => {
    const span = acceptName(text, 0, text.length, minimumWords)
    return span === undefined ? undefined : text.slice(span.start, span.end)
  }

  it.each([
    ['Sarah Jones,', 'Sarah Jones'],
    ['Mr Smith.', 'Smith'],
    ['Dear Sarah Jones', 'Sarah Jones'],
    ['Sarah Jones’s', 'Sarah Jones'],
    ['J. Smith', 'J. Smith'],
  ])('trims %j to %j', (text, expected) => {
    expect(accepted(text)).toBe(expected)
  })

  it.each([
    ['a street', 'Jordan Road'],
    ['an organisation', 'Harrington Associates'],
    ['a name before an organisation word', 'Whitfield Consulting Ltd'],
    ['a month', 'March'],
    ['days and months', 'Monday March'],
    ['a sentence opener', 'Please Note'],
    ['a lower-case word', 'Sarah jones'],
    ['too many words', 'Anna Bella Carla Dana Ella'],
    ['digits', 'Sarah 2nd'],
  ])('turns away %s', (_what, text) => {
    expect(accepted(text)).toBeUndefined()
  })

  it('turns away a name before a street word, and after a house number', () => {
    const street = 'Jordan Road'
    expect(acceptName(street, 0, 6, 1)).toBeUndefined()
    const house = '14 Jordan Smith'
    expect(acceptName(house, 3, house.length, 1)).toBeUndefined()
  })

  it('asks the model for two words or more', () => {
    expect(accepted('Sarah', 2)).toBeUndefined()
    expect(accepted('Sarah Jones', 2)).toBe('Sarah Jones')
  })
})

describe('the model name finder', () => {
  const modelNames = (text: string): string[] => {
    const out: Finding[] = []
    findNamesByModel(text, out)
    for (const finding of out) expect(text.slice(finding.start, finding.end)).toBe(finding.text)
    return out.map((finding) => finding.text)
  }

  it('finds full names in prose, with offsets in UTF-16 code units', () => {
    expect(modelNames('The café owner 😀 met Sarah Jones and John Patel on Monday.')).toEqual([
      'Sarah Jones',
      'John Patel',
    ])
  })

  it('does not take streets and months for people', () => {
    expect(modelNames('The depot on Jordan Road and Lincoln Street closes in May.')).toEqual([])
  })

  it('reads a long text in pieces without losing the offsets', () => {
    const filler = 'The committee noted the report.\n'.repeat(1500)
    const text = `${filler}I spoke to Sarah Jones yesterday.\n${filler}`
    const out: Finding[] = []
    findNamesByModel(text, out)
    expect(out.map((finding) => [finding.start, finding.text])).toEqual([[text.indexOf('Sarah'), 'Sarah Jones']])
  })
})
