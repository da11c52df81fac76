/**
 * Near-duplicate documents: a second draft, the same letter sent with another date, the same report saved twice.
 * A reviewer reviews the group once, at its longest document, and sees how alike each other member is.
 *
 * Alike means the estimated Jaccard similarity of the documents' sets of word 5-shingles (every run of five
 * consecutive words, after normalisation), estimated by MinHash over 128 permutations and found among many
 * documents by locality-sensitive hashing (LSH) of the signatures in bands. This measures near-duplication, not
 * containment: an excerpt of a quarter of a letter shares about a quarter of its shingles and is not grouped with it.
 *
 * Fingerprints are stored (see `fingerprintToBytes`) and compared with fingerprints made later, so everything that
 * goes into one — the normalisation, the shingle length, the shingle hash and the permutations' coefficients — is
 * part of the stored format. Change any of them and `FINGERPRINT_FORMAT` must change too, so that stored fingerprints
 * are refused and the documents fingerprinted again rather than silently never matching.
 */

import { fail, ok, type Result } from '../../domain/result.ts'
import { createDisjointSets } from './disjoint-sets.ts'

/** Words in a shingle. Texts of fewer words are one shingle, the whole text. */
export const SHINGLE_WORDS = 5
/** Values in a MinHash signature: the standard error of an estimate is √(J(1 − J) / 128), 0.035 at J = 0.8. */
export const SIGNATURE_LENGTH = 128
/** The version of the stored form; see the note at the top of this file. */
export const FINGERPRINT_FORMAT = 1
/** The default least estimated Jaccard similarity for two documents to be near-duplicates. */
export const DEFAULT_THRESHOLD = 0.8

export interface Fingerprint {
  /** How many distinct shingles the text has: 0 for a text with no words, whose fingerprint matches nothing. */
  readonly shingleCount: number
  /** The MinHash signature: for each permutation, the least permuted shingle hash. */
  readonly signature: Uint32Array
}

export interface NearDuplicateMember {
  readonly id: string
  /** Estimated Jaccard similarity to the group's representative, from 0 to 1 (1 for the representative itself). */
  readonly similarity: number
}

export interface NearDuplicateGroup {
  /** The longest member (most shingles; ties to the smallest id): the one to review. */
  readonly representativeId: string
  /** The representative first, then the others by similarity to it, most alike first, then by id. */
  readonly members: readonly NearDuplicateMember[]
}

// ---------------------------------------------------------------------------------------------------------------
// Normalisation and shingles.

