/**
 * The child process of bench/pdf-memory.bench.ts: reads one PDF file and reports its own peak memory on stdout as
 * JSON, so that the parent measures this work alone.
 *
 *   node --import tsx bench/pdf-memory-child.ts open FILE    load MuPDF and open the file, read no page (the reference)
 *   node --import tsx bench/pdf-memory-child.ts read FILE    readPdf, then findPersonalData on every page's text
 */
import { readFileSync } from 'node:fs'
import { readPdf } from '../src/documents/adapters/mupdf-pdf.reader.ts'
import { findPersonalData } from '../src/documents/pii/find-personal-data.ts'
import { DEFAULT_READ_LIMITS } from '../src/documents/reading/document-reading.ts'

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
  const result = await readPdf({ bytes, name: 'bench.pdf', depth: 0 }, { ...DEFAULT_READ_LIMITS, ocr: false })
  if (!result.ok) throw new Error(`the bench PDF was refused: ${result.error.code}`)
  pages = result.value.pages.length
  for (const page of result.value.pages) findings += findPersonalData(page.text, { nameModel: false }).length
}
console.log(JSON.stringify({ mode, pages, findings, maxRssKb: process.resourceUsage().maxRSS }))
