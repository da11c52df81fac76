import { fail, ok, type Result } from '../result.ts'
import { idsForCitation } from './citation.ts'
import { EIR_CATALOGUE } from './eir-catalogue.ts'
import { EXEMPTION_REGIMES, type Exemption, type ExemptionRegime, type ExemptionRouteOption } from './exemption.ts'
import { FOIA_CATALOGUE } from './foia-catalogue.ts'
import { FOISA_CATALOGUE } from './foisa-catalogue.ts'

/** Every exemption, exception and refusal ground Disclose knows: FOIA, then the EIR, then FOISA, in statute order. */
export const EXEMPTION_CATALOGUE: readonly Exemption[] = [...FOIA_CATALOGUE, ...EIR_CATALOGUE, ...FOISA_CATALOGUE]

const BY_ID: ReadonlyMap<string, Exemption> = new Map(EXEMPTION_CATALOGUE.map((entry) => [entry.id, entry]))

const BY_REGIME: Readonly<Record<ExemptionRegime, readonly Exemption[]>> = {
  foia: FOIA_CATALOGUE,
  eir: EIR_CATALOGUE,
  foisa: FOISA_CATALOGUE,
}

const REGIME_LABELS: Readonly<Record<ExemptionRegime, string>> = { foia: 'FOIA', eir: 'EIR', foisa: 'FOISA' }

/** The entry with this id, if there is one. */
export const findExemption = (id: string): Exemption | undefined => BY_ID.get(id)

/** A regime's entries, in statute order. */
export const exemptionsFor = (regime: ExemptionRegime): readonly Exemption[] => BY_REGIME[regime]

/**
 * One of an entry's routes, by its code (`2-a`, `3A-a`; case does not matter) or by its citation as typed ("section
 * 40(3)(a)(i)", "40(3A)(a)").
 */
export const findRouteOption = (exemption: Exemption, code: string): ExemptionRouteOption | undefined => {
  const options = exemption.route?.options ?? []
  const wanted = code.trim().toLowerCase()
  const byCode = options.find((option) => option.code.toLowerCase() === wanted)
  if (byCode !== undefined) return byCode
  const bare = (citation: string): string =>
    citation
      .toLowerCase()
      .replace(/^(?:section|regulation|reg|s)\s*\.?\s*/, '')
      .replace(/\s+/g, '')
  return options.find((option) => bare(option.citation) === bare(wanted))
}

/**
 * The entries a typed id or citation names. A citation that adds "(1)" to a section with a single exemption names
 * that section's entry: "section 21(1)" is `foia-s21`, "regulation 13(1)" is `eir-r13`.
 */
const idsNamedBy = (typed: string): string[] => {
  const found = idsForCitation(typed).flatMap((id) => {
    if (BY_ID.has(id)) return [id]
    const whole = id.replace(/-1$/, '')
    return whole !== id && BY_ID.has(whole) ? [whole] : []
  })
  return [...new Set(found)]
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of two neighbouring characters
 * each cost one ("s13-1-g" and "s31-1-g" are one apart).
 */
const editDistance = (a: string, b: string): number => {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] ?? []
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1)
      row[j] = best
    }
  }
  return at(a.length, b.length)
}

/**
 * How far apart two ids are where they first differ, as characters: among ids equally many edits away, the nearer
 * letter or number is the likelier one meant ("s31(1)(j)" is nearer (i) than (a)).
 */
const gapAtFirstDifference = (a: string, b: string): number => {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i += 1) {
    if (a[i] !== b[i]) return Math.abs(a.charCodeAt(i) - b.charCodeAt(i))
  }
  return a.length === b.length ? 0 : 128
}

/**
 * The ids nearest to one that does not exist, for "there is no exemption foia-s31-1-z: did you mean …?". Takes an id
 * or a citation as typed ("s31(1)(z)", "section 40", "reg 12(5)(k)"), and ranks: the entries it names exactly; then
 * the subsections of what it names ("section 40" → foia-s40-1, foia-s40-2); then entries whose heading contains the
 * words typed ("law enforcement"); then the fewest edits away, nearer letters first. Ids more than a few edits away
 * are not suggested at all. Only the given regime's entries, if one is given.
 */
export const closestExemptionIds = (unknownId: string, limit = 3, regime?: ExemptionRegime): string[] => {
  const text = unknownId.trim().toLowerCase()
  if (text === '' || limit <= 0) return []
  const exact = new Set(idsNamedBy(text))
  const parsed = idsForCitation(text)
  const candidates = parsed.length > 0 ? parsed : [text]
  const withinReach = Math.max(2, Math.floor(Math.max(...candidates.map((candidate) => candidate.length)) / 3))
  const words = parsed.length === 0 && text.length >= 3 ? text : undefined
  const entries = regime === undefined ? EXEMPTION_CATALOGUE : exemptionsFor(regime)
  return entries
    .map((entry, index) => {
      const tier = exact.has(entry.id)
        ? 0
        : candidates.some((candidate) => entry.id.startsWith(`${candidate}-`))
          ? 1
          : words !== undefined && entry.heading.toLowerCase().includes(words)
            ? 2
            : 3
      // Named, a subsection or a heading: statute order. Otherwise the candidate fewest edits away decides.
      const [distance, gap] =
        tier < 3
          ? [0, 0]
          : candidates
              .map(
                (candidate) => [editDistance(candidate, entry.id), gapAtFirstDifference(candidate, entry.id)] as const,
              )
              .reduce((best, next) => (next[0] < best[0] || (next[0] === best[0] && next[1] < best[1]) ? next : best))
      return { id: entry.id, tier, distance, gap, index }
    })
    .filter((ranked) => ranked.tier < 3 || ranked.distance <= withinReach)
    .sort((a, b) => a.tier - b.tier || a.distance - b.distance || a.gap - b.gap || a.index - b.index)
    .slice(0, limit)
    .map((ranked) => ranked.id)
}