const NON_ASCII = /[\u0080-\uffff]/
const APOSTROPHES = /['‘’`ʼ]/g
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/gu

/**
 * The text as fingerprints see it: compatibility forms folded (NFKC, so the "ﬁ" ligature of a PDF is "fi"), lower
 * case, apostrophes dropped ("council's" is "councils"), every other run of punctuation and white space one space,
 * digits kept. Two texts that differ only in case, spacing, line breaks or punctuation normalise to the same string.
 */
export const normaliseText = (text: string): string => {
  const folded = NON_ASCII.test(text) ? text.normalize('NFKC') : text
  return folded.toLowerCase().replace(APOSTROPHES, '').replace(NOT_WORD, ' ').trim()
}

/**
 * FNV-1a over the UTF-16 code units of `text` from `start` to `end`, then murmur3's 32-bit finaliser: FNV-1a alone
 * spreads its input poorly into the high bits, and the permutations below order hashes by their high bits.
 */
const hashRange = (text: string, start: number, end: number): number => {
  let hash = 0x811c9dc5
  for (let at = start; at < end; at += 1) {
    hash ^= text.charCodeAt(at)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/**
 * The 32-bit hashes of a normalised text's word shingles, sorted, with repeats. A shingle is hashed where it lies in
 * the normalised text (its words and the single spaces between them), so no shingle string is ever built.
 */
const shingleHashes = (normal: string): Uint32Array => {
  const starts: number[] = []
  const ends: number[] = []
  for (let at = 0; at < normal.length;) {
    const space = normal.indexOf(' ', at)
    const end = space === -1 ? normal.length : space
    starts.push(at)
    ends.push(end)
    at = end + 1
  }
  if (starts.length < SHINGLE_WORDS) return Uint32Array.of(hashRange(normal, 0, normal.length))
  const hashes = new Uint32Array(starts.length - SHINGLE_WORDS + 1)
  for (let index = 0; index < hashes.length; index += 1) {
    hashes[index] = hashRange(normal, starts[index] ?? 0, ends[index + SHINGLE_WORDS - 1] ?? 0)
  }
  return hashes.sort()
}

// ---------------------------------------------------------------------------------------------------------------
// MinHash.

/**
 * 128 permutations of the 32-bit hashes, π(x) = a·x + b mod 2³² with a odd (so each is a bijection: two shingles
 * have the same permuted value only when they have the same hash). Chosen over one-permutation hashing with
 * densification: FOI collections are full of short texts (a two-line email has a handful of shingles) and one
 * permutation in 128 bins leaves most bins empty for them, so densification copies a few values around and the
 * estimate's variance grows; 128 full permutations give MinHash's textbook variance at every length. The cost, 128
 * multiply-adds a distinct shingle, is about a second for 100,000 short documents (bench/near-duplicates.bench.ts).
 * A multiply-add family alone is not min-wise independent, but its inputs here are already well-mixed hashes, and
 * the property test checks the estimates against exact Jaccard similarities.
 *
 * The coefficients come from a fixed seed (splitmix32): they are part of the stored format.
 */
const [MULTIPLIERS, INCREMENTS] = ((): [Uint32Array, Uint32Array] => {
  let state = 0x2545f491
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
  const multipliers = new Uint32Array(SIGNATURE_LENGTH)
  const increments = new Uint32Array(SIGNATURE_LENGTH)
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
    multipliers[index] = next() | 1
    increments[index] = next()
  }
  return [multipliers, increments]
})()

const emptyFingerprint = (): Fingerprint => ({
  shingleCount: 0,
  signature: new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff),
})

/** The fingerprint of a text: its MinHash signature and how many distinct shingles it has. */
export const fingerprint = (text: string): Fingerprint => {
  const normal = normaliseText(text)
  if (normal === '') return emptyFingerprint()
  const hashes = shingleHashes(normal)
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff)
  const multipliers = MULTIPLIERS
  const increments = INCREMENTS
  let shingleCount = 0
  let previous = -1
  // The hot loop of ingestion (128 multiply-adds a distinct shingle): indices are in range by construction, so the
  // typed arrays are read without the undefined checks that `?? 0` would add to every step.
  for (let index = 0; index < hashes.length; index += 1) {
    const hash = hashes[index] as number
    if (hash === previous) continue
    previous = hash
    shingleCount += 1
    for (let permutation = 0; permutation < SIGNATURE_LENGTH; permutation += 1) {
      const value = (Math.imul(multipliers[permutation] as number, hash) + (increments[permutation] as number)) >>> 0
      if (value < (signature[permutation] as number)) signature[permutation] = value
    }
  }
  return { shingleCount, signature }
}

/**
 * The estimated Jaccard similarity of two fingerprinted texts: the share of permutations whose least values agree.
 * 0 when either text had no words.
 */
export const estimateSimilarity = (a: Fingerprint, b: Fingerprint): number => {
  if (a.shingleCount === 0 || b.shingleCount === 0) return 0
  let same = 0
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) if (a.signature[index] === b.signature[index]) same += 1
  return same / SIGNATURE_LENGTH
}

// ---------------------------------------------------------------------------------------------------------------
// Stored form: 8 bytes of header, then the signature; little-endian throughout.
//   byte 0: FINGERPRINT_FORMAT; byte 1: SHINGLE_WORDS; bytes 2–3: SIGNATURE_LENGTH; bytes 4–7: the shingle count.

const HEADER_BYTES = 8
/** The length of a stored fingerprint: 520 bytes. */
export const FINGERPRINT_BYTES = HEADER_BYTES + SIGNATURE_LENGTH * 4

/** Why stored bytes are not a fingerprint that can be compared: fingerprint the document again. */
export type FingerprintProblem = 'wrong-length' | 'other-format'

