/**
 * Email threads, so that a conversation is reviewed once, at its most inclusive message: the reply that quotes all
 * that came before it. Messages are joined as JWZ's threading joins them, simplified: by Message-ID, In-Reply-To and
 * References, then a message that names no parent (a client dropped the headers; a forward) by its subject, when it
 * shares correspondents with a message of that subject. Within a thread, the message that contains the most others
 * is the one to review; any member it does not contain (the last message of another branch) is reviewed too.
 *
 * Nothing here logs or keeps text: it returns ids.
 */

import type { EmailHeaders, MailAddress } from '../reading/document-reading.ts'
import { createDisjointSets } from './disjoint-sets.ts'

export interface ThreadMessage {
  /** The document's id. */
  readonly id: string
  readonly email: EmailHeaders
  /** The message's body as text, quoted replies included. */
  readonly text: string
}

export interface EmailThread {
  /**
   * Stable as messages arrive: `message:` and the root Message-ID (the first of References, else In-Reply-To, else
   * the Message-ID, of the earliest member that has one), or `document:` and the smallest member id when no member
   * has any Message-ID.
   */
  readonly threadId: string
  /** The earliest member's subject without its Re:/Fwd: prefixes and bracket tags; '' when none has one. */
  readonly subject: string
  /** Every member, by date sent (undated first), then by id. */
  readonly memberIds: readonly string[]
  /**
   * The message to review: the one that contains the most other messages (copies of one email counted once); ties to
   * the latest sent, then the longest text, then the smallest id.
   */
  readonly mostInclusiveId: string
  /** The members it contains (by the order of `memberIds`). */
  readonly coveredIds: readonly string[]
  /**
   * Members it does not contain, which must be reviewed as well: the leaves of other branches, chosen the same way
   * (each contains the most of what is left). Empty for a single chain.
   */
  readonly alsoReviewIds: readonly string[]
  /** For every member not to be reviewed itself, the reviewed message (most inclusive or also-reviewed) holding it. */
  readonly coveredBy: ReadonlyMap<string, string>
}

// ---------------------------------------------------------------------------------------------------------------
// Headers.

/** A Message-ID as compared: trimmed, without its angle brackets, lower case. */
export const normaliseMessageId = (id: string): string =>
  id
    .trim()
    .replace(/^<+|>+$/g, '')
    .trim()
    .toLowerCase()

/** The Message-IDs in a header value: its `<…>` parts if it has any (some readers give the whole header), else its words. */
const messageIds = (value: string | undefined): string[] => {
  if (value === undefined) return []
  const bracketed = [...value.matchAll(/<([^<>]*)>/g)].map((match) => match[1] ?? '')
  const raw = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/)
  return raw.map(normaliseMessageId).filter((id) => id !== '')
}

/** Leading reply and forward markers in English, German, Dutch and Scandinavian clients ("Re[2]:" too), and tags. */
const SUBJECT_PREFIX = /^\s*(?:(?:re|fwd?|aw|wg|sv|vs|antw|doorst)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[[^\]]*\])\s*/i

/**
 * A subject as read: any number of leading Re:, RE:, Fwd:, FW:, AW: … and bracket tags ("[EXTERNAL]") stripped,
 * white space collapsed. Case is kept; compare with `normaliseSubject`.
 */
export const stripSubject = (subject: string): string => {
  let rest = subject
  for (let previous = ''; previous !== rest;) {
    previous = rest
    rest = rest.replace(SUBJECT_PREFIX, '')
  }
  return rest.replace(/\s+/g, ' ').trim()
}

/** A subject as compared: stripped, lower case. */
export const normaliseSubject = (subject: string): string => stripSubject(subject).toLowerCase()

const addressOf = (mailbox: MailAddress | undefined): string[] => {
  const address = mailbox?.address?.trim().toLowerCase()
  return address === undefined || address === '' ? [] : [address]
}

const participantsOf = (email: EmailHeaders): Set<string> =>
  new Set([...addressOf(email.from), ...email.to.flatMap(addressOf), ...email.cc.flatMap(addressOf)])

/**
 * Whether two messages of the same subject are between the same people. One shared address is not enough: the
 * organisation's own FOI mailbox is in nearly every message, and two requesters who both wrote "FOI request" to it
 * are two threads. So they must share two addresses, or every address one of them has (a message with only a sender).
 */
const shareCorrespondents = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => {
  let shared = 0
  for (const address of a) if (b.has(address)) shared += 1
  return shared >= 2 || (shared >= 1 && (shared === a.size || shared === b.size))
}

const timeOf = (email: EmailHeaders): number => {
  const time = email.sentAt === undefined ? Number.NaN : Date.parse(email.sentAt)
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time
}

const compare = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0)

// ---------------------------------------------------------------------------------------------------------------
// Bodies.

