import { describe, expect, it } from 'vitest'
import {
  closestExemptionIds,
  EXEMPTION_CATALOGUE,
  exemptionsFor,
  findExemption,
  findRouteOption,
  readExemptionId,
} from './catalogue.ts'
import { EXEMPTION_REGIMES, type Exemption, type ExemptionStatus } from './exemption.ts'

const entry = (id: string): Exemption => {
  const found = findExemption(id)
  if (found === undefined) throw new Error(`no entry ${id} in the catalogue`)
  return found
}

const exemptionsOnly = (regime: Exemption['regime']): readonly Exemption[] =>
  exemptionsFor(regime).filter((exemption) => exemption.kind === 'exemption')

/** Everything in an entry a person reads. */
const wordsOf = (exemption: Exemption): string[] => [
  exemption.heading,
  exemption.statutoryWords,
  exemption.statusExceptions ?? '',
  exemption.unverified ?? '',
  exemption.route?.prompt ?? '',
  ...(exemption.route?.options.map((option) => option.words) ?? []),
  ...(exemption.publicInterestFactors?.forDisclosure ?? []),
  ...(exemption.publicInterestFactors?.forWithholding ?? []),
]

describe('the exemption catalogue', () => {
  it('gives every entry a unique id of regime, provision and subdivisions', () => {
    const ids = EXEMPTION_CATALOGUE.map((exemption) => exemption.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^(foia|eir|foisa)-[a-z0-9-]+$/)
    for (const exemption of EXEMPTION_CATALOGUE) expect(exemption.id.startsWith(`${exemption.regime}-`)).toBe(true)
  })

  it('lists each regime’s entries under it, and every entry under one regime', () => {
    const counts = EXEMPTION_REGIMES.map((regime) => exemptionsFor(regime).length)
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(EXEMPTION_CATALOGUE.length)
    for (const regime of EXEMPTION_REGIMES) {
      expect(exemptionsFor(regime).every((exemption) => exemption.regime === regime)).toBe(true)
    }
  })

  it('has no entry for FOIA section 25, which is about certificates and is not an exemption', () => {
    expect(findExemption('foia-s25')).toBeUndefined()
    expect(exemptionsFor('foia').filter((exemption) => /^foia-s25(-|$)/.test(exemption.id))).toEqual([])
    expect(readExemptionId('section 25', 'foia').ok).toBe(false)
  })

  it.each([
    ['foia-s31-1-g', 'section 31(1)(g)', 's31(1)(g)'],
    ['foia-s22a', 'section 22A', 's22A'],
    ['foia-s36-2-b-ii', 'section 36(2)(b)(ii)', 's36(2)(b)(ii)'],
    ['foia-s37-1-aa', 'section 37(1)(aa)', 's37(1)(aa)'],
    ['eir-r12-5-b', 'regulation 12(5)(b)', 'reg 12(5)(b)'],
    ['eir-r13', 'regulation 13', 'reg 13'],
    ['foisa-s30-b-i', 'section 30(b)(i)', 's30(b)(i)'],
  ])('cites %s as “%s” in a letter and “%s” on a redaction', (id, citation, shortCitation) => {
    expect(entry(id)).toMatchObject({ citation, shortCitation })
  })

  it('points every entry at its provision on legislation.gov.uk and at the reference', () => {
    const acts = { foia: 'ukpga/2000/36/section', eir: 'uksi/2004/3391/regulation', foisa: 'asp/2002/13/section' }
    for (const exemption of EXEMPTION_CATALOGUE) {
      const number = /^(?:section|regulation) (\d+A?)/.exec(exemption.citation)?.[1]
      expect(exemption.source).toMatch(/; uk-foi-law\.md §\d/)
      expect(exemption.source.startsWith(`https://www.legislation.gov.uk/${acts[exemption.regime]}/${number};`)).toBe(
        true,
      )
    }
  })

  it('keeps statutory words and headings to words a letter can quote', () => {
    for (const exemption of EXEMPTION_CATALOGUE) {
      expect(exemption.heading.trim()).not.toBe('')
      expect(exemption.statutoryWords.trim()).toBe(exemption.statutoryWords)
      expect(exemption.statutoryWords.length).toBeGreaterThan(20)
      expect(exemption.statutoryWords.length).toBeLessThan(600)
    }
  })

  it('writes British English', () => {
    const american =
      /\b\w*(?:organiz|authoriz|recogniz|realiz|minimiz|prioritiz|summariz)\w*|\b(?:behavior|favor|honor|center|defense|program)\b/i
    for (const exemption of EXEMPTION_CATALOGUE) {
      for (const words of wordsOf(exemption)) expect(words).not.toMatch(american)
    }
  })
})

