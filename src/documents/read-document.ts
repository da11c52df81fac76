import type { Result } from '../domain/result.ts'
import type { DocumentReader, OcrEngine } from './ports.ts'
import type { DocumentReading, ReadInput, ReadLimits, ReadProblem } from './reading/document-reading.ts'
import { identifyFile } from './reading/sniff.ts'

export interface DocumentReaderOptions {
  readonly limits: ReadLimits
  /** Reads scans and images; without it they are recorded with a note that they were not read. */
  readonly ocr?: OcrEngine
}

/**
 * The reader the ingestion job uses: identifies a file by its bytes (never by its name), hands it to the reader for
 * its kind, and adds what identification noticed (a misleading extension) to the reading's notes.
 */
export const createDocumentReader = (options: DocumentReaderOptions): DocumentReader => {
  const { limits } = options
  const ocr = limits.ocr ? options.ocr : undefined
  return async (input: ReadInput) => {
    const identity = identifyFile(input)
    if (!identity.ok) return identity
    const { kind, mediaType, notes } = identity.value
    let read: Result<DocumentReading, ReadProblem>
    switch (kind) {
      // Each reader is loaded when a file of its kind first arrives: exceljs, mammoth and mailparser take seconds to
      // load, and most commands (and many cases) never need them.
      case 'pdf':
        read = await (await import('./adapters/mupdf-pdf.reader.ts')).readPdf(input, limits, ocr)
        break
      case 'image':
        read = await (await import('./adapters/mupdf-image.reader.ts')).readImage(input, limits, ocr)
        break
      case 'docx':
        read = await (await import('./adapters/mammoth-docx.reader.ts')).readDocx(input, limits)
        break
      case 'spreadsheet':
        read = await (await import('./adapters/exceljs-spreadsheet.reader.ts')).readSpreadsheet(input, limits)
        break
      case 'csv':
        read = (await import('./reading/csv.reader.ts')).readCsv(input)
        break
      case 'email':
        read =
          mediaType === 'application/vnd.ms-outlook'
            ? (await import('./adapters/msgreader-outlook.reader.ts')).readMsg(input)
            : await (await import('./adapters/mailparser-email.reader.ts')).readEml(input)
        break
      case 'archive':
        read = (await import('./adapters/fflate-zip.reader.ts')).readZip(input, limits)
        break
      case 'text':
        read = (await import('./reading/plain-text.reader.ts')).readPlainText(input)
        break
    }
    if (!read.ok || notes.length === 0) return read
    return { ok: true, value: { ...read.value, notes: [...notes, ...read.value.notes] } }
  }
}
