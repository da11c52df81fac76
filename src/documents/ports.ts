import type { Readable } from 'node:stream'
import type { Result } from '../domain/result.ts'
import type { ReadInput, ReadOutcome } from './reading/document-reading.ts'

/**
 * The ports the document pipeline depends on. Adapters implement them: the local directory file store now
 * (`src/storage/local-file-store.ts`), an S3-compatible one later; the PDF, OCR and mail readers as ingestion
 * arrives.
 */

/** A file kept by its content: the SHA-256 of its bytes, in lower-case hex, is its name. */
export interface StoredFile {
  readonly sha256: string
  readonly size: number
  /** Whether the same bytes were there already: an exact duplicate, kept once. */
  readonly alreadyStored: boolean
}

export type FileStoreProblem =
  | { readonly code: 'too-large'; readonly limitBytes: number; readonly message: string }
  | { readonly code: 'read-failed'; readonly message: string }

/**
 * Content-addressed storage for the files a case gathers. Putting the same bytes twice stores them once. Nothing is
 * visible under its hash until it is complete: a failed or refused upload leaves nothing behind.
 */
export interface FileStore {
  /** Stores a stream of bytes, refusing (and keeping nothing of) one longer than `maxBytes`. */
  put(
    source: Readable | AsyncIterable<Uint8Array>,
    options?: { readonly maxBytes?: number },
  ): Promise<Result<StoredFile, FileStoreProblem>>
  has(sha256: string): Promise<boolean>
  /** The bytes, as a stream; undefined when there is no such file (or the name is not a SHA-256). */
  open(sha256: string): Promise<Readable | undefined>
  /** Removes a file (disposal); false when there was none. */
  remove(sha256: string): Promise<boolean>
  /** A description for logs and operations: never a secret. */
  readonly description: string
}

/** A word an OCR engine read from an image, in the image's pixels. */
export interface OcrWord {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** From 0 to 1. */
  readonly confidence: number
}

export interface OcrLine {
  readonly words: readonly OcrWord[]
}

/**
 * Reads the text in an image (a scanned page, a photograph), offline, with a box for every word. The adapter is
 * tesseract.js with its English data shipped in node_modules; `close` ends its worker.
 */
export interface OcrEngine {
  /** `image` is PNG or JPEG bytes. Lines in reading order. */
  recognise(image: Uint8Array): Promise<readonly OcrLine[]>
  close(): Promise<void>
}

/**
 * Reads one file of any supported kind: identifies it by its bytes and hands it to the right reader. Never throws
 * for bad input: an unreadable file is a `ReadProblem` that says what to do.
 */
export type DocumentReader = (input: ReadInput) => Promise<ReadOutcome>
