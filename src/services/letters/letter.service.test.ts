import { load } from 'cheerio'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { buildTestServices, type TestServices } from '../../../test/services.ts'
import { defaultUkCalendar } from '../../../test/uk-calendar.ts'
import { renderLetter } from '../../letters/letter-renderer.ts'
import { readZip } from '../../letters/read-zip.test-support.ts'
import { flowingText, runTool, scratchFolder } from '../../letters/system-tools.test-support.ts'
import { commandLineActor, type Actor } from '../actor.ts'
import { verifyAuditTrail } from '../audit/audit-trail.ts'
import { loadDemo } from '../demo/load-demo.ts'
import { demoEmail } from '../demo/seed-cases.ts'
import { createLetterService, type LetterFormat, type LetterService } from './letter.service.ts'

/** Every fact of the first seed letter (IC-335210-T7S5) that the generated response must carry. */
const FIRST_SEED_FACTS = [
  'IC-335210-T7S5',
  '29 October 2024',
  'your information request of 1 October 2024',
  'a copy of the requests for information to X, Meta, LinkedIn, Spotify, Microsoft, Google and OpenAI',
  'Freedom of Information Act 2000 (FOIA)',
  "Statement in response to Meta's plans to train generative AI with user data",
  "ICO statement in response to Meta's announcement on user data to train AI",
  '14 June 2024',
  '14 September 2024',
  'IC-311642-V7P8',
  'As Meta proactively contacted us there is no equivalent letter.',
  'Please find enclosed the letter sent to Microsoft.',
  'The correspondence to X does not have a second page.',
  'There is no information held with regards to Spotify',
  'section 40(2) by virtue of section 40(3)(a)(i)',
  'section 31(1)(g) for the purposes in section 31(2)(a) and (c)',
  'would, or would be likely to, prejudice the exercise by any public authority of its functions',
  'the purpose of ascertaining whether any person has failed to comply with the law',
  'regulatory action in pursuance of any enactment exist or may arise',
  'would be likely to prejudice our regulatory work',
  'Openness and transparency in the way in which the ICO engages with organisations as regulator.',
  'There is also a public interest in ensuring that organisations engage with us fully and candidly.',
  'the public interest in withholding the information outweighs the public interest in disclosing it',
  'section 44(1)(a)',
  'the Data Protection Act 2018, Part 5, section 132',
  'Section 44 is an absolute exemption',
  'no public interest test applies',
  'imposes a criminal liability on the Commissioner',
  'You can ask us to review our response.',
  'within 40 working days',
  'complain to the Information Commissioner',
  'review procedure',
  'privacy notice',
  'retention and disposal policy',
  'Information Access Team',
]

/** And of the second (IC-342993-L6W4). */
const SECOND_SEED_FACTS = [
  'IC-342993-L6W4',
  '4 December 2024',
  '8 November 2024',
  'the findings of the ICO',
  'Please also provide me with a summary of the deliberations',
  'Please find attached a copy of the outcome letter sent to the data controller',
  'this is exempt from disclosure',
  'section 31(1)(g) for the purposes in section 31(2)(a) and (c)',
  "we need a 'safe space' in which to determine what regulatory action we may choose to take",
  'increased transparency in the way in which the ICO conducts its investigations.',
  "the public interest in maintaining the ICO's ability to conduct investigations as it thinks fit; and",
  'particularly the section titled',
  'Communicating our Regulatory and Enforcement Activity Policy',
  'section 40(2) by virtue of section 40(3A)(a)',
  'Disclosure of this data would break the first principle of data protection',
  'There is no strong legitimate interest that would override the prejudice',
  'within 40 working days',
  'complain to the Information Commissioner',
  'Wycliffe House',
  'Cheshire SK9 5AF',
]

const squash = (text: string): string => text.replace(/\s+/g, ' ')

