import { describe, expect, it } from 'vitest'
import {
  canonicalJson,
  createChainVerifier,
  findChainBreak,
  GENESIS_HASH,
  hashAuditRecord,
  sealAuditRecord,
  type AuditRecord,
  type Sha256,
} from './audit-chain.ts'

/**
 * The chain takes its hash function as a parameter, and the domain may not import node:crypto, so these tests use a
 * small deterministic stand-in (eight FNV-1a lanes, 64 hex digits). The real SHA-256 runs in the service tests
 * (src/services/audit/audit-trail.test.ts).
 */
const hash: Sha256 = (text) =>
  Array.from({ length: 8 }, (_, lane) => {
    let h = (0x811c9dc5 ^ Math.imul(lane + 1, 0x9e3779b1)) >>> 0
    for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
    return h.toString(16).padStart(8, '0')
  }).join('')

const ORGANISATION = 'organisation-1'

/** A chain of `length` events, sealed one after another as the service does. */
const chain = (length: number): AuditRecord[] => {
  const records: AuditRecord[] = []
  let previous = { seq: 0, hash: GENESIS_HASH }
  for (let i = 1; i <= length; i += 1) {
    const record = sealAuditRecord(hash, previous, {
      organisationId: ORGANISATION,
      id: `event-${i}`,
      at: `2024-12-04T10:00:0${i % 10}.000Z`,
      actorId: 'user-1',
      actorLabel: 'officer@example.org',
      action: i === 1 ? 'case.created' : 'case.details-updated',
      entityType: 'case',
      entityId: 'case-1',
      payload: canonicalJson({ before: { version: i - 1 }, after: { version: i, requestText: `Revision ${i}` } }),
    })
    records.push(record)
    previous = record
  }
  return records
}

const headOf = (records: readonly AuditRecord[]) => {
  const last = records[records.length - 1]
  return last === undefined ? null : { seq: last.seq, hash: last.hash }
}

describe('canonical JSON', () => {
  it('gives the same text whatever order the keys were written in, at every depth', () => {
    const one = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }
    const two = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 }
    expect(canonicalJson(one)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}')
    expect(canonicalJson(two)).toBe(canonicalJson(one))
  })

  it('keeps the order of arrays, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it('sorts by code unit, so that capital letters come before small ones', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3 })).toBe('{"B":2,"a":3,"b":1}')
  })

  it('writes plain values as JSON does', () => {
    expect(canonicalJson('Ŵyl “Gymraeg”')).toBe('"Ŵyl “Gymraeg”"')
    expect(canonicalJson(null)).toBe('null')
    expect(canonicalJson({ gone: undefined, kept: 0 })).toBe('{"kept":0}')
  })
})

describe('sealing events onto a chain', () => {
  it('starts the chain from the genesis hash at event 1', () => {
    const [first] = chain(1)
    expect(GENESIS_HASH).toBe('0'.repeat(64))
    expect(first).toMatchObject({ seq: 1, previousHash: GENESIS_HASH })
  })

  it('links each event to the one before and digests its payload', () => {
    const [first, second] = chain(2)
    expect(second?.seq).toBe(2)
    expect(second?.previousHash).toBe(first?.hash)
    expect(second?.payloadDigest).toBe(hash(second?.payload ?? ''))
    expect(second?.hash).toBe(second === undefined ? '' : hashAuditRecord(hash, second))
  })

  it('gives a different hash when any hashed field differs', () => {
    const [first] = chain(1)
    if (first === undefined) throw new Error('no event')
    const fields = ['organisationId', 'id', 'at', 'actorId', 'actorLabel', 'action', 'entityType', 'entityId'] as const
    for (const field of fields) {
      expect(hashAuditRecord(hash, { ...first, [field]: 'changed' })).not.toBe(first.hash)
    }
    expect(hashAuditRecord(hash, { ...first, seq: 2 })).not.toBe(first.hash)
    expect(hashAuditRecord(hash, { ...first, previousHash: 'f'.repeat(64) })).not.toBe(first.hash)
    expect(hashAuditRecord(hash, { ...first, payloadDigest: hash('{}') })).not.toBe(first.hash)
  })
})

