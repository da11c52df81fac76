/**
 * Issue 5's figures for the personal-data finder:
 * - precision and recall per type over the labelled set (test/fixtures/pii/labelled.json), against the targets:
 *   recall ≥ 0.95 and precision ≥ 0.90 for the validated types, recall ≥ 0.85 for names (and, by this bench's
 *   choice, for postal addresses, which the issue gives no target);
 * - the pattern tier (everything but the language-model name finder) at ≥ 50 MB/s of text on one core, on ~20 MB of
 *   generated mixed text, beside a single plain regex pass (/\S+@\S+/g) over the same text in the same run;
 * - for information, the model tier (compromise's name finder) on a 1 MB slice of the same text.
 *
 *   npx tsx bench/pii.bench.ts
 *   npx tsx bench/pii.bench.ts --quick    2 MB of text, fewer runs: a fast check
 *
 * The labelled set is scored as the finder runs by default (model included), with each item's gazetteer.
 */
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { PII_TYPES, type PiiType } from '../src/documents/pii/finding.ts'
import { findPersonalData } from '../src/documents/pii/find-personal-data.ts'
import { readLabelledSet, scoreLabelledSet, TARGETS } from '../src/documents/pii/labelled-set.ts'
import { compileGazetteer } from '../src/documents/pii/names.ts'
import { measure, seededRandom } from './harness.ts'

const QUICK = process.argv.includes('--quick')
const TEXT_BYTES = QUICK ? 2_000_000 : 20_000_000
const RUNS = QUICK ? 3 : 5
const THROUGHPUT_TARGET = 50
const MODEL_SLICE = 1_000_000

// ---------------------------------------------------------------------------------------------------------------
// Accuracy over the labelled set.

const labelledPath = new URL('../test/fixtures/pii/labelled.json', import.meta.url)
const items = readLabelledSet(JSON.parse(readFileSync(labelledPath, 'utf8')) as unknown)
const score = scoreLabelledSet(items, (item) =>
  findPersonalData(item.text, item.gazetteer === undefined ? {} : { gazetteer: item.gazetteer }),
)

const verdict = (met: boolean): string => (met ? 'PASS' : 'MISS')
const fixed = (value: number): string => value.toFixed(3)

console.log(
  `Personal data: ${items.length} labelled synthetic examples; machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `Node ${process.version}; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}`,
)
console.log()
console.log(
  `  ${'type'.padEnd(28)}${['expected', 'found', 'precision', 'recall'].map((h) => h.padStart(10)).join('')}  target`,
)
for (const type of score.types) {
  const target = TARGETS[type.type]
  const wanted =
    target.precision === undefined
      ? `recall ≥ ${target.recall}`
      : `recall ≥ ${target.recall}, precision ≥ ${target.precision}`
  console.log(
    `  ${type.type.padEnd(28)}${[String(type.expected), String(type.found), fixed(type.precision), fixed(type.recall)]
      .map((cell) => cell.padStart(10))
      .join('')}  ${wanted.padEnd(34)}${verdict(type.met)}`,
  )
}
const missesByType = new Map<PiiType, number>()
for (const miss of score.misses) missesByType.set(miss.type, (missesByType.get(miss.type) ?? 0) + 1)
console.log(
  `  misses (missed or spurious) by type: ${
    [...missesByType]
      .sort((a, b) => PII_TYPES.indexOf(a[0]) - PII_TYPES.indexOf(b[0]))
      .map(([type, count]) => `${type} ${count}`)
      .join(', ') || 'none'
  }`,
)

// ---------------------------------------------------------------------------------------------------------------
// Generated mixed text: FOI correspondence, one sentence in ten carrying personal data or a look-alike.

const random = seededRandom(20250501)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
const digits = (count: number): string => Array.from({ length: count }, () => Math.floor(random() * 10)).join('')

const WORDS = (
  'please provide under the freedom of information act copies of all correspondence between the council and ' +
  'contractors regarding the highways maintenance contract for the financial years including emails letters ' +
  'meeting minutes and any reports on spending budgets complaints received number of staff employed agency ' +
  'costs school transport adult social care placements planning applications enforcement notices parking ' +
  'penalty charge notices issued by ward and month breakdown by category data held in spreadsheet format ' +
  'Council Members Officers Cabinet Committee Leeds Highways England Monday March 2023 2024 section 40(2) 43(2)'
).split(' ')
const FIRST = ['Sarah', 'James', 'Priya', 'Mohammed', 'Aisha', 'Thomas', 'Emily', 'Oliver', 'Grace', 'Rhys', 'Niamh']
const LAST = ['Jones', 'Patel', 'Okafor', 'Hughes', 'MacLeod', 'Khan', 'Williams', 'Brennan', 'Thompson', 'Nowak']
const sentence = (): string => {
  const words = Array.from({ length: 8 + Math.floor(random() * 18) }, () => pick(WORDS)).join(' ')
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`
}
const personal = (): string =>
  pick([
    () =>
      `Please contact ${pick(FIRST)} ${pick(LAST)} on 07700 900${digits(3)} or ${pick(FIRST).toLowerCase()}@example.org.`,
    () => `The resident at ${1 + Math.floor(random() * 200)} Acacia Avenue, Leeds LS6 3AB complained twice.`,
    () => `Dear Mr ${pick(LAST)},`,
    () => `Kind regards,\n${pick(FIRST)} ${pick(LAST)}\nInformation Governance`,
    () => `Our ref IC-${digits(6)}-T7S5, invoice INV-${digits(5)}, order ${digits(10)}, total £${digits(4)}.`,
    () =>
      `NHS number 943 476 5919, date of birth 12/03/19${digits(2)}, NI number AB ${digits(2)} ${digits(2)} ${digits(2)} C.`,
    () =>
      `The meeting on 1${Math.floor(random() * 9)}/0${1 + Math.floor(random() * 8)}/2024 at 10:30 agreed version 1.2.3.4.`,
    () => `Call 020 7946 0${digits(3)} or write to Jordan Road depot, ${pick(['M1 1AE', 'B33 8TH', 'EH1 2NG'])}.`,
    () => `Card 4111 1111 1111 1111, sort code 12-34-56, account ${digits(8)}; logged from 192.0.2.${digits(2)}.`,
    () => `${pick(FIRST)} ${pick(LAST)} attended with Cllr ${pick(LAST)} and the car AB12 CDE was parked outside.`,
  ])()