describe('absolute and qualified, as FOIA section 2(3) has it', () => {
  /** Section (and paragraph where it splits) → status; every FOIA exemption must be covered. */
  const FOIA_STATUS: readonly (readonly [RegExp, ExemptionStatus])[] = [
    [/^foia-s21$/, 'absolute'],
    [/^foia-s23$/, 'absolute'],
    [/^foia-s32-/, 'absolute'],
    [/^foia-s34$/, 'absolute'],
    [/^foia-s37-1-(a|aa|ab)$/, 'absolute'],
    [/^foia-s40-1$/, 'absolute'],
    [/^foia-s41$/, 'absolute'],
    [/^foia-s44-/, 'absolute'],
    [/^foia-s22$/, 'qualified'],
    [/^foia-s22a$/, 'qualified'],
    [/^foia-s24$/, 'qualified'],
    [/^foia-s2[6-9](-|$)/, 'qualified'],
    [/^foia-s3[01]-/, 'qualified'],
    [/^foia-s33-/, 'qualified'],
    [/^foia-s35-/, 'qualified'],
    [/^foia-s36-/, 'qualified'],
    [/^foia-s37-1-(ac|ad|b)$/, 'qualified'],
    [/^foia-s38-/, 'qualified'],
    [/^foia-s39$/, 'qualified'],
    [/^foia-s40-2$/, 'qualified'],
    [/^foia-s42$/, 'qualified'],
    [/^foia-s43-/, 'qualified'],
  ]

  it.each(exemptionsOnly('foia').map((exemption) => [exemption.id, exemption] as const))(
    '%s has the status section 2(3) gives it',
    (id, exemption) => {
      const rules = FOIA_STATUS.filter(([pattern]) => pattern.test(id))
      expect(rules).toHaveLength(1)
      expect(exemption.status).toBe(rules[0]?.[1])
    },
  )

  it('covers every Part II section but 25', () => {
    const sections = new Set(exemptionsOnly('foia').map((exemption) => /^foia-s(\d+a?)/.exec(exemption.id)?.[1]))
    const expected = ['21', '22', '22a', '23', '24', ...Array.from({ length: 19 }, (_, i) => String(26 + i))]
    expect([...sections].sort()).toEqual(expected.sort())
  })

  it('makes section 36 absolute for the Houses of Parliament only', () => {
    for (const exemption of exemptionsFor('foia').filter((candidate) => candidate.id.startsWith('foia-s36-'))) {
      expect(exemption.status).toBe('qualified')
      expect(exemption.statusExceptions).toMatch(/House of Commons or the House of Lords/)
      expect(exemption.route).toBeUndefined()
    }
    expect(exemptionsFor('foia').filter((exemption) => exemption.id.startsWith('foia-s36-'))).toHaveLength(6)
  })

  it.each(['foia-s37-1-a', 'foia-s37-1-aa', 'foia-s37-1-ab'])(
    'makes %s qualified for Northern Ireland authorities and requests before 19 January 2011',
    (id) => {
      expect(entry(id).statusExceptions).toMatch(/Northern Ireland/)
      expect(entry(id).statusExceptions).toMatch(/19 January 2011/)
      expect(entry(id).neitherConfirmNorDeny).toEqual({ citation: 'section 37(2)', status: 'absolute' })
    },
  )

  it('makes section 40(2) absolute by the first condition and qualified by the second and third', () => {
    const s40 = entry('foia-s40-2')
    expect(s40.status).toBe('qualified')
    expect(s40.statusExceptions).toMatch(/first condition/)
    const absolute = s40.route?.options.filter((option) => option.makesAbsolute === true).map((option) => option.code)
    expect(absolute).toEqual(['3A-a', '3A-b', '3-a-i'])
    expect(findRouteOption(s40, '3B')?.makesAbsolute).toBeUndefined()
    expect(findRouteOption(s40, '4A')?.makesAbsolute).toBeUndefined()
    expect(entry('foia-s40-1').neitherConfirmNorDeny).toEqual({ citation: 'section 40(5A)', status: 'absolute' })
  })

  it('gives section 21 no way to neither confirm nor deny, and section 43(3) only to section 43(2)', () => {
    expect(entry('foia-s21').neitherConfirmNorDeny).toBeNull()
    expect(entry('foia-s43-1').neitherConfirmNorDeny).toBeNull()
    expect(entry('foia-s43-2').neitherConfirmNorDeny?.citation).toBe('section 43(3)')
  })

  it.each([
    ['foia-s21', 'class'],
    ['foia-s22a', 'prejudice'],
    ['foia-s24', 'required-for'],
    ['foia-s27-1', 'prejudice'],
    ['foia-s27-2', 'class'],
    ['foia-s30-1-a', 'class'],
    ['foia-s31-1-a', 'prejudice'],
    ['foia-s34', 'required-for'],
    ['foia-s35-1-a', 'class'],
    ['foia-s36-2-c', 'prejudice'],
    ['foia-s38-1-b', 'prejudice'],
    ['foia-s40-2', 'class'],
    ['foia-s43-1', 'class'],
    ['foia-s43-2', 'prejudice'],
    ['foia-s44-1-c', 'class'],
  ] as const)('tests %s by %s', (id, test) => {
    expect(entry(id).test).toBe(test)
  })

  it('gives every neither-confirm-nor-deny provision of an absolute FOIA exemption the same status', () => {
    for (const exemption of exemptionsOnly('foia').filter((candidate) => candidate.status === 'absolute')) {
      if (exemption.neitherConfirmNorDeny !== null) expect(exemption.neitherConfirmNorDeny.status).toBe('absolute')
    }
  })
})