/** Lines that introduce quoted text or carry a quoted message's headers: ignored when a body's lines are counted. */
const HEADER_LINE =
  /^(?:(?:from|sent|to|cc|bcc|subject|date|reply-to|importance|attachments)\s*:|on .{0,300}wrote:$|-{2,}\s*(?:original|forwarded) message\s*-{2,}$|begin forwarded message:?$|_{8,}$)/

/** Lines after which the rest is a quoted message without `>` markers (Outlook and forwards). */
const QUOTE_BLOCK = /^(?:from\s*:|-{2,}\s*(?:original|forwarded) message|begin forwarded message|_{8,}$)/

/** Below this length a line must match a whole line of the other message, not merely appear in it ("no", "thanks"). */
const SHORT_LINE = 20

/** How much of a message another must hold to cover it. */
const COVERAGE = 0.8

interface Body {
  /** The normalised lines that count: not blank, not header lines; quote markers removed. */
  readonly lines: readonly string[]
  /** Which of those lines the message wrote itself (before any quote: not `>`-marked, not after a quote block). */
  readonly own: readonly boolean[]
  readonly ownCount: number
  /** Every normalised line of the text, for exact matches. */
  readonly lineSet: ReadonlySet<string>
  /** The whole normalised text on one line, with a space at each end, for lines re-wrapped when quoted. */
  readonly flowing: string
}

const readBody = (text: string): Body => {
  const lines: string[] = []
  const own: boolean[] = []
  const all: string[] = []
  let inQuoteBlock = false
  let ownCount = 0
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const quoted = /^\s*>/.test(raw)
    const line = raw
      .replace(/^(?:\s*>)+/, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
    if (line === '') continue
    all.push(line)
    if (!quoted && QUOTE_BLOCK.test(line)) inQuoteBlock = true
    if (HEADER_LINE.test(line)) continue
    const mine = !quoted && !inQuoteBlock
    lines.push(line)
    own.push(mine)
    if (mine) ownCount += 1
  }
  return { lines, own, ownCount, lineSet: new Set(all), flowing: ` ${all.join(' ')} ` }
}

const appearsIn = (line: string, body: Body): boolean =>
  body.lineSet.has(line) || (line.length >= SHORT_LINE && body.flowing.includes(` ${line} `))

/**
 * Whether `holder` contains `member`: at least 80 % of the member's lines appear in the holder's text, and at least
 * 80 % of the lines it wrote itself. The second test keeps a reply that quotes its parent in full and adds one line
 * ("please withhold the names") from counting as covered by a sibling that quotes the same parent. A member with no
 * lines is covered by anything.
 */
const covers = (holder: Body, member: Body): boolean => {
  const missesAllowed = member.lines.length - Math.ceil(COVERAGE * member.lines.length)
  const ownMissesAllowed = member.ownCount - Math.ceil(COVERAGE * member.ownCount)
  let misses = 0
  let ownMisses = 0
  for (let index = 0; index < member.lines.length; index += 1) {
    if (appearsIn(member.lines[index] ?? '', holder)) continue
    misses += 1
    if (member.own[index] === true) ownMisses += 1
    if (misses > missesAllowed || ownMisses > ownMissesAllowed) return false
  }
  return true
}

// ---------------------------------------------------------------------------------------------------------------
// Threads.

interface Member {
  readonly message: ThreadMessage
  readonly time: number
  readonly messageId: string | undefined
  readonly root: string | undefined
}

const byDate = (a: Member, b: Member): number => compare(a.time, b.time) || compare(a.message.id, b.message.id)

/** For one thread's members, by date: the most inclusive, the others to review, and what each reviewed one holds. */
const chooseReviews = (
  members: readonly Member[],
): Pick<EmailThread, 'mostInclusiveId' | 'coveredIds' | 'alsoReviewIds' | 'coveredBy'> => {
  const bodies = members.map((member) => readBody(member.message.text))
  const holds = members.map((holder, h) =>
    members.map(
      (member, m) =>
        h !== m &&
        ((holder.messageId !== undefined && holder.messageId === member.messageId) ||
          covers(bodies[h] as Body, bodies[m] as Body)),
    ),
  )
  // Copies of one email count once, and a message's own copies not at all.
  const keys = members.map((member, index): string | number => member.messageId ?? index)
  const countMessages = (held: readonly number[], holder: number): number =>
    new Set(held.map((m) => keys[m]).filter((key) => key !== keys[holder])).size
  // Repeatedly, the one holding the most other messages of what is left; ties to the latest sent, then the longest
  // text, then the smallest id.
  const coveredBy = new Map<string, string>()
  const reviewed: number[] = []
  let left = members.map((_, index) => index)
  while (left.length > 0) {
    const held = new Map(
      left.map((h) => [
        h,
        countMessages(
          left.filter((m) => holds[h]?.[m] === true),
          h,
        ),
      ]),
    )
    const chosen = left.reduce((best, candidate) => {
      const a = members[candidate] as Member
      const b = members[best] as Member
      const order =
        compare(held.get(candidate) ?? 0, held.get(best) ?? 0) ||
        compare(a.time, b.time) ||
        compare(a.message.text.length, b.message.text.length) ||
        compare(b.message.id, a.message.id)
      return order > 0 ? candidate : best
    })
    reviewed.push(chosen)
    const holder = members[chosen]?.message.id ?? ''
    for (const m of left) if (holds[chosen]?.[m] === true) coveredBy.set(members[m]?.message.id ?? '', holder)
    left = left.filter((m) => m !== chosen && holds[chosen]?.[m] !== true)
  }
  const [first = 0, ...rest] = reviewed
  const mostInclusiveId = members[first]?.message.id ?? ''
  return {
    mostInclusiveId,
    coveredIds: members
      .filter((member) => coveredBy.get(member.message.id) === mostInclusiveId)
      .map((m) => m.message.id),
    alsoReviewIds: rest.map((index) => members[index]?.message.id ?? ''),
    coveredBy,
  }
}