const paragraph = (): string => {
  const parts: string[] = []
  const sentences = 3 + Math.floor(random() * 5)
  for (let index = 0; index < sentences; index += 1) parts.push(random() < 0.1 ? personal() : sentence())
  return parts.join(' ')
}
const pool = Array.from({ length: 4000 }, paragraph)
const pieces: string[] = []
let length = 0
while (length < TEXT_BYTES) {
  const next = pick(pool)
  pieces.push(next)
  length += next.length + 2
}
const text = pieces.join('\n\n')
const megabytes = Buffer.byteLength(text, 'utf8') / 1e6

const gazetteer = compileGazetteer({
  people: Array.from({ length: 60 }, (_, index) => ({
    name: `${FIRST[index % FIRST.length] ?? 'Sarah'} ${LAST[(index * 7) % LAST.length] ?? 'Jones'}`,
    role: index === 0 ? 'requester' : 'staff',
  })),
  allowList: ['Thomas Hughes', 'Emily Khan'],
})

// ---------------------------------------------------------------------------------------------------------------
// Throughput.

const reference = /\S+@\S+/g
const plainPass = measure(
  'a single plain regex pass, /\\S+@\\S+/g',
  megabytes,
  () => {
    reference.lastIndex = 0
    let count = 0
    while (reference.exec(text) !== null) count += 1
    return count
  },
  RUNS,
)
let findings = 0
const patternTier = measure(
  'pattern tier: findPersonalData(text, { nameModel: false }), gazetteer of 62 names',
  megabytes,
  () => (findings = findPersonalData(text, { gazetteer, nameModel: false }).length),
  RUNS,
)
const slice = text.slice(0, MODEL_SLICE)
const sliceMegabytes = Buffer.byteLength(slice, 'utf8') / 1e6
const modelTier = measure(
  'both tiers (the default, with compromise), on a 1 MB slice',
  sliceMegabytes,
  () => findPersonalData(slice, { gazetteer }).length,
  QUICK ? 1 : 3,
)

const rate = (value: number): string => `${value.toFixed(1)} MB/s`
console.log()
console.log(
  `Throughput on ${megabytes.toFixed(1)} MB of generated mixed text (${findings.toLocaleString('en-GB')} findings), ` +
    `median of ${RUNS} runs after a warm-up, one core`,
)
for (const timing of [plainPass, patternTier, modelTier]) {
  console.log(`  ${timing.name.padEnd(84)}${rate(timing.rate).padStart(14)}`)
}
console.log(
  `  ratio, pattern tier ÷ plain regex pass: ${(patternTier.rate / plainPass.rate).toFixed(2)}× ` +
    `(the pattern tier reads the text for every type, the gazetteer and the name rules, then resolves overlaps)`,
)
console.log(
  `  pattern tier: ${rate(patternTier.rate)}, target ≥ ${THROUGHPUT_TARGET} MB/s: ${verdict(patternTier.rate >= THROUGHPUT_TARGET)}`,
)

const failed = score.types.filter((type) => !type.met).map((type) => type.type)
console.log(
  `\nAgainst issue 5's targets: ${failed.length === 0 ? 'every type PASS' : `MISS for ${failed.join(', ')}`}; ` +
    `throughput ${verdict(patternTier.rate >= THROUGHPUT_TARGET)}`,
)