describe('cost and vexatious requests', () => {
  it.each([
    ['foia-s12', 'cost-limit'],
    ['foia-s14-1', 'vexatious'],
    ['foia-s14-2', 'repeated'],
    ['foisa-s12', 'cost-limit'],
    ['foisa-s14-1', 'vexatious'],
    ['foisa-s14-2', 'repeated'],
  ] as const)('treats %s as a %s ground: no test, no public interest test', (id, kind) => {
    const ground = entry(id)
    expect(ground.kind).toBe(kind)
    expect(ground.test).toBe('none')
    expect(ground.status).toBe('absolute')
    expect(ground.publicInterestFactors).toBeUndefined()
    expect(ground.route).toBeUndefined()
  })

  it('lets FOIA section 12(2) remove the duty to confirm or deny, and nothing else', () => {
    expect(entry('foia-s12').neitherConfirmNorDeny).toEqual({ citation: 'section 12(2)', status: 'absolute' })
    for (const id of ['foia-s14-1', 'foia-s14-2', 'foisa-s12', 'foisa-s14-1', 'foisa-s14-2']) {
      expect(entry(id).neitherConfirmNorDeny).toBeNull()
    }
  })

  it('gives the EIR no cost limit: cost is manifestly unreasonable, regulation 12(4)(b)', () => {
    expect(exemptionsFor('eir').every((exemption) => exemption.kind === 'exemption')).toBe(true)
    expect(entry('eir-r12-4-b').heading).toMatch(/cost/)
  })
})

