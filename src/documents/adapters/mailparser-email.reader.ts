import { simpleParser, type AddressObject, type EmailAddress, type ParsedMail } from 'mailparser'
import { fail, ok, type Result } from '../../domain/result.ts'
import type {
  ContainedFile,
  DocumentReading,
  EmailHeaders,
  MailAddress,
  ReadInput,
  ReadProblem,
} from '../reading/document-reading.ts'
import { headerBlock, mailAddress, messageIds, showAddress } from '../reading/email-headers.ts'
import { containedFileName, extensionOf } from '../reading/file-names.ts'
import { htmlToText } from '../reading/html-text.ts'
import { EMPTY_FILE } from '../reading/plain-text.reader.ts'

/**
 * Reads an email saved as .eml (RFC 5322 with MIME) with mailparser. The text is a header block (From, To, Cc,
 * Date, Subject) then the plain body, or the HTML body made into text when there is no plain one. Every attachment
 * becomes a contained file, and an attached message (message/rfc822) a contained `.eml` file, which the pipeline
 * reads in turn.
 */

export const EMAIL_DAMAGED: ReadProblem = {
  code: 'corrupt',
  message:
    'The email could not be read: it may be damaged or not really an email. Open it in your email program, save it again (as .eml or .msg) and upload that.',
}

const addresses = (field: AddressObject | AddressObject[] | undefined): MailAddress[] => {
  const flatten = (address: EmailAddress): EmailAddress[] => [address, ...(address.group ?? []).flatMap(flatten)]
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field]
  return objects
    .flatMap((object) => object.value.flatMap(flatten))
    .filter((address) => (address.address ?? '') !== '' || address.name !== '')
    .map((address) => mailAddress(address.name, address.address))
}

const isoDate = (date: Date | undefined): string | undefined =>
  date === undefined || Number.isNaN(date.getTime()) ? undefined : date.toISOString()

const EXTENSIONS: Readonly<Record<string, string>> = {
  'message/rfc822': 'eml',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/html': 'html',
  'text/csv': 'csv',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/tiff': 'tif',
  'application/zip': 'zip',
  'application/vnd.ms-outlook': 'msg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
}

const dateHeader = (parsed: ParsedMail): string | undefined => {
  const line = parsed.headerLines.find((header) => header.key === 'date')?.line
  const value = line
    ?.replace(/^date:\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
  return value === undefined || value === '' ? isoDate(parsed.date) : value
}

/** Reads an .eml email. Never throws for bad bytes. */
export const readEml = async (input: ReadInput): Promise<Result<DocumentReading, ReadProblem>> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  let parsed: ParsedMail
  try {
    parsed = await simpleParser(Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength), {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
    })
  } catch {
    return fail(EMAIL_DAMAGED)
  }

  const from = addresses(parsed.from)[0]
  const sentAt = isoDate(parsed.date)
  const subject = parsed.subject?.trim()
  const inReplyTo = messageIds(parsed.inReplyTo)[0]
  const headers: EmailHeaders = {
    ...(parsed.messageId === undefined ? {} : { messageId: parsed.messageId }),
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    references: messageIds(parsed.references),
    ...(subject === undefined || subject === '' ? {} : { subject }),
    ...(from === undefined ? {} : { from }),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    ...(sentAt === undefined ? {} : { sentAt }),
  }

  const plain = (parsed.text ?? '').replace(/\r\n?/g, '\n').trim()
  const notes: string[] = []
  let body = plain
  if (body === '' && typeof parsed.html === 'string' && parsed.html !== '') {
    body = htmlToText(parsed.html)
    notes.push('The email has no plain-text body: its HTML body was made into text.')
  }

  const contained: ContainedFile[] = parsed.attachments.map((attachment, index) => {
    const mediaType = attachment.contentType.toLowerCase()
    const fallbackExtension = EXTENSIONS[mediaType]
    const fallback = `attachment ${index + 1}${fallbackExtension === undefined ? '' : `.${fallbackExtension}`}`
    let name = containedFileName(attachment.filename, fallback)
    if (mediaType === 'message/rfc822' && extensionOf(name) !== 'eml') name = `${name}.eml`
    return {
      name,
      bytes: new Uint8Array(attachment.content.buffer, attachment.content.byteOffset, attachment.content.byteLength),
      mediaType,
    }
  })

  const block = headerBlock(headers, dateHeader(parsed), addresses(parsed.bcc))
  return ok({
    kind: 'email',
    mediaType: 'message/rfc822',
    text: body === '' ? block : `${block}\n\n${body}`,
    pages: [],
    ...(subject === undefined || subject === '' ? {} : { title: subject }),
    ...(from === undefined ? {} : { author: showAddress(from) }),
    ...(sentAt === undefined ? {} : { createdAt: sentAt }),
    email: headers,
    hidden: [],
    contained,
    notes,
  })
}