/** The letter's words as a reader gets them from each format, by an independent reader. */
const readBack = (format: LetterFormat, bytes: Buffer): string => {
  switch (format) {
    case 'html':
      return squash(load(bytes.toString('utf8')).root().text())
    case 'pdf': {
      const folder = scratchFolder()
      try {
        return flowingText(runTool('pdftotext', [folder.write('letter.pdf', bytes), '-']))
      } finally {
        folder.remove()
      }
    }
    case 'docx': {
      const xml = readZip(bytes).get('word/document.xml')?.toString('utf8') ?? ''
      const paragraphs = xml
        .split('</w:p>')
        .map((paragraph) =>
          [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1] ?? '').join(''),
        )
      return squash(
        paragraphs
          .join(' ')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      )
    }
  }
}

describeEachDialect('letters from the demonstration cases', (dialect) => {
  const database = useTestDatabase(dialect)
  let services: TestServices
  let letters: LetterService
  let operator: Actor
  let officer: Actor
  let approver: Actor

  beforeAll(async () => {
    services = buildTestServices(database())
    const loaded = await loadDemo(
      { store: services.store, clock: services.clock, calendar: defaultUkCalendar },
      { password: 'correct horse battery staple' },
    )
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
    operator = commandLineActor(loaded.value.organisation.id)
    const actorFor = async (role: 'officer' | 'approver'): Promise<Actor> => {
      const user = await services.users.findUserByEmail(operator, demoEmail(role))
      if (!user.ok) throw new Error(`no demo ${role}`)
      return {
        userId: user.value.id,
        organisationId: user.value.organisationId,
        roles: user.value.roles,
        label: user.value.displayName,
      }
    }
    officer = await actorFor('officer')
    approver = await actorFor('approver')
    letters = createLetterService({
      store: services.store,
      clock: services.clock,
      calendar: defaultUkCalendar,
      cases: services.cases,
      render: renderLetter,
    })
  }, 120_000)

  describe.each([
    ['IC-335210-T7S5', FIRST_SEED_FACTS],
    ['IC-342993-L6W4', SECOND_SEED_FACTS],
  ])('the response for %s', (reference, facts) => {
    it.each(['html', 'pdf', 'docx'] as const)('carries every fact of the seed letter as %s', async (format) => {
      const rendered = await letters.renderLetter(operator, reference, 'response', format)
      if (!rendered.ok) throw new Error(JSON.stringify(rendered.error))
      const text = readBack(format, rendered.value.bytes)
      const missing = facts.filter((fact) => !text.includes(squash(fact)))
      expect(missing).toEqual([])
    })

    it('passes the refusal-notice check (the first seed with a warning about section 40’s old wording)', async () => {
      const checked = await letters.checkCase(operator, reference)
      if (!checked.ok) throw new Error(JSON.stringify(checked.error))
      expect(checked.value.passes).toBe(true)
      expect(checked.value.findings.map((finding) => finding.rule)).toEqual(
        reference === 'IC-335210-T7S5' ? ['exemption-out-of-date'] : [],
      )
    })
  })

  it('dates the review deadline 40 working days from the letter, over Christmas and New Year', async () => {
    const drafted = await letters.draftLetter(operator, 'IC-335210-T7S5', 'response')
    if (!drafted.ok) throw new Error(JSON.stringify(drafted.error))
    // 29 October 2024 + 40 working days on FOIA's UK-wide calendar: St Andrew's Day (Monday 2 December, in lieu),
    // Christmas Day and Boxing Day are not working days, so the 40th is Friday 27 December.
    expect(drafted.value.markup).toContain('by 27 December 2024 at the latest')
  })

  /** A request being worked on, its one part withheld under section 31(1)(g) with a sound decision. */
  const openCase = async (): Promise<string> => {
    const logged = await services.cases.logRequest(officer, {
      receivedOn: '2024-11-25',
      requestText: 'The correspondence with the council about the audit.',
      parts: [{ question: 'The correspondence', outcome: 'withheld', exemptionIds: ['foia-s31-1-g'] }],
      exemptionDecisions: [
        {
          exemptionId: 'foia-s31-1-g',
          routeCodes: ['2-a'],
          prejudice: 'would',
          reasons: 'The audit is under way.',
          publicInterestTest: {
            forDisclosure: ['Openness'],
            forWithholding: ['A fair audit'],
            conclusion: 'maintain-exemption',
            decidedOn: '2024-11-29',
          },
        },
      ],
    })
    if (!logged.ok) throw new Error(JSON.stringify(logged.error))
    const reference = logged.value.case.reference
    const started = await services.cases.moveCase(officer, reference, 1, 'start-work', '2024-11-26' as never)
    if (!started.ok) throw new Error(JSON.stringify(started.error))
    return reference
  }

  it('keeps the response as it went out, which can then no longer be edited', async () => {
    const issued = await letters.draftLetter(officer, 'IC-342993-L6W4', 'response')
    expect(issued.ok && issued.value.issued).toBe(true)
    expect(issued.ok && issued.value.letter.date).toBe('4 December 2024')
    expect(await letters.editLetter(officer, 'IC-342993-L6W4', 'response', 'Changed after it went')).toMatchObject({
      ok: false,
      error: { code: 'letter-issued' },
    })
    const blind: Actor = { ...officer, roles: ['applicant-blind-officer'] }
    const unaddressed = await letters.draftLetter(blind, 'IC-342993-L6W4', 'response')
    expect(unaddressed.ok && unaddressed.value.letter.recipient).toBeNull()
  })

  it('keeps an officer’s edit, records the text before and after in the audit trail, and can throw it away', async () => {
    const reference = await openCase()
    const caseView = await services.cases.getCase(operator, reference)
    if (!caseView.ok) throw new Error('no case')
    const before = await letters.draftLetter(officer, reference, 'response')
    if (!before.ok) throw new Error(JSON.stringify(before.error))
    const edited = before.value.markup.replace('This concludes our response', 'That concludes our response')
    const saved = await letters.editLetter(officer, reference, 'response', edited)
    expect(saved.ok).toBe(true)
    const again = await letters.draftLetter(officer, reference, 'response')
    expect(again.ok && again.value.edited).toBe(true)
    expect(again.ok && again.value.markup).toContain('That concludes our response')
    const events = await services.store.read.audit.forEntity(operator.organisationId, 'case', caseView.value.case.id)
    const edit = events.find((event) => event.action === 'case.letter-edited')
    expect(edit?.payload).toContain('This concludes our response')
    expect(edit?.payload).toContain('That concludes our response')
    expect(edit?.actorId).toBe(officer.userId)

    const discarded = await letters.discardEdit(officer, reference, 'response')
    expect(discarded).toEqual({ ok: true, value: true })
    const composed = await letters.draftLetter(officer, reference, 'response')
    expect(composed.ok && composed.value.edited).toBe(false)
    expect((await verifyAuditTrail(services.store))[0]?.broken).toBeNull()
  })

  it('refuses an edit that is not text, a link that could run script, and an edit by a role that cannot change cases', async () => {
    const reference = await openCase()
    expect(await letters.editLetter(officer, reference, 'response', 42)).toMatchObject({
      ok: false,
      error: { kind: 'invalid' },
    })
    expect(
      await letters.editLetter(officer, reference, 'response', '## Next steps\n\n[click](javascript:alert(1))'),
    ).toMatchObject({ ok: false, error: { kind: 'invalid', problems: [{ field: 'text' }] } })
    const auditor: Actor = { ...officer, roles: ['auditor'] }
    expect(await letters.editLetter(auditor, reference, 'response', 'Hello')).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('will not approve a response whose edited letter lost its next steps, nor one that fails the check', async () => {
    // A fresh request, taken to approval with a decision missing its public interest test.
    const logged = await services.cases.logRequest(officer, {
      receivedOn: '2024-11-25',
      requestText: 'The board minutes for 2024.',
      assignedOfficer: { email: demoEmail('officer') },
      parts: [{ question: 'Board minutes' }],
    })
    if (!logged.ok) throw new Error(JSON.stringify(logged.error))
    const reference = logged.value.case.reference
    let version = logged.value.case.version
    const step = async (made: Promise<{ ok: boolean; value?: unknown; error?: unknown }>) => {
      const result = (await made) as { ok: true; value: { case: { version: number } } } | { ok: false; error: unknown }
      if (!result.ok) throw new Error(JSON.stringify(result.error))
      version = result.value.case.version
    }
    await step(services.cases.moveCase(officer, reference, version, 'start-work', '2024-11-26' as never))
    await step(
      services.cases.saveParts(officer, reference, version, [
        { question: 'Board minutes', outcome: 'withheld', exemptionIds: ['foia-s36-2-b-ii'] },
      ]),
    )
    await step(
      services.cases.saveDecisions(officer, reference, version, [
        {
          exemptionId: 'foia-s36-2-b-ii',
          prejudice: 'would',
          reasons: 'Members must be able to deliberate freely.',
          qualifiedPerson: {
            name: 'A Monitoring Officer',
            role: 'Monitoring Officer',
            opinionOn: '2024-11-28',
            whatTheySaw: 'the minutes and a submission',
          },
        },
      ]),
    )
    await step(services.cases.moveCase(officer, reference, version, 'submit-for-approval', '2024-11-29' as never))
    const refused = await services.cases.moveCase(approver, reference, version, 'approve', '2024-11-29' as never)
    expect(refused).toMatchObject({ ok: false, error: { kind: 'refused', code: 'refusal-notice-complete' } })
    expect(!refused.ok && refused.error.message).toContain('record the public interest test')

    const current = await services.cases.getCase(officer, reference)
    if (!current.ok) throw new Error('gone')
    version = current.value.case.version
    await step(services.cases.moveCase(approver, reference, version, 'return-for-changes', '2024-11-29' as never))
    await step(
      services.cases.saveDecisions(officer, reference, version, [
        {
          exemptionId: 'foia-s36-2-b-ii',
          prejudice: 'would',
          reasons: 'Members must be able to deliberate freely.',
          qualifiedPerson: {
            name: 'A Monitoring Officer',
            role: 'Monitoring Officer',
            opinionOn: '2024-11-28',
            whatTheySaw: 'the minutes and a submission',
          },
          publicInterestTest: {
            forDisclosure: ['Transparency of decisions'],
            forWithholding: ['A safe space to deliberate'],
            conclusion: 'maintain-exemption',
            decidedOn: '2024-11-29',
          },
        },
      ]),
    )
    const draft = await letters.draftLetter(officer, reference, 'response')
    if (!draft.ok) throw new Error(JSON.stringify(draft.error))
    const withoutNextSteps = draft.value.markup.split('## Next steps')[0] ?? ''
    expect((await letters.editLetter(officer, reference, 'response', withoutNextSteps)).ok).toBe(true)
    await step(services.cases.moveCase(officer, reference, version, 'submit-for-approval', '2024-11-29' as never))
    const stillRefused = await services.cases.moveCase(approver, reference, version, 'approve', '2024-12-02' as never)
    expect(stillRefused).toMatchObject({ ok: false, error: { code: 'refusal-notice-complete' } })
    expect(!stillRefused.ok && stillRefused.error.message).toContain('review')

    expect((await letters.discardEdit(officer, reference, 'response')).ok).toBe(true)
    await step(services.cases.moveCase(approver, reference, version, 'approve', '2024-12-02' as never))
    expect(await letters.editLetter(officer, reference, 'response', 'Changed after approval')).toMatchObject({
      ok: false,
      error: { code: 'letter-approved' },
    })
    await step(services.cases.moveCase(officer, reference, version, 'issue-response', '2024-12-02' as never))
    const issued = await letters.draftLetter(officer, reference, 'response')
    expect(issued.ok && issued.value.issued).toBe(true)
    expect(await letters.editLetter(officer, reference, 'response', 'Changed after it went')).toMatchObject({
      ok: false,
      error: { code: 'letter-issued' },
    })
  })

  it('refuses an unknown exemption id, suggesting the closest', async () => {
    const saved = await services.cases.saveDecisions(operator, 'IC-342993-L6W4', 999, [])
    expect(saved.ok).toBe(false)
    const logged = await services.cases.logRequest(officer, {
      receivedOn: '2024-11-25',
      requestText: 'Anything.',
      parts: [{ question: 'Anything', exemptionIds: ['foia-s31-1-z'] }],
    })
    expect(logged).toMatchObject({
      ok: false,
      error: { kind: 'invalid', problems: [{ field: 'parts/0/exemptionIds/0' }] },
    })
    expect(!logged.ok && logged.error.kind === 'invalid' && logged.error.problems[0]?.message).toMatch(
      /did you mean .*foia-s31-1-g/,
    )
  })

  afterAll(() => undefined)
})