describe('public interest factors', () => {
  it.each(EXEMPTION_CATALOGUE.map((exemption) => [exemption.id, exemption] as const))(
    '%s has factors on both sides if qualified, and none if absolute',
    (_id, exemption) => {
      const factors = exemption.publicInterestFactors
      if (exemption.status === 'absolute') {
        expect(factors).toBeUndefined()
        return
      }
      for (const side of [factors?.forDisclosure ?? [], factors?.forWithholding ?? []]) {
        expect(side.length).toBeGreaterThanOrEqual(2)
        expect(side.length).toBeLessThanOrEqual(4)
        for (const factor of side) expect(factor).toMatch(/^[A-Z].{15,}[^.]$/)
      }
    },
  )

  it('starts every EIR exception from the presumption in favour of disclosure', () => {
    for (const exemption of exemptionsFor('eir')) {
      expect(exemption.publicInterestFactors?.forDisclosure[0]).toMatch(/presumption in favour of disclosure/)
    }
  })

  it('weighs section 31 as the seed letters do: openness against candid engagement with the regulator', () => {
    const factors = entry('foia-s31-1-g').publicInterestFactors
    expect(factors?.forDisclosure.join(' ')).toMatch(/transparency/i)
    expect(factors?.forWithholding.join(' ')).toMatch(/candidly/)
  })
})

describe('routes', () => {
  const purposes = ['2-a', '2-b', '2-c', '2-d', '2-e', '2-f', '2-g', '2-h', '2-i', '2-j']

  it.each(['foia-s31-1-g', 'foia-s31-1-h', 'foia-s31-1-i'])('reaches %s for the purposes of section 31(2)', (id) => {
    const route = entry(id).route
    expect(route?.connective).toBe('for the purposes in')
    expect(route?.required).toBe(true)
    expect(route?.options.map((option) => option.code)).toEqual(purposes)
    expect(route?.options.map((option) => option.citation)).toContain('section 31(2)(j)')
  })

  it('quotes the purposes in section 31(2)(a) and (c) as the seed letters do', () => {
    const s31 = entry('foia-s31-1-g')
    expect(findRouteOption(s31, '2-a')?.words).toBe(
      'the purpose of ascertaining whether any person has failed to comply with the law',
    )
    expect(findRouteOption(s31, '2-c')?.words).toBe(
      'the purpose of ascertaining whether circumstances which would justify regulatory action in pursuance of any enactment exist or may arise',
    )
    expect(s31.statutoryWords).toBe(
      'would, or would be likely to, prejudice the exercise by any public authority of its functions for any of the purposes specified in subsection (2)',
    )
  })

  it('reaches section 40(2) by virtue of a condition, the pre-2018 wording superseded', () => {
    const s40 = entry('foia-s40-2')
    expect(s40.route?.connective).toBe('by virtue of')
    expect(s40.route?.options.map((option) => option.code)).toEqual(['3A-a', '3A-b', '3B', '4A', '3-a-i'])
    const old = findRouteOption(s40, '3-a-i')
    expect(old?.citation).toBe('section 40(3)(a)(i)')
    expect(old?.supersededBy?.code).toBe('3A-a')
    expect(old?.supersededBy?.by).toMatch(/^the Data Protection Act 2018/)
    expect(findRouteOption(s40, '3A-a')?.citation).toBe('section 40(3A)(a)')
  })

  it('asks for the enactment behind section 44(1)(a), offering the one the ICO relies on', () => {
    const route = entry('foia-s44-1-a').route
    expect(route).toMatchObject({ connective: 'in this case', freeText: true, required: true })
    expect(route?.options.map((option) => option.citation)).toContain('the Data Protection Act 2018, section 132')
  })

  it('points every superseded route at a current one of the same entry, and never supersedes a current one', () => {
    for (const exemption of EXEMPTION_CATALOGUE) {
      for (const option of exemption.route?.options ?? []) {
        if (option.supersededBy === undefined) continue
        const current = findRouteOption(exemption, option.supersededBy.code)
        expect(current).toBeDefined()
        expect(current?.supersededBy).toBeUndefined()
        expect(current?.makesAbsolute).toBe(option.makesAbsolute)
      }
    }
  })

  it('gives route codes a decision can store, unique within their entry', () => {
    for (const exemption of EXEMPTION_CATALOGUE) {
      const codes = exemption.route?.options.map((option) => option.code) ?? []
      expect(new Set(codes.map((code) => code.toLowerCase())).size).toBe(codes.length)
      for (const code of codes) expect(code).toMatch(/^[A-Za-z0-9-]{1,20}$/)
    }
  })

  it('makes an entry absolute by a route only where the entry is otherwise qualified', () => {
    for (const exemption of EXEMPTION_CATALOGUE) {
      if (exemption.route?.options.some((option) => option.makesAbsolute === true)) {
        expect(exemption.status).toBe('qualified')
        expect(exemption.statusExceptions).toMatch(/first condition/)
      }
    }
  })

  it.each([
    ['2-A', '2-a'],
    [' 3a-A ', '3A-a'],
    ['section 40(3)(a)(i)', '3-a-i'],
    ['40(3A)(b)', '3A-b'],
  ])('finds the route %s of section 40(2) or 31(1)(g) by code or citation', (typed, code) => {
    const owner = code.startsWith('2-') ? entry('foia-s31-1-g') : entry('foia-s40-2')
    expect(findRouteOption(owner, typed)?.code).toBe(code)
  })

  it('finds no route on an entry without one', () => {
    expect(findRouteOption(entry('foia-s21'), '2-a')).toBeUndefined()
    expect(findRouteOption(entry('foia-s31-1-g'), '2-k')).toBeUndefined()
  })
})