/**
 * The messages in threads. Every message is in exactly one thread; a message with nothing to join it by (no
 * Message-ID, no In-Reply-To or References, no subject) is a thread of its own. Two copies of one email (the same
 * Message-ID, collected from two custodians) are one message: each covers the other. Threads are ordered by their
 * earliest member, then by thread id. Document ids must be distinct.
 *
 * Joining, in order:
 * 1. Each message to its Message-ID, its In-Reply-To and its References: messages naming the same ids are one thread,
 *    even when the message they name was not collected.
 * 2. A message naming no parent (no In-Reply-To, no References) to each message with the same subject (as
 *    `normaliseSubject` makes it, and not empty) with which it shares correspondents (see `shareCorrespondents`).
 */
export const groupEmailThreads = (messages: readonly ThreadMessage[]): EmailThread[] => {
  const seen = new Set<string>()
  for (const message of messages) {
    if (seen.has(message.id)) throw new Error('Two messages have the same document id; ids must be distinct.')
    seen.add(message.id)
  }

  const idNodes = new Map<string, number>()
  const linksOf = messages.map((message) => {
    const own = messageIds(message.email.messageId)[0]
    const parents = [...message.email.references.flatMap(messageIds), ...messageIds(message.email.inReplyTo)]
    for (const id of [...(own === undefined ? [] : [own]), ...parents]) {
      if (!idNodes.has(id)) idNodes.set(id, messages.length + idNodes.size)
    }
    return { own, parents, root: parents[0] ?? own }
  })
  const sets = createDisjointSets(messages.length + idNodes.size)
  linksOf.forEach(({ own, parents }, index) => {
    for (const id of [...(own === undefined ? [] : [own]), ...parents]) sets.union(index, idNodes.get(id) ?? index)
  })

  const bySubject = new Map<string, number[]>()
  messages.forEach((message, index) => {
    const subject = normaliseSubject(message.email.subject ?? '')
    if (subject === '') return
    const same = bySubject.get(subject)
    if (same === undefined) bySubject.set(subject, [index])
    else same.push(index)
  })
  const participants = messages.map((message) => participantsOf(message.email))
  for (const same of bySubject.values()) {
    for (const index of same) {
      if ((linksOf[index]?.parents.length ?? 0) > 0) continue
      for (const other of same) {
        if (other === index || sets.find(other) === sets.find(index)) continue
        if (shareCorrespondents(participants[index] as Set<string>, participants[other] as Set<string>)) {
          sets.union(index, other)
        }
      }
    }
  }

  const threads = new Map<number, Member[]>()
  messages.forEach((message, index) => {
    const links = linksOf[index]
    const member: Member = { message, time: timeOf(message.email), messageId: links?.own, root: links?.root }
    const root = sets.find(index)
    const thread = threads.get(root)
    if (thread === undefined) threads.set(root, [member])
    else thread.push(member)
  })

  const result = [...threads.values()].map((unsorted) => {
    const members = [...unsorted].sort(byDate)
    const rooted = members.find((member) => member.root !== undefined)
    const smallestId = members.map((member) => member.message.id).sort(compare)[0] ?? ''
    const titled = members.find((member) => stripSubject(member.message.email.subject ?? '') !== '')
    const thread: EmailThread & { readonly start: number } = {
      threadId: rooted?.root === undefined ? `document:${smallestId}` : `message:${rooted.root}`,
      subject: stripSubject(titled?.message.email.subject ?? ''),
      memberIds: members.map((member) => member.message.id),
      ...chooseReviews(members),
      start: members[0]?.time ?? Number.NEGATIVE_INFINITY,
    }
    return thread
  })
  return result
    .sort((a, b) => compare(a.start, b.start) || compare(a.threadId, b.threadId))
    .map(({ start: _start, ...thread }) => thread)
}
