import { describe, expect, it } from 'vitest'
import type { EmailHeaders } from '../reading/document-reading.ts'
import {
  type EmailThread,
  groupEmailThreads,
  normaliseMessageId,
  normaliseSubject,
  stripSubject,
  type ThreadMessage,
} from './email-threads.ts'

const FOI = 'foi@leeds.example.gov.uk'
const REQUESTER = 'sarah.jones@example.org'

const message = (id: string, email: Partial<EmailHeaders>, text: string): ThreadMessage => ({
  id,
  email: { references: [], to: [], cc: [], ...email },
  text,
})
const to = (...addresses: string[]) => addresses.map((address) => ({ address }))
const from = (address: string) => ({ from: { address } })

const quote = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')

const REQUEST = `Dear Information Governance Team,

Please provide the number of penalty charge notices issued in each ward in 2023, by month.

Kind regards,
Sarah Jones`

const ACKNOWLEDGEMENT = `Dear Ms Jones,

We received your request on 3 March 2025 and will respond by 31 March 2025.

Information Governance Team

On Mon, 3 Mar 2025 at 09:12, Sarah Jones <${REQUESTER}> wrote:
${quote(REQUEST)}`

const THANKS = `Thank you, that is helpful. Could the figures also show the contraventions by code?

Sarah

On Tue, 4 Mar 2025 at 10:00, Information Governance <${FOI}> wrote:
${quote(ACKNOWLEDGEMENT)}`

const chain = (): [ThreadMessage, ThreadMessage, ThreadMessage] => [
  message(
    'doc-1',
    {
      messageId: '<A1@mail.example.org>',
      subject: 'Parking fines by ward',
      ...from(REQUESTER),
      to: to(FOI),
      sentAt: '2025-03-03T09:12:00Z',
    },
    REQUEST,
  ),
  message(
    'doc-2',
    {
      messageId: '<B2@leeds.example.gov.uk>',
      inReplyTo: '<A1@mail.example.org>',
      references: ['<A1@mail.example.org>'],
      subject: 'RE: Parking fines by ward',
      ...from(FOI),
      to: to(REQUESTER),
      sentAt: '2025-03-04T10:00:00Z',
    },
    ACKNOWLEDGEMENT,
  ),
  message(
    'doc-3',
    {
      messageId: '<C3@mail.example.org>',
      inReplyTo: '<B2@leeds.example.gov.uk>',
      references: ['<A1@mail.example.org>', '<B2@leeds.example.gov.uk>'],
      subject: 'Re: RE: Parking fines by ward',
      ...from(REQUESTER),
      to: to(FOI),
      sentAt: '2025-03-05T08:30:00Z',
    },
    THANKS,
  ),
]

/** Every member is reviewed (the most inclusive or also reviewed) or held by a reviewed one, never both. */
const expectEveryMemberAccountedFor = (thread: EmailThread): void => {
  const reviewed = [thread.mostInclusiveId, ...thread.alsoReviewIds]
  expect([...reviewed, ...thread.coveredBy.keys()].sort()).toEqual([...thread.memberIds].sort())
  for (const holder of thread.coveredBy.values()) expect(reviewed).toContain(holder)
  for (const id of thread.coveredIds) expect(thread.coveredBy.get(id)).toBe(thread.mostInclusiveId)
}

const threadsOf = (messages: readonly ThreadMessage[]): EmailThread[] => {
  const threads = groupEmailThreads(messages)
  threads.forEach(expectEveryMemberAccountedFor)
  return threads
}

describe('normalising headers', () => {
  it.each([
    ['Re: FOI request', 'foi request'],
    ['RE: Re: re:FOI request', 'foi request'],
    ['Fwd: FW: Fw: FOI   request', 'foi request'],
    ['AW: WG: FOI request', 'foi request'],
    ['[EXTERNAL] RE: [Secure] FW: FOI request', 'foi request'],
    ['Re[2]: FOI request', 'foi request'],
    ['  FOI request about Re: numbering ', 'foi request about re: numbering'],
    ['Re:', ''],
    ['Regarding the budget', 'regarding the budget'],
  ])('reads the subject %j as %j', (subject, normalised) => {
    expect(normaliseSubject(subject)).toBe(normalised)
  })

  it('keeps the case of a subject for display', () => {
    expect(stripSubject('RE: [EXTERNAL] Parking Fines')).toBe('Parking Fines')
  })

  it('compares Message-IDs without spaces, angle brackets or case', () => {
    expect(normaliseMessageId(' <ABC.123@Mail.Example.org> ')).toBe('abc.123@mail.example.org')
    expect(normaliseMessageId('abc.123@mail.example.org')).toBe('abc.123@mail.example.org')
  })
})