describe('the EIR', () => {
  it('makes every exception qualified (regulation 12(1)(b)), regulation 13 absolute only by its first condition', () => {
    for (const exemption of exemptionsFor('eir')) expect(exemption.status).toBe('qualified')
    const reg13 = entry('eir-r13')
    expect(reg13.statusExceptions).toMatch(/^Absolute where the first condition is satisfied/)
    const absolute = reg13.route?.options.filter((option) => option.makesAbsolute === true).map((option) => option.code)
    expect(absolute).toEqual(['2A-a', '2A-b', '2-a-i'])
  })

  it('lists regulation 12(4)(a)–(e) as class exceptions and 12(5)(a)–(g) as harm to an interest', () => {
    const ids = exemptionsFor('eir').map((exemption) => exemption.id)
    expect(ids).toEqual([
      ...['a', 'b', 'c', 'd', 'e'].map((letter) => `eir-r12-4-${letter}`),
      ...['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((letter) => `eir-r12-5-${letter}`),
      'eir-r13',
    ])
    for (const exemption of exemptionsFor('eir')) {
      if (exemption.id.startsWith('eir-r12-4-')) expect(exemption.test).toBe('class')
      if (exemption.id.startsWith('eir-r12-5-')) {
        expect(exemption.test).toBe('prejudice')
        expect(exemption.statutoryWords).toMatch(/would adversely affect/)
      }
    }
  })

  it.each(['d', 'e', 'f', 'g'])('gives way to information on emissions in regulation 12(5)(%s)', (letter) => {
    expect(entry(`eir-r12-5-${letter}`).statusExceptions).toMatch(/regulation 12\(9\)/)
  })

  it('neither confirms nor denies only under regulation 12(5)(a) and regulation 13', () => {
    const ncnd = exemptionsFor('eir').filter((exemption) => exemption.neitherConfirmNorDeny !== null)
    expect(ncnd.map((exemption) => [exemption.id, exemption.neitherConfirmNorDeny?.citation])).toEqual([
      ['eir-r12-5-a', 'regulation 12(6)'],
      ['eir-r13', 'regulation 13(5A)'],
    ])
  })
})

describe('FOISA', () => {
  const ABSOLUTE = [
    'foisa-s25',
    'foisa-s26-a',
    'foisa-s26-b',
    'foisa-s26-c',
    'foisa-s36-2',
    'foisa-s37-1-a',
    'foisa-s37-1-b',
    'foisa-s38-1-a',
    'foisa-s38-1-c',
    'foisa-s38-1-d',
  ]

  it.each(exemptionsOnly('foisa').map((exemption) => [exemption.id, exemption] as const))(
    '%s has the status section 2(2) gives it',
    (id, exemption) => {
      expect(exemption.status).toBe(ABSOLUTE.includes(id) ? 'absolute' : 'qualified')
    },
  )

  it('makes section 38(1)(b) absolute by the first condition only', () => {
    const s38 = entry('foisa-s38-1-b')
    expect(s38.status).toBe('qualified')
    expect(findRouteOption(s38, '2A-a')?.makesAbsolute).toBe(true)
    expect(findRouteOption(s38, '2B')?.makesAbsolute).toBeUndefined()
  })

  it('covers sections 25 to 41', () => {
    const sections = new Set(exemptionsOnly('foisa').map((exemption) => /^foisa-s(\d+)/.exec(exemption.id)?.[1]))
    expect([...sections]).toEqual(Array.from({ length: 17 }, (_, i) => String(25 + i)))
  })

  it('tests harm by substantial prejudice', () => {
    for (const exemption of exemptionsOnly('foisa').filter((candidate) => candidate.test === 'prejudice')) {
      expect(exemption.statutoryWords).toMatch(/prejudice substantially|inhibit substantially|endanger/)
    }
  })

  it('neither confirms nor denies under section 18(1) alone', () => {
    for (const exemption of exemptionsFor('foisa')) {
      if (exemption.neitherConfirmNorDeny !== null) {
        expect(exemption.neitherConfirmNorDeny).toEqual({ citation: 'section 18(1)', status: 'qualified' })
      }
    }
    expect(entry('foisa-s30-b-i').neitherConfirmNorDeny?.citation).toBe('section 18(1)')
    expect(entry('foisa-s25').neitherConfirmNorDeny).toBeNull()
  })

  it('says what to check on every entry, since the reference quotes none of FOISA', () => {
    for (const exemption of exemptionsFor('foisa')) expect(exemption.unverified).toMatch(/legislation\.gov\.uk/)
  })
})

describe('readExemptionId', () => {
  it.each(EXEMPTION_CATALOGUE.map((exemption) => [exemption.id, exemption] as const))(
    'reads %s back from its id, citation and short citation',
    (id, exemption) => {
      for (const typed of [exemption.id, exemption.citation, exemption.shortCitation]) {
        expect(readExemptionId(typed, exemption.regime)).toEqual({ ok: true, value: id })
      }
    },
  )

  it.each([
    ['s40(2)', 'foia-s40-2'],
    ['section 31(1)(g)', 'foia-s31-1-g'],
    ['Section 31 (1) (g)', 'foia-s31-1-g'],
    ['S.40(2)', 'foia-s40-2'],
    ['section 40(2) of the FOIA', 'foia-s40-2'],
    ['FOI Act s43(2)', 'foia-s43-2'],
    ['FOIA-S31-1-G', 'foia-s31-1-g'],
    ['s21(1)', 'foia-s21'],
    ['s22A', 'foia-s22a'],
    ['regulation 13', 'eir-r13'],
    ['Regulation 13(1) EIR', 'eir-r13'],
    ['reg 12(4)(b)', 'eir-r12-4-b'],
    ['reg. 12(5)(e)', 'eir-r12-5-e'],
    ['s30(b)(i) FOISA', 'foisa-s30-b-i'],
    ['section 38(1)(b) of FOISA', 'foisa-s38-1-b'],
  ])('reads “%s” as %s', (typed, id) => {
    expect(readExemptionId(typed)).toEqual({ ok: true, value: id })
  })

  it.each([
    [
      's14(1)',
      undefined,
      /^“s14\(1\)” could be FOIA or FOISA: give the regime, or say which, foia-s14-1 or foisa-s14-1$/,
    ],
    ['section 40', undefined, /could be FOIA or FOISA.*foia-s40-1.*foia-s40-2.*foisa-s40/],
    ['foia-s31-1-z', undefined, /^there is no exemption foia-s31-1-z: did you mean .*foia-s31-1-g/],
    ['section 40', 'foia', /^there is no exemption foia-s40: did you mean foia-s40-1, foia-s40-2/],
    ['reg 12(6)(a)', undefined, /^there is no exception eir-r12-6-a: did you mean eir-r12-/],
    ['reg 12(4)(b)', 'foia', /^regulation 12\(4\)\(b\) \(eir-r12-4-b\) is an EIR exception, not a FOIA exemption$/],
    ['s30(b)(i)', 'foia', /is a FOISA exemption, not a FOIA exemption$/],
    ['section 31(2)(a)', undefined, /^section 31\(2\)\(a\) is not an exemption but a route to .*foia-s31-1-g.* 2-a$/],
    ['section 40(3A)(a)', 'foia', /route to section 40\(2\): cite foia-s40-2 with the route 3A-a$/],
    ['', undefined, /^Enter an exemption/],
  ] as const)('refuses “%s” (regime %s) with a message that helps', (typed, regime, message) => {
    const read = readExemptionId(typed, regime)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.error).toMatch(message)
  })
})

