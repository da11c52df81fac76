/**
 * Rendering a response letter: the HTML preview alone, the accessible PDF, the DOCX, and all three one after the
 * other (what issuing a response costs), each as p50/p95 over N renders after a warm-up, with the ratio "all three ÷
 * HTML alone" and the target: all three together under 300 ms.
 *
 * Two letters: the demonstration's first seed case (IC-335210-T7S5: eight parts, three exemptions, the public interest
 * test) produced through the letter service from the case in an in-memory SQLite database — reading the case,
 * composing the letter and rendering it, what a download costs — and, as a check on the renderers alone, a letter of
 * the same size built here with invented names.
 *
 *   npx tsx bench/letters.bench.ts             200 renders of each
 *   npx tsx bench/letters.bench.ts --quick     20 renders of each
 *   npx tsx bench/letters.bench.ts --runs 50
 */
import { cpus, loadavg, totalmem } from 'node:os'
import {
  heading,
  link,
  paragraph,
  text,
  type Block,
  type Inline,
  type LetterDocument,
} from '../src/domain/letters/letter-document.ts'
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

const quote = (...paragraphs: Inline[][]): Block => ({ kind: 'quote', paragraphs })
const list = (...items: string[]): Block => ({ kind: 'list', items: items.map((item) => [text(item)]) })
const site = (path: string): string => `https://www.example.org.uk/${path}`