/** The fingerprint as bytes for a database column (a BLOB in SQLite, bytea in PostgreSQL). */
export const fingerprintToBytes = (print: Fingerprint): Uint8Array => {
  const bytes = new Uint8Array(FINGERPRINT_BYTES)
  const view = new DataView(bytes.buffer)
  view.setUint8(0, FINGERPRINT_FORMAT)
  view.setUint8(1, SHINGLE_WORDS)
  view.setUint16(2, SIGNATURE_LENGTH, true)
  view.setUint32(4, print.shingleCount, true)
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
    view.setUint32(HEADER_BYTES + index * 4, print.signature[index] ?? 0xffffffff, true)
  }
  return bytes
}

/** A stored fingerprint read back; refused when it is not whole or was made by another version of the format. */
export const fingerprintFromBytes = (bytes: Uint8Array): Result<Fingerprint, FingerprintProblem> => {
  if (bytes.length !== FINGERPRINT_BYTES) return fail('wrong-length')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (
    view.getUint8(0) !== FINGERPRINT_FORMAT ||
    view.getUint8(1) !== SHINGLE_WORDS ||
    view.getUint16(2, true) !== SIGNATURE_LENGTH
  ) {
    return fail('other-format')
  }
  const signature = new Uint32Array(SIGNATURE_LENGTH)
  for (let index = 0; index < SIGNATURE_LENGTH; index += 1) {
    signature[index] = view.getUint32(HEADER_BYTES + index * 4, true)
  }
  return ok({ shingleCount: view.getUint32(4, true), signature })
}

// ---------------------------------------------------------------------------------------------------------------
// Grouping.

export interface Banding {
  readonly bands: number
  readonly rows: number
}

/** The chance that two documents of Jaccard similarity `similarity` agree on all rows of at least one band. */
export const candidateProbability = (similarity: number, { bands, rows }: Banding): number =>
  1 - (1 - similarity ** rows) ** bands

/** How sure grouping is to compare a pair whose true similarity is exactly the threshold. */
const CANDIDATE_RECALL = 0.99

/**
 * The banding for a threshold: the most rows a band (the steepest S-curve, so the fewest dissimilar pairs compared)
 * for which a pair exactly at the threshold is compared with probability ≥ 0.99, in ⌊128 / rows⌋ bands.
 *
 * At the default threshold of 0.8 that is 21 bands of 6 rows (126 of the 128 values; 7 rows in 18 bands would catch
 * a pair at 0.8 only 98.6 % of the time). Its S-curve, the probability that a pair of similarity s is compared:
 *   s = 0.9: > 0.9999 · 0.8: 0.998 · 0.75: 0.984 · 0.7: 0.928 · 0.6: 0.63 · 0.5: 0.28 · 0.4: 0.083 · 0.3: 0.015
 *   · 0.2: 0.0013 · 0.1: 0.00002. Its midpoint, (1/21)^(1/6), is 0.60.
 * Pairs from 0.5 to 0.8 are compared often, but comparing costs 128 equality tests and the full signature decides;
 * unrelated documents (s < 0.2) are almost never compared. At 0.9 the banding is 12 × 10; at 0.5, 42 × 3.
 */
export const chooseBanding = (threshold: number): Banding => {
  let chosen: Banding = { bands: SIGNATURE_LENGTH, rows: 1 }
  for (let rows = 2; rows <= SIGNATURE_LENGTH; rows += 1) {
    const banding = { bands: Math.floor(SIGNATURE_LENGTH / rows), rows }
    if (candidateProbability(threshold, banding) < CANDIDATE_RECALL) break
    chosen = banding
  }
  return chosen
}

