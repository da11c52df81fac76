import { fail, ok, type Result } from '../../domain/result.ts'
import { classifyCompoundFile, isCompoundFile, readCompoundDirectory } from './compound-file.ts'
import type { ReadLimits, ReadProblem } from './document-reading.ts'
import { decodeEntities } from './html-text.ts'
import { declaredExpandedSize, findEntry, inflateEntry, readZipDirectory, type ZipDirectory } from './zip-directory.ts'

/**
 * What the Word and Excel readers share: opening the ZIP package safely (its declared size checked before a library
 * expands it), reading a part as text, the package's core properties, and the problems to report.
 */

export interface OfficePackage {
  readonly bytes: Uint8Array
  readonly directory: ZipDirectory
  /** The largest any single part may expand to when read here. */
  readonly maxPartBytes: number
}

export type OfficeKind = 'Word document' | 'spreadsheet'

const WHAT_TO_DO: Readonly<Record<OfficeKind, string>> = {
  'Word document': 'Open it in Word or LibreOffice, save a new copy and upload that.',
  spreadsheet: 'Open it in Excel or LibreOffice, save a new copy and upload that.',
}

export const damaged = (kind: OfficeKind): ReadProblem => ({
  code: 'corrupt',
  message: `The ${kind} could not be read: it may be damaged or not really a ${kind}. ${WHAT_TO_DO[kind]}`,
})

const passwordProtected = (kind: OfficeKind): ReadProblem => ({
  code: 'encrypted',
  message: `The ${kind} is protected by a password, so it cannot be read. Open it, remove the password (File > Info > Protect, then clear the password), save it and upload it again.`,
})

const legacy = (kind: OfficeKind): ReadProblem => ({
  code: 'unsupported',
  message:
    kind === 'Word document'
      ? 'The file is a Word 97–2003 document (.doc), which Disclose cannot read. Save it as .docx (File > Save As > Word Document) and upload that.'
      : 'The file is an Excel 97–2003 workbook (.xls), which Disclose cannot read. Save it as .xlsx (File > Save As > Excel Workbook) and upload that.',
})

/** The most a single XML part is expanded to here, whatever the limits allow. */
const MAX_PART_BYTES = 512 * 1024 * 1024

/**
 * Opens an Office file's ZIP package. A password-protected Office file is not a ZIP at all but a compound file
 * holding the encrypted package: that is reported as `encrypted`; a Word 97–2003 or Excel 97–2003 file as
 * `unsupported`. A package declaring more than `maxExpandedBytes` in all is refused as `too-large` before any
 * library is given it.
 */
export const openOfficePackage = (
  bytes: Uint8Array,
  kind: OfficeKind,
  requiredPart: string,
  limits: ReadLimits,
): Result<OfficePackage, ReadProblem> => {
  if (isCompoundFile(bytes)) {
    const compound = readCompoundDirectory(bytes)
    if (!compound.ok) return fail(damaged(kind))
    const content = classifyCompoundFile(compound.value)
    if (content === 'encrypted-office') return fail(passwordProtected(kind))
    if (content === 'word-97' || content === 'excel-97') return fail(legacy(kind))
    return fail(damaged(kind))
  }
  const directory = readZipDirectory(bytes, { maxEntries: 100_000 })
  if (!directory.ok || findEntry(directory.value, requiredPart) === undefined) return fail(damaged(kind))
  if (declaredExpandedSize(directory.value) > limits.maxExpandedBytes) {
    return fail({
      code: 'too-large',
      message: `The ${kind} would expand to more than ${Math.round(limits.maxExpandedBytes / 1024 ** 3)} GB when opened, which is more than Disclose reads. Split it into smaller files and upload those.`,
    })
  }
  return ok({ bytes, directory: directory.value, maxPartBytes: Math.min(MAX_PART_BYTES, limits.maxExpandedBytes) })
}

/** A part of the package as text, or undefined when it is missing or cannot be expanded within the limit. */
export const readPart = (office: OfficePackage, name: string): string | undefined => {
  const entry = findEntry(office.directory, name)
  if (entry === undefined) return undefined
  const content = inflateEntry(office.bytes, entry, office.maxPartBytes)
  return content.ok ? new TextDecoder('utf-8').decode(content.value) : undefined
}

/** The names of the parts matching a pattern, in the package's order. */
export const partNames = (office: OfficePackage, pattern: RegExp): string[] =>
  office.directory.entries.map((entry) => entry.name).filter((name) => pattern.test(name))

export interface CoreProperties {
  readonly title?: string
  readonly author?: string
  readonly lastModifiedBy?: string
  readonly createdAt?: string
  readonly modifiedAt?: string
}

const element = (xml: string, name: string): string | undefined => {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml)
  const value = match?.[1] === undefined ? '' : decodeEntities(match[1]).trim()
  return value === '' ? undefined : value
}

const isoDate = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString()
}

/** Title, author and dates from `docProps/core.xml`, when the package has them. */
export const readCoreProperties = (office: OfficePackage): CoreProperties => {
  const xml = readPart(office, 'docProps/core.xml')
  if (xml === undefined) return {}
  const properties: {
    title?: string
    author?: string
    lastModifiedBy?: string
    createdAt?: string
    modifiedAt?: string
  } = {}
  const title = element(xml, 'dc:title')
  const author = element(xml, 'dc:creator')
  const lastModifiedBy = element(xml, 'cp:lastModifiedBy')
  const createdAt = isoDate(element(xml, 'dcterms:created'))
  const modifiedAt = isoDate(element(xml, 'dcterms:modified'))
  if (title !== undefined) properties.title = title
  if (author !== undefined) properties.author = author
  if (lastModifiedBy !== undefined) properties.lastModifiedBy = lastModifiedBy
  if (createdAt !== undefined) properties.createdAt = createdAt
  if (modifiedAt !== undefined) properties.modifiedAt = modifiedAt
  return properties
}
