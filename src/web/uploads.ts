import type { Readable } from 'node:stream'
import busboy from 'busboy'
import type { Request } from 'express'
import type { Upload } from '../services/documents/document.service.ts'

/**
 * Files sent to Disclose, read as they arrive: a `multipart/form-data` body (a browser's form, `curl -F`) or a single
 * file as the raw body. Each file is handed on as a stream, so the document service writes it to the file store
 * while it is still arriving and no file is ever held whole in memory. Used by the API and the staff pages.
 */

/** The most files one request may carry. */
export const MAX_FILES_PER_REQUEST = 500

/** Why a request's files could not be read: the body is not what its headers say, or carries too many files. */
export class UploadError extends Error {
  readonly code: 'malformed' | 'too-many-files'
  constructor(code: UploadError['code'], message: string) {
    super(message)
    this.name = 'UploadError'
    this.code = code
  }
}

export interface UploadRequest {
  /** The fields sent before the first file (a form's `_csrf` and `custodian`), once `head()` has resolved. */
  readonly fields: ReadonlyMap<string, string>
  /**
   * Resolves when the first file starts to arrive, or the body ends without one: by then every field before it has
   * been read, so the CSRF token can be checked before a byte of any file is stored.
   */
  head(): Promise<void>
  /** The files, each streamed, in the order sent. Throws an `UploadError` when the body turns out to be malformed. */
  readonly files: AsyncIterable<Upload>
  /** Reads the rest of the body and throws it away: for a request refused before its files were wanted. */
  discard(): void
}

export interface UploadOptions {
  /** The name of the multipart field that holds the files. */
  readonly fileField: string
  /** A custodian given outside the body (the API's `?custodian=`); a `custodian` field before the files wins. */
  readonly custodian?: string
  /** The file's name when the body is the file itself (the API's `?name=`). */
  readonly rawName?: string
}

const isMultipart = (req: Request): boolean => /^multipart\/form-data\b/i.test(req.get('content-type') ?? '')

/**
 * A file's bytes as the service reads them. Stopping early (a file over the size limit) does not destroy the part:
 * the rest of it is read and thrown away, so that the parser carries on to the next file.
 */
const bytesOf = (stream: Readable): AsyncIterable<Uint8Array> => ({
  async *[Symbol.asyncIterator]() {
    try {
      for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) yield chunk
    } finally {
      if (!stream.readableEnded) stream.resume()
    }
  },
})

/** Whether a raw body carries anything: a request with `Content-Length: 0` (or no body at all) does not. */
const hasBody = (req: Request): boolean =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? '0') > 0

/** An async iterable over what `next` hands out, one at a time, until it says there is no more. */
const handingOut = <T>(next: () => T | undefined): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => ({
    next: () => {
      const value = next()
      return Promise.resolve(
        value === undefined ? { done: true as const, value: undefined } : { done: false as const, value },
      )
    },
  }),
})

/** Files that fail as soon as the first is asked for: a body that cannot be read as it says. */
const failing = (problem: UploadError): AsyncIterable<Upload> => ({
  [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(problem) }),
})

const readRawUpload = (req: Request, options: UploadOptions): UploadRequest => {
  const name = options.rawName?.trim() ?? ''
  let present = hasBody(req) && name !== ''
  return {
    fields: new Map(),
    head: () => Promise.resolve(),
    files: handingOut((): Upload | undefined => {
      if (!present) return undefined
      present = false
      return {
        name,
        content: bytesOf(req),
        ...(options.custodian === undefined ? {} : { custodian: options.custodian }),
      }
    }),
    discard: () => {
      if (!req.readableEnded) req.resume()
    },
  }
}

interface FilePart {
  readonly filename: string
  readonly stream: Readable
  readonly custodian: string | undefined
}

const readMultipartUpload = (req: Request, options: UploadOptions): UploadRequest => {
  const fields = new Map<string, string>()
  const queue: FilePart[] = []
  let ended = false
  let failure: UploadError | undefined
  let waiting: (() => void) | undefined
  let headDone = false
  const headWaiters: (() => void)[] = []

  /** The fields as they were when the first file began: what `fields` shows, whatever comes later. */
  const headFields = new Map<string, string>()
  const notify = () => {
    const wake = waiting
    waiting = undefined
    wake?.()
    if (!headDone && (queue.length > 0 || ended || failure !== undefined)) {
      headDone = true
      for (const [name, value] of fields) headFields.set(name, value)
      for (const resolve of headWaiters.splice(0)) resolve()
    }
  }

  let parser: busboy.Busboy
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { files: MAX_FILES_PER_REQUEST, fields: 20, fieldSize: 10_000, fieldNameSize: 100 },
    })
  } catch {
    return {
      fields,
      head: () => Promise.resolve(),
      files: failing(new UploadError('malformed', 'The body is not multipart/form-data with a boundary')),
      discard: () => {
        if (!req.readableEnded) req.resume()
      },
    }
  }

  // A field applies to the files after it: a form puts `_csrf` and `custodian` before its file input.
  parser.on('field', (name, value) => {
    fields.set(name, value)
  })
  parser.on('file', (name, stream, info) => {
    // A form's file input with nothing chosen sends a part with an empty name and no bytes; other fields' files are
    // not wanted. Both are read and thrown away.
    if (name !== options.fileField || info.filename === undefined || info.filename === '') {
      stream.resume()
      return
    }
    queue.push({ filename: info.filename, stream, custodian: fields.get('custodian') ?? options.custodian })
    notify()
  })
  parser.on('filesLimit', () => {
    failure ??= new UploadError(
      'too-many-files',
      `Send at most ${MAX_FILES_PER_REQUEST} files at a time: add the rest in another upload`,
    )
    notify()
  })
  parser.on('close', () => {
    ended = true
    notify()
  })
  parser.on('error', (error: unknown) => {
    failure ??= new UploadError(
      'malformed',
      `The multipart body could not be read: ${error instanceof Error ? error.message : 'it is malformed'}`,
    )
    ended = true
    notify()
  })
  req.on('close', () => {
    if (req.complete) return
    failure ??= new UploadError('malformed', 'The request stopped before its body ended')
    notify()
  })
  req.pipe(parser)

  const files: AsyncIterable<Upload> = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const part = queue.shift()
        if (part !== undefined) {
          try {
            yield {
              name: part.filename,
              content: bytesOf(part.stream),
              ...(part.custodian === undefined ? {} : { custodian: part.custodian }),
            }
          } finally {
            // A file the consumer did not read to the end is drained, so the parser can go on.
            if (!part.stream.readableEnded) part.stream.resume()
          }
          continue
        }
        if (failure !== undefined) throw failure
        if (ended) return
        await new Promise<void>((resolve) => {
          waiting = resolve
        })
      }
    },
  }

  return {
    fields: headFields,
    head: () =>
      headDone
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            headWaiters.push(resolve)
          }),
    files,
    discard: () => {
      for (const part of queue.splice(0)) part.stream.resume()
      req.unpipe(parser)
      if (!req.readableEnded) req.resume()
    },
  }
}

/** Reads the files of a request: multipart when it says so, else the body as one file named `options.rawName`. */
export const readUploadRequest = (req: Request, options: UploadOptions): UploadRequest =>
  isMultipart(req) ? readMultipartUpload(req, options) : readRawUpload(req, options)
