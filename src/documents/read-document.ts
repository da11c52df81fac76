import type { Result } from '../domain/result.ts'
import { readSpreadsheet } from './adapters/exceljs-spreadsheet.reader.ts'
import { readZip } from './adapters/fflate-zip.reader.ts'
import { readEml } from './adapters/mailparser-email.reader.ts'
import { readDocx } from './adapters/mammoth-docx.reader.ts'
import { readImage } from './adapters/mupdf-image.reader.ts'
import { readPdf } from './adapters/mupdf-pdf.reader.ts'
import { readMsg } from './adapters/msgreader-outlook.reader.ts'
import type { DocumentReader, OcrEngine } from './ports.ts'
import { readCsv } from './reading/csv.reader.ts'
import type { DocumentReading, ReadInput, ReadLimits, ReadProblem } from './reading/document-reading.ts'
import { readPlainText } from './reading/plain-text.reader.ts'
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
      case 'pdf':
        read = await readPdf(input, limits, ocr)
        break
      case 'image':
        read = await readImage(input, limits, ocr)
        break
      case 'docx':
        read = await readDocx(input, limits)
        break
      case 'spreadsheet':
        read = await readSpreadsheet(input, limits)
        break
      case 'csv':
        read = readCsv(input)
        break
      case 'email':
        read = mediaType === 'application/vnd.ms-outlook' ? readMsg(input) : await readEml(input)
        break
      case 'archive':
        read = readZip(input, limits)
        break
      case 'text':
        read = readPlainText(input)
        break
    }
    if (!read.ok || notes.length === 0) return read
    return { ok: true, value: { ...read.value, notes: [...notes, ...read.value.notes] } }
  }
}
