/**
 * The child process of bench/pdf-memory.bench.ts: reads one PDF file and reports its own peak memory on stdout as
 * JSON, so that the parent measures this work alone.
 *
 *   node --import tsx bench/pdf-memory-child.ts open FILE    load MuPDF and open the file, read no page (the reference)
 *   node --import tsx bench/pdf-memory-child.ts read FILE    the whole of ingestion (see ingest-harness.ts): stored,
 *                                                            read, personal data found, written to SQLite, grouped
 */
import { readFileSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createIngestBench } from './ingest-harness.ts'

const [mode, file] = process.argv.slice(2)
if ((mode !== 'open' && mode !== 'read') || file === undefined) {
  console.error('usage: pdf-memory-child.ts open|read FILE')
  process.exit(2)
}
const bytes = new Uint8Array(readFileSync(file))
let pages: number
let findings = 0
if (mode === 'open') {
  const mupdf = await import('mupdf')
  const doc = mupdf.Document.openDocument(bytes, 'application/pdf')
  pages = doc.countPages()
  doc.destroy()
} else {
  const folder = mkdtempSync(join(tmpdir(), 'disclose-bench-memory-'))
  const bench = await createIngestBench(folder)
  try {
    const summary = await bench.ingest(bytes, 'bench.pdf')
    if (summary.failures.length > 0) throw new Error(`the bench PDF was refused: ${summary.failures[0]?.code}`)
    pages = summary.pages
    findings = Object.values(summary.findingsByType).reduce((sum, count) => sum + count, 0)
  } finally {
    await bench.close()
    rmSync(folder, { recursive: true, force: true })
  }
}
console.log(JSON.stringify({ mode, pages, findings, maxRssKb: process.resourceUsage().maxRSS }))