/** A 32-bit hash of a band's values; two, with different seeds, make the band's 64-bit key. */
const bandHash = (signature: Uint32Array, from: number, rows: number, seed: number): number => {
  let hash = seed ^ from
  for (let index = from; index < from + rows; index += 1) {
    hash = Math.imul(hash ^ (signature[index] ?? 0), 0x01000193)
    hash ^= hash >>> 15
  }
  hash = Math.imul(hash ^ (hash >>> 13), 0x85ebca6b)
  return (hash ^ (hash >>> 16)) >>> 0
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Groups of near-duplicates among fingerprinted documents: pairs whose estimated similarity is at least the
 * threshold (default 0.8), joined transitively. Documents alike to nothing are left out, as are texts with no words.
 *
 * Candidate pairs are those agreeing on a whole band of their signatures (see `chooseBanding`); each candidate is
 * then decided on its full signature. Because groups are joined transitively (A like B, B like C), a member may be
 * less alike to the representative than the threshold: its similarity shows that. The result does not depend on the
 * order of the items: groups are sorted by representative id, and their members as `NearDuplicateGroup` says.
 *
 * Ids must be distinct. Work is linear in the items plus the candidate pairs; a band shared by very many documents
 * (thousands of copies of one form) costs the square of their number in cheap checks.
 */
export const groupNearDuplicates = (
  items: readonly { readonly id: string; readonly fingerprint: Fingerprint }[],
  options: { readonly threshold?: number } = {},
): NearDuplicateGroup[] => {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`The threshold must be above 0 and at most 1.`)
  const seen = new Set<string>()
  for (const item of items) {
    if (seen.has(item.id)) throw new Error(`Two items have the same id; ids must be distinct.`)
    seen.add(item.id)
  }

  const { bands, rows } = chooseBanding(threshold)
  const count = items.length
  const sets = createDisjointSets(count)
  const refused = new Set<number>()
  const compare = (a: number, b: number): void => {
    if (sets.find(a) === sets.find(b)) return
    const pair = a * count + b
    if (refused.has(pair)) return
    const printA = items[a]?.fingerprint
    const printB = items[b]?.fingerprint
    if (printA !== undefined && printB !== undefined && estimateSimilarity(printA, printB) >= threshold) {
      sets.union(a, b)
    } else {
      refused.add(pair)
    }
  }
  // Each band is bucketed in a hash table of typed arrays (chains through `next`), at most half full: each item is
  // compared with the earlier items whose band key is the same.
  const slots = 2 ** Math.max(4, Math.ceil(Math.log2(2 * count + 1)))
  const head = new Int32Array(slots)
  const next = new Int32Array(count)
  const highs = new Uint32Array(count)
  const lows = new Uint32Array(count)
  for (let band = 0; band < bands; band += 1) {
    head.fill(-1)
    const from = band * rows
    for (let item = 0; item < count; item += 1) {
      const print = items[item]?.fingerprint
      if (print === undefined || print.shingleCount === 0) continue
      const high = bandHash(print.signature, from, rows, 0x9e3779b9)
      const low = bandHash(print.signature, from, rows, 0x7f4a7c15)
      highs[item] = high
      lows[item] = low
      const slot = low & (slots - 1)
      for (let earlier = head[slot] ?? -1; earlier !== -1; earlier = next[earlier] ?? -1) {
        if (highs[earlier] === high && lows[earlier] === low) compare(earlier, item)
      }
      next[item] = head[slot] ?? -1
      head[slot] = item
    }
  }

  const components = new Map<number, number[]>()
  for (let index = 0; index < count; index += 1) {
    const root = sets.find(index)
    const component = components.get(root)
    if (component === undefined) components.set(root, [index])
    else component.push(index)
  }
  const groups: NearDuplicateGroup[] = []
  for (const component of components.values()) {
    if (component.length < 2) continue
    const members = component.flatMap((index) => {
      const item = items[index]
      return item === undefined ? [] : [item]
    })
    const representative = members.reduce((best, item) =>
      item.fingerprint.shingleCount > best.fingerprint.shingleCount ||
      (item.fingerprint.shingleCount === best.fingerprint.shingleCount && item.id < best.id)
        ? item
        : best,
    )
    const others = members
      .filter((item) => item !== representative)
      .map((item) => ({ id: item.id, similarity: estimateSimilarity(item.fingerprint, representative.fingerprint) }))
      .sort((a, b) => b.similarity - a.similarity || byId(a.id, b.id))
    groups.push({ representativeId: representative.id, members: [{ id: representative.id, similarity: 1 }, ...others] })
  }
  return groups.sort((a, b) => byId(a.representativeId, b.representativeId))
}
