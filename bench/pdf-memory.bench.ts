/**
 * Memory while ingesting a long PDF: the peak resident memory of a child process that ingests a generated 1,000-page
 * text PDF as `disclose ingest` does — stored, read with `readPdf`, every kind of personal data found, written to a
 * SQLite file and grouped (see ingest-harness.ts) — (target: under 1 GB), beside the peak of a
 * child that only loads MuPDF and opens the same file without reading a page (the reference: what MuPDF's WASM
 * heap, Node and the file's bytes cost before any page is read). Each child reports
 * `process.resourceUsage().maxRSS` as it exits.
 *
 *   npx tsx bench/pdf-memory.bench.ts
 *   npx tsx bench/pdf-memory.bench.ts --pages 5000
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { textPdf } from '../test/fixtures/documents/pdfs.ts'

const pagesArgument = process.argv.indexOf('--pages')
const PAGES = pagesArgument >= 0 ? Number(process.argv[pagesArgument + 1]) : 1_000
const TARGET_KB = 1024 * 1024

const here = dirname(fileURLToPath(import.meta.url))
const folder = mkdtempSync(join(tmpdir(), 'disclose-bench-pdf-'))
const file = join(folder, 'letters.pdf')
const bytes = textPdf(PAGES)
writeFileSync(file, bytes)

interface ChildReport {
  readonly mode: string
  readonly pages: number
  readonly findings: number
  readonly maxRssKb: number
  readonly seconds: number
}

const child = (mode: 'open' | 'read'): ChildReport => {
  const start = process.hrtime.bigint()
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'pdf-memory-child.ts'), mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  if (run.status !== 0) throw new Error(`the ${mode} child failed (exit ${run.status ?? 'none'}): ${run.stderr}`)
  const last = run.stdout.trim().split('\n').pop() ?? '{}'
  return { ...(JSON.parse(last) as Omit<ChildReport, 'seconds'>), seconds }
}

const megabytes = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`

console.log(
  `PDF memory: a generated ${PAGES.toLocaleString('en-GB')}-page text PDF (${(bytes.length / 1e6).toFixed(1)} MB); ` +
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(', ')}`,
)
try {
  const open = child('open')
  const read = child('read')
  console.log(`\nPeak resident memory of a child process (maxRSS at exit):`)
  console.log(
    `  ${'reference: load MuPDF, open the file, count its pages'.padEnd(70)}${megabytes(open.maxRssKb).padStart(10)}` +
      `   (${open.pages.toLocaleString('en-GB')} pages, ${open.seconds.toFixed(1)} s)`,
  )
  console.log(
    `  ${'ingest: stored, read, all personal data found, written to SQLite, grouped'.padEnd(70)}${megabytes(read.maxRssKb).padStart(10)}` +
      `   (${read.pages.toLocaleString('en-GB')} pages, ${read.findings.toLocaleString('en-GB')} findings, ${read.seconds.toFixed(1)} s)`,
  )
  console.log(
    `  ratio, ingesting ÷ opening: ${(read.maxRssKb / open.maxRssKb).toFixed(2)}×; ` +
      `ingesting adds ${megabytes(read.maxRssKb - open.maxRssKb)}`,
  )
  console.log(
    `  ingest peak: ${megabytes(read.maxRssKb)}, target < ${megabytes(TARGET_KB)}: ${read.maxRssKb < TARGET_KB ? 'PASS' : 'FAIL'}`,
  )
} finally {
  rmSync(folder, { recursive: true, force: true })
}
