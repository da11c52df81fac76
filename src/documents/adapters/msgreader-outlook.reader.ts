import msgreaderModule, { type FieldsData } from '@kenjiuno/msgreader'
import { fail, ok, type Result } from '../../domain/result.ts'
import { classifyCompoundFile, readCompoundDirectory } from '../reading/compound-file.ts'
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
import { decodeText, EMPTY_FILE } from '../reading/plain-text.reader.ts'

/**
 * Reads an Outlook message (.msg) with @kenjiuno/msgreader. The text is a header block (From, To, Cc, Bcc, Date,
 * Subject) then the body (the plain one, or the HTML one made into text). Message-ID, In-Reply-To and References
 * come from the message's own properties or, failing those, from the internet headers Outlook keeps for received
 * mail. Attachments become contained files; an embedded message (an email attached to the email) becomes a contained
 * `.msg` file, which msgreader rebuilds as a stand-alone compound file, so the pipeline reads it like any other.
 *
 * Before msgreader sees the bytes, the compound file's directory and sector chains are checked (see
 * `compound-file.ts`): msgreader follows chains without guarding against loops, so a damaged or hostile file could
 * otherwise hang the worker.
 */

type MsgReaderClass = typeof msgreaderModule.default

/** msgreader is CommonJS: depending on the loader its class is the default export or that export's `default`. */
const MsgReader: MsgReaderClass =
  (msgreaderModule as unknown as { default?: MsgReaderClass }).default ?? (msgreaderModule as unknown as MsgReaderClass)

const MSG_DAMAGED: ReadProblem = {
  code: 'corrupt',
  message:
    'The Outlook message could not be read: it may be damaged or not really an Outlook message. Open it in Outlook, save it again (File > Save As, Outlook Message Format – Unicode) and upload that.',
}

const NOT_A_MESSAGE: ReadProblem = {
  code: 'unsupported',
  message:
    'The file is not an Outlook message. If it is an older Word or Excel file, save it as .docx or .xlsx and upload that.',
}

/** The value of a string property by its tag ("1042001f"), in Unicode or 8-bit form. */
const stringProperty = (fields: FieldsData, id: string): string | undefined => {
  const property = fields.rawProps?.find((raw) => raw.propertyTag === `${id}001f` || raw.propertyTag === `${id}001e`)
  const value = typeof property?.value === 'string' ? property.value.trim() : ''
  return value === '' ? undefined : value
}

const longProperty = (fields: FieldsData, id: string): number | undefined => {
  const value = fields.rawProps?.find((raw) => raw.propertyTag === `${id}0003`)?.value
  return typeof value === 'number' ? value : undefined
}

/** Internet headers (as Outlook keeps them for received mail): unfolded, by lower-case name, first occurrence. */
export const parseTransportHeaders = (headers: string | undefined): Map<string, string> => {
  const parsed = new Map<string, string>()
  if (headers === undefined) return parsed
  const unfolded = headers.replace(/\r\n?/g, '\n').replace(/\n[ \t]+/g, ' ')
  for (const line of unfolded.split('\n')) {
    if (line === '') break
    const match = /^([!-9;-~]+):\s*(.*)$/.exec(line)
    if (match === null) continue
    const name = (match[1] ?? '').toLowerCase()
    if (!parsed.has(name)) parsed.set(name, (match[2] ?? '').trim())
  }
  return parsed
}

const isoDate = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

const smtpAddress = (...candidates: (string | undefined)[]): string | undefined =>
  candidates.find((candidate) => candidate !== undefined && candidate.includes('@') && !candidate.startsWith('/'))

const recipients = (fields: FieldsData, type: 'to' | 'cc' | 'bcc'): MailAddress[] =>
  (fields.recipients ?? [])
    .filter((recipient) => (recipient.recipType ?? 'to') === type)
    .map((recipient) => mailAddress(recipient.name, smtpAddress(recipient.smtpAddress, recipient.email)))
    .filter((address) => address.name !== undefined || address.address !== undefined)

const ATTACH_BY_VALUE = 1
const ATTACH_OLE = 6

const attachmentProblem = (name: string, code: ReadProblem['code'], message: string): ContainedFile => ({
  name,
  problem: { code, message },
})