const seedSizedLetter = (): LetterDocument => ({
  kind: 'response',
  title: 'Response to your request WX-335210-T7S5',
  language: 'en-GB',
  sender: {
    name: 'Wessex Information Rights Office',
    teamName: 'Information Access Team',
    addressLines: ['Riverside House', '1 Example Street', 'Casterbridge', 'WX1 2AB'],
    telephone: '01632 960000',
    website: 'www.example.org.uk',
  },
  recipient: { name: 'Sam Example', addressLines: ['By email'] },
  date: '29 October 2024',
  referenceLine: 'Case reference: WX-335210-T7S5',
  blocks: [
    paragraph(text('We are now in a position to respond to your information request of 1 October.')),
    heading(2, 'Request'),
    paragraph(text('You asked us for the following:')),
    quote([
      text(
        '“I am writing to ask you for a copy of the requests for information sent to seven technology companies about the lawful basis for processing information to train artificial intelligence, and the data protection impact assessments.”',
      ),
    ]),
    paragraph(text('We have handled your request under the Freedom of Information Act 2000 (FOIA).')),
    heading(2, 'Our response'),
    paragraph(text('We have published some information on this area of work and the relevant links are below.')),
    paragraph(text('14 June 2024: '), link('Statement on plans to train generative AI with user data', site('news/1'))),
    paragraph(text('14 September 2024: '), link('Statement on an announcement about user data', site('news/2'))),
    paragraph(
      text('We have disclosed a copy of our letters to two of the companies, available on our disclosure log under '),
      link('WX-311642-V7P8', site('disclosure-log/WX-311642-V7P8')),
      text('. As one company contacted us first, there is no equivalent letter for it.'),
    ),
    paragraph(
      text(
        'Please find enclosed the letter sent to a fourth company. The contact details of staff at the organisation have been redacted under section 40 of the FOIA. Further detail on this exemption is provided below.',
      ),
    ),
    paragraph(
      text(
        'For two further companies, there was an initial meeting with each organisation and we then requested information following these discussions. A copy of the relevant emails is attached. Some of the information has been redacted and further detail on the relevant exemptions is provided below.',
      ),
    ),
    paragraph(
      text('There is no information held about the seventh company, as we did not engage with it on this work.'),
    ),
    heading(3, 'Section 40 FOIA'),
    paragraph(
      text(
        'We are withholding the contact details of staff at these organisations, and of some of our own staff, under section 40(2) by virtue of section 40(3)(a)(i), the exemption concerning personal information. You can read our policy on the disclosure of staff information on our website ',
      ),
      link('here', site('policies/staff-information')),
      text('.'),
    ),
    heading(3, 'Section 31 FOIA'),
    paragraph(
      text('We consider some of the information to be exempt under section 31(1)(g) of the FOIA, which states:'),
    ),
    quote([
      text(
        '‘Information … is exempt information if its disclosure under this Act would, or would be likely to, prejudice – (g) the exercise by any public authority of its functions for any of the purposes specified in subsection (2)’',
      ),
    ]),
    paragraph(text('The purposes referred to in sections 31(2)(a) and (c) are:')),
    quote(
      [text('‘(a) the purpose of ascertaining whether any person has failed to comply with the law’')],
      [
        text(
          '‘(c) the purpose of ascertaining whether circumstances which would justify regulatory action in pursuance of any enactment exist or may arise’',
        ),
      ],
    ),
    paragraph(
      text(
        'These purposes apply when we consider whether a data controller has complied with its obligations under data protection legislation.',
      ),
    ),
    paragraph(
      text(
        'Disclosing the content of our discussions with the two companies would be likely to prejudice our regulatory work. Organisations need to be confident that details of these interactions will not be made public unless it is appropriate to do so.',
      ),
    ),
    paragraph(
      text(
        'The exemption at section 31 is not absolute, and we need to consider the public interest test by weighing the factors for and against disclosure, as well as any prejudice or harm which may be caused by disclosure.',
      ),
    ),
    paragraph(text('In this case, the public interest factors in disclosing the information are:')),
    list(
      'The legitimate interest of the public in understanding the nature and content of our discussions with the companies on this topic.',
      'Openness and transparency in the way in which we engage with organisations as regulator.',
    ),
    paragraph(text('The public interest factors in withholding the information are:')),
    list(
      'There is a strong public interest in our not disclosing information about our engagement with organisations unless it is appropriate to do so. If such information were routinely disclosed, organisations would be less willing to work with us, and less likely to report concerns or engage with us during investigations.',
      'There is also a public interest in organisations engaging with us fully and candidly, in current and future engagement work. A concern that details would be routinely disclosed would be likely to inhibit open discussion.',
    ),
    paragraph(
      text(
        'Having considered these factors, we have decided that the public interest in withholding the information outweighs the public interest in disclosing it.',
      ),
    ),
    heading(3, 'Section 44 FOIA'),
    paragraph(
      text(
        'Section 44 is an absolute exemption: information can be withheld without further consideration if other legislation prevents its release and none of the circumstances that would give us lawful authority to release it apply.',
      ),
    ),
    paragraph(text('Section 44(1)(a) of the FOIA states:')),
    quote([
      text(
        '‘(1) Information is exempt information if its disclosure (otherwise than under this Act) by the public authority holding it – (a) is prohibited by or under any enactment’',
      ),
    ]),
    paragraph(
      text('In this case, section 132 of the Data Protection Act 2018 prohibits the disclosure of information that:'),
    ),
    list(
      'has been obtained by, or provided to, the Commissioner in the course of, or for the purposes of, the discharging of the Commissioner’s functions,',
      'relates to an identified or identifiable individual or business, and',
      'is not available to the public from other sources at the time of the disclosure and has not previously been available to the public from other sources, unless the disclosure is made with lawful authority.',
    ),
    paragraph(
      text(
        'We do not have lawful authority to disclose the information the two companies provided to us, as it was given to us in confidence.',
      ),
    ),
    paragraph(text('This concludes our response to your request. We hope you found this information helpful.')),
    heading(2, 'Next steps'),
    paragraph(
      text(
        'You can ask us to review our response. Please let us know in writing within 40 working days if you want us to carry out a review. You can read a copy of our full ',
      ),
      link('review procedure', site('foi/review-procedure')),
      text(' on our website.'),
    ),
    paragraph(
      text('If we perform a review but you are still dissatisfied, you can complain to the regulator. You can '),
      link('raise a complaint', site('make-a-complaint')),
      text(' through our website.'),
    ),
    heading(2, 'Your information'),
    paragraph(
      text('Our '),
      link('privacy notice', site('privacy-notice')),
      text(' explains what we do with the personal data you provide to us, and sets out '),
      link('your rights', site('your-rights')),
      text('. Our '),
      link('retention and disposal policy', site('retention')),
      text(' details how long we keep information.'),
    ),
  ],
  signOff: ['Yours sincerely', 'Information Access Team', 'Wessex Information Rights Office'],
})

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
  const letter = seedSizedLetter()
  console.log(
    `Rendering alone: a seed-sized letter built here with invented names (${letter.blocks.length} blocks), ${RUNS} times in each format`,
  )
  printFigures(await measureLetterRendering(letter, RUNS))
  console.log(`  load average at the end: ${load()} (on ${cpus().length} cores)`)
}

await main()
