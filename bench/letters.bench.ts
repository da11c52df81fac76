/**
 * Rendering a response letter: the HTML preview alone, the accessible PDF, the DOCX, and all three one after the
 * other (what issuing a response costs), each as p50/p95 over N renders after a warm-up, with the ratio "all three ÷
 * HTML alone" and the target: all three together under 300 ms.
 *
 * The demonstration's first seed case (IC-335210-T7S5: eight parts, three exemptions, the public interest test),
 * produced through the letter service from the case in an in-memory SQLite database — reading the case, composing the
 * letter and rendering it, what a download costs — and then, as a check on the renderers alone, the same letter
 * rendered from its composed form.
 *
 *   npx tsx bench/letters.bench.ts             200 renders of each
 *   npx tsx bench/letters.bench.ts --quick     20 renders of each
 *   npx tsx bench/letters.bench.ts --runs 50
 */
import { cpus, loadavg, totalmem } from 'node:os'
import type { LetterDocument } from '../src/domain/letters/letter-document.ts'
import { renderLetter } from '../src/letters/letter-renderer.ts'
import { renderLetterDocx } from '../src/letters/render-letter-docx.ts'
import { renderLetterHtml } from '../src/letters/render-letter-html.ts'
import { renderLetterPdf } from '../src/letters/render-letter-pdf.ts'

const QUICK = process.argv.includes('--quick')
const runsArgument = process.argv.indexOf('--runs')
const RUNS = runsArgument >= 0 ? Number(process.argv[runsArgument + 1]) : QUICK ? 20 : 200
const WARM_UP = 20
const TARGET_MS = 300

// ---------------------------------------------------------------------------------------------------------------
// A seed-sized letter: the shape and length of a real FOI response, every name invented.

// ---------------------------------------------------------------------------------------------------------------
// Timing.

interface Latencies {
  readonly p50: number
  readonly p95: number
  /** This process's CPU time a render (user and system), in ms. */
  readonly cpu: number
}

interface LetterRenderingFigures {
  readonly runs: number
  readonly html: Latencies
  readonly pdf: Latencies
  readonly docx: Latencies
  readonly allThree: Latencies
  readonly sizes: { readonly html: number; readonly pdf: number; readonly docx: number }
  readonly pdfPages: number
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? Number.NaN

/** Times `runs` renders one after another (awaited when they return a promise), after a warm-up that is not counted. */
const time = async (runs: number, render: () => unknown): Promise<Latencies> => {
  for (let i = 0; i < Math.min(WARM_UP, runs); i += 1) await render()
  const times = new Float64Array(runs)
  const cpu = process.cpuUsage()
  for (let i = 0; i < runs; i += 1) {
    const start = process.hrtime.bigint()
    await render()
    times[i] = Number(process.hrtime.bigint() - start) / 1e6
  }
  const used = process.cpuUsage(cpu)
  const sorted = times.slice().sort()
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), cpu: (used.user + used.system) / 1000 / runs }
}