const readAttachment = (reader: InstanceType<MsgReaderClass>, attachment: FieldsData, index: number): ContainedFile => {
  const method = longProperty(attachment, '3705')
  if (attachment.innerMsgContent === true && method !== ATTACH_OLE) {
    const subject = attachment.name ?? attachment.innerMsgContentFields?.subject
    let name = containedFileName(subject, `attached message ${index + 1}`)
    if (extensionOf(name) !== 'msg') name = `${name}.msg`
    try {
      return { name, bytes: reader.getAttachment(attachment).content, mediaType: 'application/vnd.ms-outlook' }
    } catch {
      return attachmentProblem(name, 'corrupt', 'This attached message is damaged and could not be extracted.')
    }
  }
  const fallback = `attachment ${index + 1}${attachment.extension ?? ''}`
  const name = containedFileName(attachment.fileName ?? attachment.fileNameShort ?? attachment.name, fallback)
  if (method === ATTACH_OLE || attachment.innerMsgContent === true) {
    return attachmentProblem(
      name,
      'unsupported',
      'This attachment is an object embedded in the message (OLE), which Disclose cannot extract. Open the message in Outlook, save the object as a file and upload it on its own.',
    )
  }
  if (attachment.dataId === undefined || (method !== undefined && method !== ATTACH_BY_VALUE)) {
    return attachmentProblem(
      name,
      'unsupported',
      'This attachment is not stored in the message (it is a link to a file kept elsewhere). Find the file and upload it on its own.',
    )
  }
  try {
    const content = reader.getAttachment(attachment).content
    return {
      name,
      bytes: content,
      ...(attachment.attachMimeTag === undefined ? {} : { mediaType: attachment.attachMimeTag.toLowerCase() }),
    }
  } catch {
    return attachmentProblem(name, 'corrupt', 'This attachment is damaged and could not be extracted.')
  }
}

const body = (fields: FieldsData, notes: string[]): string => {
  const plain = (fields.body ?? '').replace(/\r\n?/g, '\n').trim()
  if (plain !== '') return plain
  const html =
    fields.bodyHtml ?? (fields.html === undefined ? undefined : decodeText(fields.html).text.replace(/\0+$/, ''))
  if (html !== undefined && html.trim() !== '') {
    notes.push('The message has no plain-text body: its HTML body was made into text.')
    return htmlToText(html)
  }
  if (fields.compressedRtf !== undefined) {
    notes.push(
      'The message body is stored only as rich text (RTF), which Disclose cannot read. Open the message in Outlook, save it as text or print it to PDF, and upload that.',
    )
  }
  return ''
}

/** Reads an Outlook .msg message. Never throws for bad bytes. */
export const readMsg = (input: ReadInput): Result<DocumentReading, ReadProblem> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  const directory = readCompoundDirectory(input.bytes)
  if (!directory.ok) return fail(MSG_DAMAGED)
  if (classifyCompoundFile(directory.value) !== 'outlook-message') return fail(NOT_A_MESSAGE)

  let reader: InstanceType<MsgReaderClass>
  let fields: FieldsData
  try {
    reader = new MsgReader(input.bytes.slice().buffer)
    reader.parserConfig = { includeRawProps: true }
    fields = reader.getFileData()
  } catch {
    return fail(MSG_DAMAGED)
  }
  if (fields.error !== undefined || fields.dataType !== 'msg') return fail(MSG_DAMAGED)

  const transport = parseTransportHeaders(fields.headers)
  const senderAddress = smtpAddress(
    fields.senderSmtpAddress,
    fields.senderEmail,
    fields.sentRepresentingSmtpAddress,
    fields.creatorSMTPAddress,
  )
  const from =
    fields.senderName === undefined && senderAddress === undefined
      ? undefined
      : mailAddress(fields.senderName, senderAddress)
  const subject = fields.subject?.trim()
  const messageId = messageIds(fields.messageId ?? transport.get('message-id'))[0]
  const inReplyTo = messageIds(stringProperty(fields, '1042') ?? transport.get('in-reply-to'))[0]
  const sentAt =
    isoDate(fields.clientSubmitTime) ?? isoDate(fields.messageDeliveryTime) ?? isoDate(transport.get('date'))
  const modifiedAt = isoDate(fields.lastModificationTime)
  const headers: EmailHeaders = {
    ...(messageId === undefined ? {} : { messageId }),
    ...(inReplyTo === undefined ? {} : { inReplyTo }),
    references: messageIds(stringProperty(fields, '1039') ?? transport.get('references')),
    ...(subject === undefined || subject === '' ? {} : { subject }),
    ...(from === undefined ? {} : { from }),
    to: recipients(fields, 'to'),
    cc: recipients(fields, 'cc'),
    ...(sentAt === undefined ? {} : { sentAt }),
  }

  const notes: string[] = []
  let text: string
  let contained: ContainedFile[]
  try {
    const messageBody = body(fields, notes)
    const block = headerBlock(headers, transport.get('date') ?? sentAt, recipients(fields, 'bcc'))
    text = messageBody === '' ? block : `${block}\n\n${messageBody}`
    contained = (fields.attachments ?? []).map((attachment, index) => readAttachment(reader, attachment, index))
  } catch {
    return fail(MSG_DAMAGED)
  }
  const problems = contained.filter((file) => 'problem' in file).length
  if (problems > 0) {
    notes.push(
      `${problems} ${problems === 1 ? 'attachment' : 'attachments'} could not be extracted; each says why in the list of files.`,
    )
  }

  return ok({
    kind: 'email',
    mediaType: 'application/vnd.ms-outlook',
    text,
    pages: [],
    ...(subject === undefined || subject === '' ? {} : { title: subject }),
    ...(from === undefined ? {} : { author: showAddress(from) }),
    ...(sentAt === undefined ? {} : { createdAt: sentAt }),
    ...(modifiedAt === undefined ? {} : { modifiedAt }),
    email: headers,
    hidden: [],
    contained,
    notes,
  })
}
