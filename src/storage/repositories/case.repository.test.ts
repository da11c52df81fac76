import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { describeEachDialect, useTestDatabase } from '../../../test/database.ts'
import { isIsoDate, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import { STANDARD_CLOCK, type Case } from '../../domain/case/case.ts'
import { EMPTY_LETTER_SETTINGS, type Organisation } from '../../domain/case/organisation.ts'
import type { Requester } from '../../domain/case/requester.ts'
import { createStore, type Store } from '../store.ts'

const iso = (text: string): IsoDate => {
  if (!isIsoDate(text)) throw new Error(`not a date: ${text}`)
  return text
}

const NOW = '2024-12-04T10:00:00.000Z'

let referenceCount = 0
const nextReference = (): string => {
  referenceCount += 1
  return `REPO-${String(referenceCount).padStart(6, '0')}-${randomUUID().slice(0, 4).toUpperCase()}`
}

/** A plain case; tests override what they need. */
const aCase = (organisationId: string, overrides: Partial<Case> = {}): Case => ({
  id: randomUUID(),
  organisationId,
  reference: nextReference(),
  kind: 'request',
  regime: 'foia',
  state: 'received',
  receivedOn: iso('2024-11-08'),
  channel: 'email',
  requestText: 'A synthetic request.',
  requesterId: null,
  assignedOfficerId: null,
  team: null,
  clock: STANDARD_CLOCK,
  parts: [],
  links: [],
  exemptionDecisions: [],
  respondedOn: null,
  closedOn: null,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
  ...overrides,
})

describeEachDialect('the case repository', (dialect) => {
  const database = useTestDatabase(dialect)
  let store: Store

  const addOrganisation = async (): Promise<Organisation> => {
    const organisation: Organisation = {
      id: randomUUID(),
      slug: `repository-${randomUUID().slice(0, 8)}`,
      name: 'Repository Test Authority',
      nation: 'england-and-wales',
      defaultRegime: 'foia',
      referencePattern: 'IC-######-@#@#',
      govUkBranding: false,
      letters: EMPTY_LETTER_SETTINGS,
    }
    await store.read.organisations.insert(organisation, NOW)
    return organisation
  }

  const addOfficer = async (organisation: Organisation): Promise<string> => {
    const id = randomUUID()
    await store.read.users.insert({
      id,
      organisationId: organisation.id,
      email: `officer-${id}@example.org`,
      displayName: 'Synthetic Officer',
      passwordHash: null,
      roles: ['officer'],
      team: null,
      disabledAt: null,
      createdAt: NOW,
    })
    return id
  }

  const addRequester = async (organisation: Organisation, name = 'Siân Synthetic'): Promise<Requester> => {
    const requester: Requester = {
      id: randomUUID(),
      name,
      email: 'sian.synthetic@example.com',
      postalAddress: '1 Ffordd Ffug\nCaerdydd\nCF10 1AA',
      type: 'campaign-group',
      erasedAt: null,
    }
    await store.read.cases.insertRequester(organisation.id, requester, NOW)
    return requester
  }

  beforeAll(() => {
    store = createStore(database())
  })

  describe('saving and reading a case', () => {
    it('reads back every field it saved, including the parts, links, clock and unusual text', async () => {
      const organisation = await addOrganisation()
      const officerId = await addOfficer(organisation)
      const requester = await addRequester(organisation)
      const subject = aCase(organisation.id, {
        kind: 'internal-review',
        regime: 'eir',
        state: 'awaiting-approval',
        channel: 'phone',
        requestText:
          'Cais am wybodaeth: Ŵyl, café, 東京, 😀, “curly” and "straight" quotes, back\\slash, 100% _under_\nsecond line',
        requesterId: requester.id,
        assignedOfficerId: officerId,
        team: 'Tîm Gwybodaeth',
        clock: {
          events: [
            { type: 'clarification-requested', on: iso('2024-11-12') },
            { type: 'clarification-received', on: iso('2024-11-20') },
            { type: 'extended', extension: 'public-interest', until: iso('2025-01-31') },
          ],
          timeForCompliance: 'school',
          schoolClosures: [{ from: iso('2024-12-23'), to: iso('2025-01-03') }],
        },
        parts: [
          {
            id: randomUUID(),
            position: 1,
            question: 'Meta',
            outcome: 'already-published',
            publishedLinks: [
              { title: 'Correspondence log', url: 'https://example.org/log?a=1&b=2', publishedOn: '2024-06-01' },
            ],
            disclosureLogReference: null,
            transferredTo: null,
            exemptionIds: [],
            documentIds: ['document-1', 'document-2'],
            explanation: 'As Meta proactively contacted us there is no equivalent letter.',
          },
          {
            id: randomUUID(),
            position: 2,
            question: 'Internal deliberations',
            outcome: 'withheld',
            publishedLinks: [],
            disclosureLogReference: null,
            transferredTo: null,
            exemptionIds: ['foia-s36-2-b-ii', 'foia-s40-2'],
            documentIds: [],
            explanation: '',
          },
          {
            id: randomUUID(),
            position: 3,
            question: 'Earlier release',
            outcome: 'released-before',
            publishedLinks: [],
            disclosureLogReference: 'IC-311642-V7P8',
            transferredTo: null,
            exemptionIds: [],
            documentIds: [],
            explanation: 'See the disclosure log.',
          },
          {
            id: randomUUID(),
            position: 4,
            question: 'Undecided',
            outcome: null,
            publishedLinks: [],
            disclosureLogReference: null,
            transferredTo: 'Another synthetic council',
            exemptionIds: [],
            documentIds: [],
            explanation: '',
          },
        ],
        links: [
          { kind: 'review-of', reference: 'IC-335210-T7S5', note: 'The original request' },
          { kind: 'previous-release', reference: 'IC-311642-V7P8', note: '' },
        ],
        respondedOn: iso('2024-12-03'),
        closedOn: iso('2024-12-04'),
        version: 7,
        createdAt: '2024-11-08T09:15:00.000Z',
        updatedAt: '2024-12-03T16:45:00.123Z',
      })
      await store.read.cases.insert(subject, officerId)

      const expected = { ...subject, submittedBy: officerId }
      expect(await store.read.cases.findById(organisation.id, subject.id)).toEqual(expected)
      expect(await store.read.cases.findByReference(organisation.id, subject.reference)).toEqual(expected)
      expect(await store.read.cases.findRequester(organisation.id, requester.id)).toEqual(requester)
    })

    it('does not find a case, or its requester, from another organisation', async () => {
      const ours = await addOrganisation()
      const theirs = await addOrganisation()
      const requester = await addRequester(ours)
      const subject = aCase(ours.id, { requesterId: requester.id })
      await store.read.cases.insert(subject)
      expect(await store.read.cases.findById(theirs.id, subject.id)).toBeUndefined()
      expect(await store.read.cases.findByReference(theirs.id, subject.reference)).toBeUndefined()
      expect(await store.read.cases.findRequester(theirs.id, requester.id)).toBeUndefined()
      expect(await store.read.cases.count(theirs.id)).toBe(0)
      // References are unique across the installation, so any organisation sees that one is taken.
      expect(await store.read.cases.referenceTaken(subject.reference)).toBe(true)
      expect(await store.read.cases.referenceTaken(nextReference())).toBe(false)
    })

    it('refuses a second case with a reference already used', async () => {
      const organisation = await addOrganisation()
      const subject = aCase(organisation.id)
      await store.read.cases.insert(subject)
      await expect(store.read.cases.insert(aCase(organisation.id, { reference: subject.reference }))).rejects.toThrow()
      expect(await store.read.cases.count(organisation.id)).toBe(1)
    })

    it('updates a case saved at the version expected, replacing its parts and links', async () => {
      const organisation = await addOrganisation()
      const subject = aCase(organisation.id, {
        parts: [
          {
            id: randomUUID(),
            position: 1,
            question: 'First',
            outcome: null,
            publishedLinks: [],
            disclosureLogReference: null,
            transferredTo: null,
            exemptionIds: [],
            documentIds: [],
            explanation: '',
          },
        ],
        links: [{ kind: 'related', reference: 'IC-000001-A1A1', note: '' }],
      })
      await store.read.cases.insert(subject)
      const changed: Case = {
        ...subject,
        state: 'in-progress',
        parts: [{ ...(subject.parts[0] as Case['parts'][number]), question: 'First, reworded', outcome: 'not-held' }],
        links: [],
        version: 2,
        updatedAt: '2024-12-04T11:00:00.000Z',
      }
      expect(await store.read.cases.update(changed, 1, 'someone')).toBe(true)
      expect(await store.read.cases.findById(organisation.id, subject.id)).toEqual({
        ...changed,
        submittedBy: 'someone',
      })
    })

    it('saves nothing, parts included, when the case has moved on since the version expected', async () => {
      const organisation = await addOrganisation()
      const subject = aCase(organisation.id, { version: 3 })
      await store.read.cases.insert(subject)
      const stale: Case = {
        ...subject,
        requestText: 'Overwritten',
        links: [{ kind: 'related', reference: 'IC-000002-B2B2', note: '' }],
        version: 3,
      }
      expect(await store.read.cases.update(stale, 2, null)).toBe(false)
      expect(await store.read.cases.findById(organisation.id, subject.id)).toEqual({ ...subject, submittedBy: null })
    })

    it('does not update a case through another organisation', async () => {
      const ours = await addOrganisation()
      const theirs = await addOrganisation()
      const subject = aCase(ours.id)
      await store.read.cases.insert(subject)
      expect(await store.read.cases.update({ ...subject, organisationId: theirs.id, version: 2 }, 1, null)).toBe(false)
      expect((await store.read.cases.findById(ours.id, subject.id))?.version).toBe(1)
    })

    it('updates and erases a requester, within the organisation', async () => {
      const organisation = await addOrganisation()
      const requester = await addRequester(organisation)
      const erased: Requester = { ...requester, name: '', email: null, postalAddress: null, erasedAt: NOW }
      await store.read.cases.updateRequester(organisation.id, erased)
      expect(await store.read.cases.findRequester(organisation.id, requester.id)).toEqual(erased)
    })
  })

  describe('listing cases', () => {
    let organisation: Organisation
    let officerA: string
    let officerB: string
    let requester: Requester
    const cases: Record<string, Case> = {}

    const references = (listed: readonly { reference: string }[]): string[] => listed.map((c) => c.reference)
    const list = async (filter: Parameters<Store['read']['cases']['list']>[1]) =>
      references(await store.read.cases.list(organisation.id, filter))
    const ref = (name: string): string => cases[name]?.reference ?? `missing ${name}`

    beforeAll(async () => {
      organisation = await addOrganisation()
      officerA = await addOfficer(organisation)
      officerB = await addOfficer(organisation)
      requester = await addRequester(organisation)
      const add = async (name: string, overrides: Partial<Case>) => {
        const subject = aCase(organisation.id, overrides)
        cases[name] = subject
        await store.read.cases.insert(subject)
      }
      await add('percent', {
        receivedOn: iso('2024-10-01'),
        assignedOfficerId: officerA,
        team: 'Parks',
        requestText: 'What is 100% of the parks budget?',
      })
      await add('underscore', {
        state: 'in-progress',
        receivedOn: iso('2024-10-15'),
        assignedOfficerId: officerB,
        requestText: 'The report called file_name, please.',
      })
      await add('no underscore', {
        state: 'closed',
        receivedOn: iso('2024-11-08'),
        assignedOfficerId: officerA,
        requestText: 'A FILENAME LIST in capitals.',
        requesterId: requester.id,
      })
      await add('backslash', {
        state: 'awaiting-approval',
        kind: 'internal-review',
        regime: 'eir',
        receivedOn: iso('2024-11-20'),
        requestText: 'The folder C:\\reports\\2024.',
        links: [{ kind: 'review-of', reference: cases['percent']?.reference ?? '', note: '' }],
      })
      await add('long', {
        state: 'withdrawn',
        receivedOn: iso('2024-12-02'),
        requestText: `${'Long request text. '.repeat(30)}The end.`,
      })
      // Another organisation's case, with words that every search below would match.
      const other = await addOrganisation()
      await store.read.cases.insert(
        aCase(other.id, { requestText: '100% file_name FILENAME C:\\reports', receivedOn: iso('2024-11-01') }),
      )
    })

    it('lists only the organisation’s own cases, newest first', async () => {
      expect(await list({})).toEqual([
        ref('long'),
        ref('backslash'),
        ref('no underscore'),
        ref('underscore'),
        ref('percent'),
      ])
      expect(await store.read.cases.count(organisation.id)).toBe(5)
      expect(typeof (await store.read.cases.count(organisation.id))).toBe('number')
    })

    it('narrows by state, kind, regime, officer, team and requester', async () => {
      expect(await list({ states: ['received', 'in-progress'] })).toEqual([ref('underscore'), ref('percent')])
      expect(await list({ states: [] })).toEqual([])
      expect(await list({ kinds: ['internal-review'] })).toEqual([ref('backslash')])
      expect(await list({ regimes: ['eir'] })).toEqual([ref('backslash')])
      expect(await list({ assignedOfficerId: officerA })).toEqual([ref('no underscore'), ref('percent')])
      expect(await list({ assignedOfficerId: officerA, states: ['closed'] })).toEqual([ref('no underscore')])
      expect(await list({ team: 'Parks' })).toEqual([ref('percent')])
      expect(await list({ requesterId: requester.id })).toEqual([ref('no underscore')])
    })

    it('narrows by date of receipt, both ends included', async () => {
      expect(await list({ receivedFrom: iso('2024-10-15'), receivedTo: iso('2024-11-20') })).toEqual([
        ref('backslash'),
        ref('no underscore'),
        ref('underscore'),
      ])
      expect(await list({ receivedFrom: iso('2024-12-02') })).toEqual([ref('long')])
      expect(await list({ receivedTo: iso('2024-10-01') })).toEqual([ref('percent')])
    })

    it('searches the request text without regard to case, taking % _ and \\ literally', async () => {
      expect(await list({ text: '%' })).toEqual([ref('percent')])
      expect(await list({ text: '_' })).toEqual([ref('underscore')])
      expect(await list({ text: 'file_name' })).toEqual([ref('underscore')])
      expect(await list({ text: 'filename' })).toEqual([ref('no underscore')])
      expect(await list({ text: 'FILE' })).toEqual([ref('no underscore'), ref('underscore')])
      expect(await list({ text: '\\reports\\' })).toEqual([ref('backslash')])
      expect(await list({ text: '  parks budget  ' })).toEqual([ref('percent')])
      expect(await list({ text: 'nothing matches this' })).toEqual([])
    })

    it('searches without regard to case in accented letters too, as Welsh needs', async () => {
      const own = await addOrganisation()
      const subject = aCase(own.id, { requestText: 'GŴYL DDEWI and the ÉCOLE in Âber' })
      await store.read.cases.insert(subject)
      for (const text of ['gŵyl', 'école', 'âber', 'GŴYL']) {
        expect({ text, found: references(await store.read.cases.list(own.id, { text })) }).toEqual({
          text,
          found: [subject.reference],
        })
      }
    })

    it('finds a case by its reference, typed in any case', async () => {
      expect(await list({ text: ref('underscore').toLowerCase() })).toEqual([ref('underscore')])
    })

    it('pages through the list', async () => {
      expect(await list({ limit: 2 })).toEqual([ref('long'), ref('backslash')])
      expect(await list({ limit: 2, offset: 2 })).toEqual([ref('no underscore'), ref('underscore')])
      expect(await list({ limit: 2, offset: 4 })).toEqual([ref('percent')])
    })

    it('gives the first 300 characters of the request text, and no parts or links', async () => {
      const [long] = await store.read.cases.list(organisation.id, { states: ['withdrawn'] })
      expect(long?.requestText).toBe(cases['long']?.requestText.slice(0, 300))
      expect(long).not.toHaveProperty('parts')
      expect(long).toMatchObject({ version: 1, clock: STANDARD_CLOCK, receivedOn: '2024-12-02' })
    })

    it('finds the cases that link to a reference', async () => {
      expect(await store.read.cases.findLinkedTo(organisation.id, ref('percent'))).toEqual([
        { reference: ref('backslash'), kind: 'review-of' },
      ])
      expect(await store.read.cases.findLinkedTo(organisation.id, ref('long'))).toEqual([])
    })
  })
})