describe('finding the first break in a chain', () => {
  it('finds nothing wrong with an intact chain, or an empty one with no head', () => {
    const records = chain(5)
    expect(findChainBreak(hash, records, headOf(records))).toBeNull()
    expect(findChainBreak(hash, [], null)).toBeNull()
  })

  it('accepts an event whose payload disposal has erased, since its digest is kept', () => {
    const records = chain(3).map((record) => (record.seq === 2 ? { ...record, payload: null } : record))
    expect(findChainBreak(hash, records, headOf(records))).toBeNull()
  })

  it('names an event whose payload was edited', () => {
    const records = chain(4)
    const edited = records.map((record) =>
      record.seq === 2 ? { ...record, payload: record.payload?.replace('Revision 2', 'Revision X') ?? null } : record,
    )
    expect(findChainBreak(hash, edited, headOf(records))).toEqual({
      seq: 2,
      id: 'event-2',
      reason: 'its before-and-after record was changed',
    })
  })

  it('names an event whose author, time or action was edited', () => {
    const records = chain(4)
    for (const change of [{ actorLabel: 'someone@example.org' }, { at: '2024-01-01T00:00:00.000Z' }, { action: 'x' }]) {
      const edited = records.map((record) => (record.seq === 3 ? { ...record, ...change } : record))
      expect(findChainBreak(hash, edited, headOf(records))).toEqual({
        seq: 3,
        id: 'event-3',
        reason: 'its details (who, when, what) were changed',
      })
    }
  })

  it('names the event after one that was removed, saying which is missing', () => {
    const records = chain(5)
    expect(
      findChainBreak(
        hash,
        records.filter((record) => record.seq !== 3),
        headOf(records),
      ),
    ).toEqual({
      seq: 4,
      id: 'event-4',
      reason: 'event 3 is missing',
    })
    expect(
      findChainBreak(
        hash,
        records.filter((record) => record.seq !== 2 && record.seq !== 3),
        headOf(records),
      ),
    ).toEqual({ seq: 4, id: 'event-4', reason: 'events 2 to 3 are missing' })
  })

  it('notices a chain that does not start at event 1', () => {
    const records = chain(3).slice(1)
    expect(findChainBreak(hash, records, { seq: 3, hash: records[1]?.hash ?? '' })?.seq).toBe(2)
  })

  it('notices events given out of order', () => {
    const [first, second, third] = chain(3)
    if (first === undefined || second === undefined || third === undefined) throw new Error('no events')
    expect(findChainBreak(hash, [first, third, second], headOf([third]))).toMatchObject({ seq: 3, id: 'event-3' })
    expect(findChainBreak(hash, [first, second, second], headOf([third]))).toEqual({
      seq: 2,
      id: 'event-2',
      reason: 'event 2 is out of order',
    })
  })

  it('notices two events whose sequence numbers were swapped', () => {
    const records = chain(4)
    const swapped = records.map((record) =>
      record.seq === 2 ? { ...records[2], seq: 2 } : record.seq === 3 ? { ...records[1], seq: 3 } : record,
    ) as AuditRecord[]
    expect(findChainBreak(hash, swapped, headOf(records))).toEqual({
      seq: 2,
      id: 'event-3',
      reason: 'it does not follow the event before it (an event was removed, added or reordered)',
    })
  })

  it('notices that the last events were removed, by comparing with the recorded head', () => {
    const records = chain(5)
    const broken = findChainBreak(hash, records.slice(0, 3), headOf(records))
    expect(broken).toMatchObject({ seq: 4, id: 'event-3' })
    expect(broken?.reason).toContain('should end at event 5, but it ends at event 3')
  })

  it('notices a chain emptied of every event while its head remains', () => {
    const records = chain(2)
    expect(findChainBreak(hash, [], headOf(records))).toMatchObject({ seq: 1 })
  })

  it('notices a replaced event whose hashes were recomputed, at the next event', () => {
    const records = chain(4)
    const [, second] = records
    if (second === undefined) throw new Error('no event')
    const forged = sealAuditRecord(
      hash,
      { seq: 1, hash: second.previousHash },
      {
        ...second,
        actorLabel: 'forger@example.org',
        payload: second.payload ?? '',
      },
    )
    const edited = records.map((record) => (record.seq === 2 ? forged : record))
    expect(findChainBreak(hash, edited, headOf(records))).toMatchObject({ seq: 3, id: 'event-3' })
  })

  it('checks one event at a time and stops at the first break', () => {
    const records = chain(3)
    const verifier = createChainVerifier(hash)
    expect(verifier.next(records[0] as AuditRecord)).toBeNull()
    expect(verifier.next({ ...(records[1] as AuditRecord), hash: 'f'.repeat(64) })?.seq).toBe(2)
  })
})
