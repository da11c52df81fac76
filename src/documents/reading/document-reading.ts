import type { Result } from '../../domain/result.ts'

/**
 * What a reader makes of one file: its text, the geometry of that text on each page (PDFs and images), its dates and
 * people (emails), what was hidden in it (spreadsheets), and the files inside it (attachments, archive entries), which
 * the ingestion pipeline reads in turn. Readers are the adapters over mupdf, tesseract.js, mammoth, exceljs,
 * mailparser, msgreader and fflate (`src/documents/adapters/`), and the plain readers in this folder.
 */

export const DOCUMENT_KINDS = ['pdf', 'image', 'docx', 'spreadsheet', 'csv', 'email', 'archive', 'text'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

/**
 * A rectangle on a page in PDF points (1/72 inch), origin at the top left of the page as displayed (after its
 * /Rotate), y growing downwards: MuPDF's page space. OCR boxes are converted from pixels to points.
 */
export interface Box {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

/** The four corners of text that may not be axis-aligned (rotated text): upper left, upper right, lower left, lower right. */
export type Quad = readonly [number, number, number, number, number, number, number, number]

/** A word on a page: its text, its span in the page's text, and where it is. */
export interface Word {
  readonly text: string
  /** UTF-16 offsets into `ReadPage.text`. */
  readonly start: number
  readonly end: number
  readonly box: Box
  /** Present when the word is not axis-aligned (rotated text); `box` is then its bounding box. */
  readonly quad?: Quad
  /** OCR confidence from 0 to 1; absent for text that was in the file. */
  readonly confidence?: number
}

export interface ReadPage {
  /** 1-based. */
  readonly number: number
  readonly width: number
  readonly height: number
  /** The page's /Rotate (0, 90, 180, 270). */
  readonly rotation: number
  readonly text: string
  /** Where this page's text starts in `DocumentReading.text`. */
  readonly offset: number
  readonly words: readonly Word[]
  /** True when the text came from OCR of an image (a scan, a photograph). */
  readonly ocr: boolean
}

export interface MailAddress {
  readonly name?: string
  readonly address?: string
}

export interface EmailHeaders {
  readonly messageId?: string
  readonly inReplyTo?: string
  readonly references: readonly string[]
  readonly subject?: string
  readonly from?: MailAddress
  readonly to: readonly MailAddress[]
  readonly cc: readonly MailAddress[]
  /** ISO 8601 date-time, when the message had a readable date. */
  readonly sentAt?: string
}

/** Something in a spreadsheet a reader of the values could not see: the PSNI's 2023 breach was a hidden sheet. */
export interface HiddenContent {
  readonly kind: 'sheet' | 'row' | 'column' | 'cell'
  /** The sheet's name. */
  readonly sheet: string
  /** Where, as a spreadsheet user says it: "sheet", "row 4", "column C", "cell B2". */
  readonly where: string
  /** What made it hidden: "hidden sheet", "very hidden sheet (only visible in the VBA editor)", "row hidden", … */
  readonly how: string
}

/** A file inside this one: an email attachment, an embedded message, an archive entry. */
export type ContainedFile =
  | { readonly name: string; readonly bytes: Uint8Array; readonly mediaType?: string }
  | { readonly name: string; readonly problem: ReadProblem }

export interface DocumentReading {
  readonly kind: DocumentKind
  /** The type the bytes are, whatever the name said: "application/pdf". */
  readonly mediaType: string
  /** The whole text; for paged documents, the pages' texts joined with "\n\f\n". */
  readonly text: string
  /** Pages for PDFs and images; empty for the rest. */
  readonly pages: readonly ReadPage[]
  readonly title?: string
  readonly author?: string
  /** ISO 8601 dates from the file's own metadata, when it has them. */
  readonly createdAt?: string
  readonly modifiedAt?: string
  readonly email?: EmailHeaders
  readonly hidden: readonly HiddenContent[]
  readonly contained: readonly ContainedFile[]
  /** Things the reviewer should know that did not stop the reading: "named .pdf but it is a Word document". */
  readonly notes: readonly string[]
}

export const PAGE_SEPARATOR = '\n\f\n'

export type ReadProblemCode =
  | 'empty'
  | 'unsupported'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'too-many-pages'
  | 'archive-too-deep'
  | 'archive-too-many-files'
  | 'archive-bomb'
  | 'unsafe-name'
  | 'ocr-failed'

/** Why a file could not be read, in words that say what to do about it. Never contains the file's content. */
export interface ReadProblem {
  readonly code: ReadProblemCode
  readonly message: string
}

export interface ReadLimits {
  /** Pages beyond this refuse the document (a 10,000-page PDF). */
  readonly maxPages: number
  /** Archive nesting (a zip in a zip …). */
  readonly maxArchiveDepth: number
  /** Entries in one archive. */
  readonly maxArchiveEntries: number
  /** Uncompressed bytes an archive may expand to in all. */
  readonly maxExpandedBytes: number
  /** Uncompressed bytes over compressed bytes, beyond which an entry is a bomb. */
  readonly maxExpansionRatio: number
  /** Whether scanned pages and images are read by OCR (slow: seconds a page). */
  readonly ocr: boolean
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxPages: 5_000,
  maxArchiveDepth: 3,
  maxArchiveEntries: 10_000,
  maxExpandedBytes: 2 * 1024 ** 3,
  maxExpansionRatio: 200,
  ocr: true,
}

export interface ReadInput {
  readonly bytes: Uint8Array
  /** The file's name as supplied (may be hostile: used only for display and to note a wrong extension). */
  readonly name: string
  /** How deep inside archives and messages this file is: 0 for a file uploaded directly. */
  readonly depth: number
}

export type ReadOutcome = Result<DocumentReading, ReadProblem>