describe('closestExemptionIds', () => {
  it('suggests section 31(1)(g) for a mistyped paragraph of section 31(1)', () => {
    const closest = closestExemptionIds('foia-s31-1-z')
    expect(closest).toHaveLength(3)
    expect(closest).toContain('foia-s31-1-g')
    expect(closest.every((id) => id.startsWith('foia-s31-1-'))).toBe(true)
  })

  it('puts the nearer paragraph first among those equally many edits away', () => {
    expect(closestExemptionIds('foia-s31-1-j', 2)).toEqual(['foia-s31-1-i', 'foia-s31-1-h'])
  })

  it('reads citations as typed, exact matches first', () => {
    expect(closestExemptionIds('s31(1)(z)')).toContain('foia-s31-1-g')
    expect(closestExemptionIds('section 40(2)')[0]).toBe('foia-s40-2')
    expect(closestExemptionIds('reg 12(5)(b)')[0]).toBe('eir-r12-5-b')
    expect(closestExemptionIds('section 40', 3, 'foia')).toEqual(['foia-s40-1', 'foia-s40-2', 'foia-s41'])
  })

  it('suggests by heading when the words typed are a name', () => {
    expect(closestExemptionIds('law enforcement', 2)).toEqual(['foia-s31-1-a', 'foia-s31-1-b'])
  })

  it('keeps to the regime asked for, and the limit', () => {
    expect(closestExemptionIds('s38(1)(b)', 5, 'foisa').every((id) => id.startsWith('foisa-'))).toBe(true)
    expect(closestExemptionIds('foia-s31-1-z', 1)).toHaveLength(1)
    expect(closestExemptionIds('foia-s31-1-z', 0)).toEqual([])
  })

  it('suggests nothing for something nothing like an exemption', () => {
    expect(closestExemptionIds('the quick brown fox')).toEqual([])
    expect(closestExemptionIds('   ')).toEqual([])
  })
})
