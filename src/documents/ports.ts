import type { Readable } from 'node:stream'
import type { Result } from '../domain/result.ts'

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