describe('groupEmailThreads', () => {
  it('threads a chain of three replies, each quoting the last, and reviews the last', () => {
    const [thread, ...others] = threadsOf(chain())
    expect(others).toEqual([])
    expect(thread).toMatchObject({
      threadId: 'message:a1@mail.example.org',
      subject: 'Parking fines by ward',
      memberIds: ['doc-1', 'doc-2', 'doc-3'],
      mostInclusiveId: 'doc-3',
      coveredIds: ['doc-1', 'doc-2'],
      alsoReviewIds: [],
    })
  })

  it('threads the chain whatever the order of the messages, and with the same thread id', () => {
    const forwards = groupEmailThreads(chain())
    expect(groupEmailThreads([...chain()].reverse())).toEqual(forwards)
    expect(groupEmailThreads(chain().slice(1))[0]?.threadId).toBe(forwards[0]?.threadId)
  })

  it('reviews both leaves of a branch: two replies to one message', () => {
    const [request, acknowledgement] = chain()
    const colleague = message(
      'doc-4',
      {
        messageId: '<D4@leeds.example.gov.uk>',
        inReplyTo: '<A1@mail.example.org>',
        references: ['<A1@mail.example.org>'],
        subject: 'FW: Parking fines by ward',
        ...from(FOI),
        to: to('parking.services@leeds.example.gov.uk'),
        sentAt: '2025-03-03T11:00:00Z',
      },
      `Could you send me the figures for this by Friday, please?\n\n-----Original Message-----\nFrom: Sarah Jones <${REQUESTER}>\nSent: 03 March 2025 09:12\nTo: ${FOI}\nSubject: Parking fines by ward\n\n${REQUEST}`,
    )
    const [thread, ...others] = threadsOf([request, acknowledgement, colleague])
    expect(others).toEqual([])
    expect(thread?.memberIds).toEqual(['doc-1', 'doc-4', 'doc-2'])
    expect(thread?.mostInclusiveId).toBe('doc-2')
    expect(thread?.coveredIds).toEqual(['doc-1'])
    expect(thread?.alsoReviewIds).toEqual(['doc-4'])
    expect(thread?.coveredBy.get('doc-1')).toBe('doc-2')
  })

  it('reviews the end of each branch only, not every message in it', () => {
    const [request, acknowledgement, thanks] = chain()
    const internal = (id: string, parent: string, time: string, text: string) =>
      message(
        id,
        {
          messageId: `<${id}@leeds.example.gov.uk>`,
          inReplyTo: `<${parent}>`,
          references: ['<A1@mail.example.org>', `<${parent}>`],
          subject: 'FW: Parking fines by ward',
          ...from(FOI),
          to: to('parking.services@leeds.example.gov.uk'),
          sentAt: time,
        },
        text,
      )
    const forward = internal(
      'doc-4',
      'A1@mail.example.org',
      '2025-03-03T11:00:00Z',
      `Figures please.\n\n${quote(REQUEST)}`,
    )
    const reply = internal(
      'doc-5',
      'doc-4@leeds.example.gov.uk',
      '2025-03-03T15:00:00Z',
      `Attached, with the ward names as the council uses them.\n\n${quote(`Figures please.\n\n${quote(REQUEST)}`)}`,
    )
    const [thread] = threadsOf([request, acknowledgement, thanks, forward, reply])
    expect(thread?.mostInclusiveId).toBe('doc-3')
    expect(thread?.coveredIds).toEqual(['doc-1', 'doc-2'])
    expect(thread?.alsoReviewIds).toEqual(['doc-5'])
    expect(thread?.coveredBy.get('doc-4')).toBe('doc-5')
  })

  it('reviews a reply that adds one line to a full quotation, even when a sibling quotes the same parent', () => {
    const [request] = chain()
    const reply = (id: string, time: string, own: string) =>
      message(
        id,
        {
          messageId: `<${id}@leeds.example.gov.uk>`,
          inReplyTo: '<A1@mail.example.org>',
          references: [],
          subject: 'Re: Parking fines by ward',
          ...from(FOI),
          to: to('legal@leeds.example.gov.uk'),
          sentAt: time,
        },
        `${own}\n\n${quote(REQUEST)}`,
      )
    const [thread] = threadsOf([
      request,
      reply('doc-2', '2025-03-03T10:00:00Z', 'Withhold the officers’ names.'),
      reply('doc-3', '2025-03-03T11:00:00Z', 'Release everything.'),
    ])
    expect(thread?.mostInclusiveId).toBe('doc-3')
    expect(thread?.alsoReviewIds).toEqual(['doc-2'])
  })

  it('finds a message quoted as Outlook quotes it: below its headers, without markers', () => {
    const [request] = chain()
    const forward = message(
      'doc-2',
      { messageId: '<f2@leeds.example.gov.uk>', subject: 'FW: Parking fines by ward', ...from(FOI), to: to(FOI) },
      `For logging, please.\n\n________________________________\nFrom: Sarah Jones <${REQUESTER}>\nSent: 03 March 2025 09:12\nTo: ${FOI}\nSubject: Parking fines by ward\n\n${REQUEST}`,
    )
    expect(threadsOf([request, forward])[0]).toMatchObject({ mostInclusiveId: 'doc-2', coveredIds: ['doc-1'] })
  })

  it('finds quoted text that was re-wrapped when it was quoted', () => {
    const original = message(
      'doc-1',
      { messageId: '<x1@example.org>', subject: 'Budget', ...from(REQUESTER), to: to(FOI) },
      'Please send me the budget for the highways maintenance contract for each of the last three financial years.',
    )
    const reply = message(
      'doc-2',
      { messageId: '<x2@example.org>', inReplyTo: '<x1@example.org>', subject: 'Re: Budget', ...from(FOI) },
      'Attached.\n\n> Please send me the budget for the highways maintenance\n> contract for each of the last three\n> financial years.',
    )
    expect(threadsOf([original, reply])[0]).toMatchObject({ mostInclusiveId: 'doc-2', coveredIds: ['doc-1'] })
  })

  describe('joining by subject, when a message names no parent', () => {
    const original = message(
      'doc-1',
      { subject: 'FOI request', ...from(REQUESTER), to: to(FOI), sentAt: '2025-03-03T09:00:00Z' },
      REQUEST,
    )

    it('joins a reply whose client dropped the headers to the message with its subject and correspondents', () => {
      const reply = message(
        'doc-2',
        { subject: 'RE: [EXTERNAL] FOI request', ...from(FOI), to: to(REQUESTER), sentAt: '2025-03-04T09:00:00Z' },
        ACKNOWLEDGEMENT,
      )
      const threads = threadsOf([original, reply])
      expect(threads).toHaveLength(1)
      expect(threads[0]).toMatchObject({ threadId: 'document:doc-1', subject: 'FOI request', mostInclusiveId: 'doc-2' })
    })

    it('does not join messages of the same subject between other people', () => {
      const other = message(
        'doc-2',
        { subject: 'FOI request', ...from('a.patel@example.net'), to: to('foi@york.example.gov.uk') },
        'Please tell me how many staff the council employs.',
      )
      expect(threadsOf([original, other]).map((thread) => thread.memberIds)).toEqual([['doc-2'], ['doc-1']])
    })

    it('does not join two requesters’ messages of the same subject to the same FOI mailbox', () => {
      const other = message(
        'doc-2',
        { subject: 'Fwd: FOI request', ...from('a.patel@example.net'), to: to(FOI), sentAt: '2025-03-03T10:00:00Z' },
        'Please tell me how many staff the council employs.',
      )
      const reply = message(
        'doc-3',
        { subject: 'Re: FOI request', ...from(FOI), to: to('a.patel@example.net'), sentAt: '2025-03-04T10:00:00Z' },
        'We received your request.',
      )
      expect(threadsOf([original, other, reply]).map((thread) => thread.memberIds)).toEqual([
        ['doc-1'],
        ['doc-2', 'doc-3'],
      ])
    })

    it('does not join messages by subject when both name their parents', () => {
      const reply = (id: string, parent: string, sender: string) =>
        message(id, { subject: 'Re: FOI request', inReplyTo: parent, ...from(sender), to: to(FOI) }, 'Thank you.')
      expect(
        threadsOf([reply('doc-1', '<p@example.org>', REQUESTER), reply('doc-2', '<q@example.org>', REQUESTER)]),
      ).toHaveLength(2)
    })
  })

  it('keeps a message with no subject and no ids on its own, and threads what ids it has', () => {
    const bare = message('doc-1', { ...from(REQUESTER), to: to(FOI) }, REQUEST)
    const bareToo = message('doc-2', { ...from(REQUESTER), to: to(FOI) }, REQUEST)
    const orphan = message('doc-3', { inReplyTo: '<never-collected@example.org>' }, 'Yes.')
    const sibling = message('doc-4', { references: ['<NEVER-COLLECTED@example.org>'] }, 'No.')
    const threads = threadsOf([bare, bareToo, orphan, sibling])
    expect(threads.map((thread) => thread.memberIds)).toEqual([['doc-1'], ['doc-2'], ['doc-3', 'doc-4']])
    expect(threads[0]).toMatchObject({ threadId: 'document:doc-1', subject: '', mostInclusiveId: 'doc-1' })
    expect(threads[2]?.threadId).toBe('message:never-collected@example.org')
    expect([threads[2]?.mostInclusiveId, ...(threads[2]?.alsoReviewIds ?? [])].sort()).toEqual(['doc-3', 'doc-4'])
  })

  it('orders members by the date sent, undated first, then by id', () => {
    const [request, acknowledgement, thanks] = chain()
    const { sentAt: _sentAt, ...undatedHeaders } = request.email
    const undated = { ...request, email: undatedHeaders }
    const sameTime = { ...thanks, id: 'doc-0', email: { ...thanks.email, messageId: '<other@x>' } }
    const [thread] = threadsOf([thanks, acknowledgement, sameTime, undated])
    expect(thread?.memberIds).toEqual(['doc-1', 'doc-2', 'doc-0', 'doc-3'])
  })

  it('treats copies of one email from two custodians as one message', () => {
    const [request, acknowledgement, thanks] = chain()
    const copy = { ...thanks, id: 'doc-3-copy', email: { ...thanks.email, messageId: ' <c3@MAIL.example.org>' } }
    const [thread, ...others] = threadsOf([request, acknowledgement, thanks, copy])
    expect(others).toEqual([])
    expect(thread?.memberIds).toEqual(['doc-1', 'doc-2', 'doc-3', 'doc-3-copy'])
    expect(thread?.mostInclusiveId).toBe('doc-3')
    expect(thread?.coveredIds).toEqual(['doc-1', 'doc-2', 'doc-3-copy'])
    expect(thread?.alsoReviewIds).toEqual([])
  })

  it('reviews one copy of a duplicated branch leaf, not both', () => {
    const [request, acknowledgement] = chain()
    const leaf = message(
      'doc-4',
      {
        messageId: '<D4@leeds.example.gov.uk>',
        inReplyTo: '<A1@mail.example.org>',
        subject: 'FW: Parking fines by ward',
        ...from(FOI),
        sentAt: '2025-03-03T11:00:00Z',
      },
      `Figures by Friday, please.\n\n${quote(REQUEST)}`,
    )
    // The custodian's copy came through a gateway that added a footer.
    const copy = { ...leaf, id: 'doc-5', text: `${leaf.text}\n\nThis email has been scanned for viruses.` }
    const [thread] = threadsOf([request, acknowledgement, leaf, copy])
    expect(thread?.mostInclusiveId).toBe('doc-2')
    expect(thread?.alsoReviewIds).toHaveLength(1)
    expect(thread?.coveredBy.get(thread.alsoReviewIds[0] === 'doc-4' ? 'doc-5' : 'doc-4')).toBe(
      thread?.alsoReviewIds[0],
    )
  })

  it('refuses two messages with the same document id', () => {
    const [request] = chain()
    expect(() => groupEmailThreads([request, request])).toThrow(/same document id/)
  })
})