/** What the EIR call an exception, the Acts call an exemption. */
const nounFor = (regimes: readonly ExemptionRegime[]): string =>
  regimes.length > 0 && regimes.every((regime) => regime === 'eir')
    ? 'exception'
    : regimes.length === 0 || regimes.includes('eir')
      ? 'exemption or exception'
      : 'exemption'

/** "an EIR exception", "a FOISA exemption" */
const whatIsIn = (regime: ExemptionRegime): string =>
  regime === 'eir' ? 'an EIR exception' : `a ${REGIME_LABELS[regime]} exemption`

/** "a, b or c" */
const listWithOr = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] ?? ''}`

/** The ids of the entries for a provision and its subsections: `foia-s40` → foia-s40-1, foia-s40-2. */
const entriesUnder = (id: string): string[] =>
  EXEMPTION_CATALOGUE.filter((entry) => entry.id === id || entry.id.startsWith(`${id}-`)).map((entry) => entry.id)

/** Routes whose citation is what was typed: "section 31(2)(a)" is a purpose, not an exemption. */
const routesNamedBy = (typed: string): { readonly option: ExemptionRouteOption; readonly owners: Exemption[] }[] => {
  const wanted = new Set(idsForCitation(typed))
  if (wanted.size === 0) return []
  const found = new Map<string, { option: ExemptionRouteOption; owners: Exemption[] }>()
  for (const entry of EXEMPTION_CATALOGUE) {
    for (const option of entry.route?.options ?? []) {
      if (!idsForCitation(option.citation).some((id) => wanted.has(id) && id.startsWith(`${entry.regime}-`))) continue
      const key = `${entry.regime} ${option.citation}`
      const known = found.get(key)
      if (known === undefined) found.set(key, { option, owners: [entry] })
      else known.owners.push(entry)
    }
  }
  return [...found.values()]
}

/**
 * Reads an exemption as a person types it: an id (`foia-s40-2`) or a citation ("s40(2)", "section 31(1)(g)",
 * "regulation 13", "reg 12(4)(b)", "s30(b)(i) FOISA"). Case, spaces and "of the FOIA" do not matter. FOIA and FOISA
 * share section numbers, so a citation both have (section 14(1)) needs the regime, given as the argument or in the
 * text. The error is one sentence for a person, naming the closest ids.
 */
export const readExemptionId = (input: string, regime?: ExemptionRegime): Result<string, string> => {
  const typed = input.trim()
  if (typed === '') return fail('Enter an exemption: an id such as foia-s40-2, or a citation such as section 40(2)')
  const named = idsNamedBy(typed)
  const inRegime = named.filter((id) => regime === undefined || id.startsWith(`${regime}-`))
  const [only] = inRegime
  // Without a regime, a citation is ambiguous when the other Act has that provision too, or subsections of it
  // ("section 40" is FOISA's audit exemption, and the heading of FOIA's personal information ones).
  const alike = regime === undefined ? idsForCitation(typed).flatMap(entriesUnder) : []
  const regimesAlike = [...new Set(alike.map((id) => id.slice(0, id.indexOf('-'))))]
  if (only !== undefined && (inRegime.length > 1 || regimesAlike.length > 1)) {
    const ids = [...new Set([...alike, ...inRegime])]
    const which = ids.length > 4 ? `${ids.slice(0, 4).join(', ')} and ${ids.length - 4} more` : listWithOr(ids)
    return fail(`“${typed}” could be FOIA or FOISA: give the regime, or say which, ${which}`)
  }
  if (only !== undefined) return ok(only)
  const candidates = idsForCitation(typed).filter((id) => regime === undefined || id.startsWith(`${regime}-`))
  const elsewhere = named.map(findExemption).filter((entry) => entry !== undefined)
  const [other] = elsewhere
  if (other !== undefined && regime !== undefined && candidates.flatMap(entriesUnder).length === 0) {
    return fail(`${other.citation} (${other.id}) is ${whatIsIn(other.regime)}, not ${whatIsIn(regime)}`)
  }
  const routes = routesNamedBy(typed).filter(
    ({ owners }) => regime === undefined || owners.some((owner) => owner.regime === regime),
  )
  const [route] = routes
  if (route !== undefined && routes.length === 1) {
    const owners = route.owners.filter((owner) => regime === undefined || owner.regime === regime)
    return fail(
      `${route.option.citation} is not an exemption but a route to ${listWithOr(owners.map((owner) => owner.citation))}: cite ${listWithOr(owners.map((owner) => owner.id))} with the route ${route.option.code}`,
    )
  }
  const regimes =
    regime !== undefined
      ? [regime]
      : EXEMPTION_REGIMES.filter((each) => candidates.some((id) => id.startsWith(`${each}-`)))
  const [candidate] = candidates
  const shown = candidate !== undefined && candidates.length === 1 ? candidate : `“${typed}”`
  const closest = closestExemptionIds(typed, 3, regime)
  return fail(
    `there is no ${nounFor(regimes)} ${shown}${closest.length > 0 ? `: did you mean ${closest.join(', ')}?` : ''}`,
  )
}
