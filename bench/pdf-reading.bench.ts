/**
 * Reading PDFs for ingestion: pages a second through `readPdf` (text and every word's box, with MuPDF) followed by
 * the personal-data finder on each page's text, over a generated 500-page letter-like PDF (about 2,500 characters a
 * page, a different synthetic person on each), beside `pdftotext` (poppler-utils, native code, text only) on the same
 * file in the same run. Target: ≥ 200 pages a second.
 *
 * The measured step is the whole of ingestion as `disclose ingest` and an upload do it, for one file: the file kept
 * in the file store, read (MuPDF: text and word boxes), every kind of personal data found (the name model included)
 * with its page and boxes, the document, its pages, its text (indexed for search) and its findings written to a
 * SQLite file, and the case regrouped. Each run ingests into a new case, so no run finds the last one's copy.
 * `readPdf` alone and the finder's pattern tier alone are printed beside it, for where the time goes.
 *
 *   npx tsx bench/pdf-reading.bench.ts
 *   npx tsx bench/pdf-reading.bench.ts --quick    100 pages, fewer runs
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { textPdf } from '../test/fixtures/documents/pdfs.ts'
import { createIngestBench } from './ingest-harness.ts'
import { readPdf } from '../src/documents/adapters/mupdf-pdf.reader.ts'
import { findPersonalData, type FindOptions } from '../src/documents/pii/find-personal-data.ts'
import { DEFAULT_READ_LIMITS } from '../src/documents/reading/document-reading.ts'

const QUICK = process.argv.includes('--quick')
const PAGES = QUICK ? 100 : 500
const RUNS = QUICK ? 2 : 3
const TARGET = 200

/** The step measured: one PDF read, and its pages searched for personal data. Returns the findings, counted. */
const readAndFind = async (bytes: Uint8Array, options: FindOptions): Promise<number> => {
  const result = await readPdf({ bytes, name: 'bench.pdf', depth: 0 }, { ...DEFAULT_READ_LIMITS, ocr: false })
  if (!result.ok) throw new Error(`the bench PDF was refused: ${result.error.code}`)
  let findings = 0
  for (const page of result.value.pages) findings += findPersonalData(page.text, options).length
  return findings
}

/** Runs `work` `runs` times after one warm-up; the median seconds a run, and what the last run returned. */
const timeRuns = async (work: () => Promise<number> | number, runs: number) => {
  let value = await work()
  const seconds: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const start = process.hrtime.bigint()
    value = await work()
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9)
  }
  seconds.sort((a, b) => a - b)
  return { seconds: seconds[Math.floor(seconds.length / 2)] ?? 0, value }
}

const generated = process.hrtime.bigint()
const bytes = textPdf(PAGES)
const generatedIn = Number(process.hrtime.bigint() - generated) / 1e6
const folder = mkdtempSync(join(tmpdir(), 'disclose-bench-pdf-'))
const file = join(folder, 'letters.pdf')
writeFileSync(file, bytes)

console.log(
  `PDF reading: a generated ${PAGES}-page text PDF (${(bytes.length / 1e6).toFixed(1)} MB, written in ` +
    `${generatedIn.toFixed(0)} ms); machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; ` +
    `load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}`,
)

const bench = await createIngestBench(folder)

/** The step measured: the PDF added to a new case and ingested. Returns the findings it recorded. */
const ingest = async (): Promise<number> => {
  const summary = await bench.ingest(bytes, 'letters.pdf')
  if (summary.pages !== PAGES) throw new Error(`the bench PDF was not read whole: ${JSON.stringify(summary.failures)}`)
  return Object.values(summary.findingsByType).reduce((sum, count) => sum + count, 0)
}

try {
  const pdftotext = await timeRuns(() => {
    const run = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 1 << 30 })
    if (run.status !== 0) throw new Error('pdftotext failed: is poppler-utils installed?')
    return run.stdout.length
  }, RUNS)
  const readOnly = await timeRuns(async () => {
    const result = await readPdf({ bytes, name: 'bench.pdf', depth: 0 }, { ...DEFAULT_READ_LIMITS, ocr: false })
    return result.ok ? result.value.pages.length : 0
  }, RUNS)
  const patterns = await timeRuns(() => readAndFind(bytes, { nameModel: false }), RUNS)
  const measured = await timeRuns(ingest, RUNS)

  const rate = (seconds: number): number => PAGES / seconds
  const row = (name: string, seconds: number, extra = ''): void =>
    console.log(
      `  ${name.padEnd(78)}${`${Math.round(rate(seconds)).toLocaleString('en-GB')} pages/s`.padStart(16)}${extra}`,
    )
  console.log(`\nMedian of ${RUNS} runs after a warm-up, one core:`)
  row('reference: pdftotext file - (poppler, native; text only, no geometry)', pdftotext.seconds)
  row('readPdf alone (MuPDF WASM: text and word boxes)', readOnly.seconds)
  row('readPdf + findPersonalData(page, { nameModel: false }) on each page', patterns.seconds)
  row(
    'ingest: stored, read, all personal data found, written to SQLite and indexed, grouped',
    measured.seconds,
    `   (${measured.value.toLocaleString('en-GB')} findings)`,
  )
  const ratio = rate(measured.seconds) / rate(pdftotext.seconds)
  console.log(`  ratio, ingest ÷ pdftotext: ${ratio.toFixed(2)}×`)
  console.log(
    `  ingest: ${Math.round(rate(measured.seconds)).toLocaleString('en-GB')} pages/s, target ≥ ${TARGET} pages/s: ` +
      `${rate(measured.seconds) >= TARGET ? 'PASS' : 'FAIL'}`,
  )
} finally {
  await bench.close()
  rmSync(folder, { recursive: true, force: true })
}