/** Renders the letter `runs` times in each format and all three together, after a warm-up. */
const measureLetterRendering = async (letter: LetterDocument, runs: number): Promise<LetterRenderingFigures> => {
  const html = () => renderLetterHtml(letter, { standalone: true })
  const pdf = () => renderLetterPdf(letter)
  const docx = () => renderLetterDocx(letter)
  const pdfBytes = await pdf()
  const sizes = { html: Buffer.byteLength(html()), pdf: pdfBytes.length, docx: (await docx()).length }
  const pdfPages = pdfBytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0
  return {
    runs,
    html: await time(runs, html),
    pdf: await time(runs, pdf),
    docx: await time(runs, docx),
    allThree: await time(runs, async () => {
      html()
      await pdf()
      await docx()
    }),
    sizes,
    pdfPages,
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The report.

const ms = (value: number): string => (value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`)
const times = (ratio: number): string => (ratio < 10 ? `${ratio.toFixed(1)}×` : `${Math.round(ratio)}×`)
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`
const load = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(', ')

const printFigures = (figures: LetterRenderingFigures): void => {
  const row = (what: string, cells: readonly string[]) =>
    console.log(`  ${what.padEnd(44)}${cells.map((cell) => cell.padStart(11)).join('')}`)
  row('', ['p50', 'p95', 'CPU/render', 'size'])
  row('HTML alone (standalone page)', [
    ms(figures.html.p50),
    ms(figures.html.p95),
    ms(figures.html.cpu),
    kib(figures.sizes.html),
  ])
  row(`PDF (tagged, pdfkit; ${figures.pdfPages} A4 pages)`, [
    ms(figures.pdf.p50),
    ms(figures.pdf.p95),
    ms(figures.pdf.cpu),
    kib(figures.sizes.pdf),
  ])
  row('DOCX (docx)', [ms(figures.docx.p50), ms(figures.docx.p95), ms(figures.docx.cpu), kib(figures.sizes.docx)])
  row('all three, one after the other', [
    ms(figures.allThree.p50),
    ms(figures.allThree.p95),
    ms(figures.allThree.cpu),
    '',
  ])
  console.log()
  console.log(
    `  ratio, all three ÷ HTML alone: p50 ${times(figures.allThree.p50 / figures.html.p50)}, ` +
      `p95 ${times(figures.allThree.p95 / figures.html.p95)}`,
  )
  const met = figures.allThree.p95 < TARGET_MS
  console.log(
    `  target: all three together under ${TARGET_MS} ms (p95): ${ms(figures.allThree.p95)} ${met ? 'PASS' : 'MISS'}`,
  )
}

/** The demonstration loaded into a database in memory, and its services: the first seed case's letters, as served. */
const demoLetters = async () => {
  const [{ openDatabase, migrateToLatest }, { createStore }, { fixedClock }, { createCaseService }, { loadDemo }] =
    await Promise.all([
      import('../src/storage/database.ts'),
      import('../src/storage/store.ts'),
      import('../src/services/clock.ts'),
      import('../src/services/cases/case.service.ts'),
      import('../src/services/demo/load-demo.ts'),
    ])
  const { createLetterService } = await import('../src/services/letters/letter.service.ts')
  const { createUkCalendar } = await import('../src/domain/calendar/uk-calendar.ts')
  const { defaultCalendarSources } = await import('../src/services/holidays/calendar.service.ts')
  const { commandLineActor } = await import('../src/services/actor.ts')
  const database = await openDatabase({ kind: 'sqlite', file: ':memory:' })
  await migrateToLatest(database)
  const store = createStore(database)
  const clock = fixedClock('2024-12-04T10:00:00.000Z')
  const uk = createUkCalendar(defaultCalendarSources())
  const calendar = () => uk
  const loaded = await loadDemo({ store, clock, calendar }, { password: 'a demonstration password for the bench' })
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error))
  const cases = createCaseService({ store, clock, calendar })
  const letters = createLetterService({ store, clock, calendar, cases, render: renderLetter })
  return { letters, actor: commandLineActor(loaded.value.organisation.id), close: () => database.close() }
}

const main = async (): Promise<void> => {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs takes a whole number of renders, 1 or more')
  const demo = await demoLetters()
  const reference = 'IC-335210-T7S5'
  const produce = async (format: 'html' | 'pdf' | 'docx') => {
    const made = await demo.letters.renderLetter(demo.actor, reference, 'response', format)
    if (!made.ok) throw new Error(JSON.stringify(made.error))
    return made.value.bytes
  }
  const drafted = await demo.letters.draftLetter(demo.actor, reference, 'response')
  if (!drafted.ok) throw new Error(JSON.stringify(drafted.error))
  console.log(
    `Letters: the response for ${reference} (${drafted.value.letter.blocks.length} blocks) produced from the case ${RUNS} times in each format${QUICK ? ' (--quick)' : ''}, after ${WARM_UP} to warm up`,
  )
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
      `Node ${process.version}; load average ${load()}`,
  )
  console.log()
  const served = {
    html: await time(RUNS, () => produce('html')),
    pdf: await time(RUNS, () => produce('pdf')),
    docx: await time(RUNS, () => produce('docx')),
    allThree: await time(RUNS, async () => {
      await produce('html')
      await produce('pdf')
      await produce('docx')
    }),
    sizes: {
      html: (await produce('html')).length,
      pdf: (await produce('pdf')).length,
      docx: (await produce('docx')).length,
    },
    pdfPages: (await produce('pdf')).toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0,
    runs: RUNS,
  }
  console.log('Produced through the letter service: the case read, the letter composed, then rendered')
  printFigures(served)
  await demo.close()
  console.log()
  console.log(
    `Rendering alone: the same letter, already composed, ${RUNS} times in each format (what the renderers cost)`,
  )
  printFigures(await measureLetterRendering(drafted.value.letter, RUNS))
  console.log(`  load average at the end: ${load()} (on ${cpus().length} cores)`)
}

await main()
