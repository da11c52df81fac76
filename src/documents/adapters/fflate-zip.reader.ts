import { fail, ok, type Result } from '../../domain/result.ts'
import type { ContainedFile, DocumentReading, ReadInput, ReadLimits, ReadProblem } from '../reading/document-reading.ts'
import { baseName, displayName } from '../reading/file-names.ts'
import { EMPTY_FILE } from '../reading/plain-text.reader.ts'
import { inflateEntry, readZipDirectory, type ZipEntry } from '../reading/zip-directory.ts'

/**
 * Reads a ZIP archive: its text is the list of the names in it, and its entries are handed back as contained files
 * for the pipeline to read in turn (at `depth + 1`). Archives are where attacks hide, so:
 *
 * - nesting is limited (`maxArchiveDepth`), and so is the number of entries (`maxArchiveEntries`);
 * - an archive whose declared sizes add up to more than `maxExpandedBytes`, or with an entry declaring more than
 *   `maxExpansionRatio` times its compressed size, is refused before anything is expanded; and since declared sizes
 *   can lie, the same limits are enforced on the bytes actually coming out while expanding, stopping at once;
 * - an entry whose name could reach outside a folder it was extracted into (`../x`, `/x`, `C:\x`, `\\server\x`, a
 *   NUL character) is reported with a problem and not extracted; the other entries go on.
 */

/** Small entries may expand by more than the ratio (a 200-byte file of spaces): this much is always allowed. */
export const SMALL_ENTRY_ALLOWANCE = 1024 * 1024

const formatBytes = (bytes: number): string =>
  bytes >= 1024 ** 3
    ? `${Math.round((bytes / 1024 ** 3) * 10) / 10} GB`
    : bytes >= 1024 ** 2
      ? `${Math.round(bytes / 1024 ** 2)} MB`
      : `${Math.max(1, Math.round(bytes / 1024))} KB`

const bomb = (limits: ReadLimits): ReadProblem => ({
  code: 'archive-bomb',
  message: `The archive expands to far more than it should (more than ${formatBytes(limits.maxExpandedBytes)} in all, or more than ${limits.maxExpansionRatio} times its compressed size for a file in it), which is how "zip bombs" attack systems, so it was not opened. If the archive is genuine, extract it on a computer and upload the files in smaller batches.`,
})

/** Why an entry's name is unsafe to extract, or undefined when it is safe. */
export const unsafeNameReason = (name: string): string | undefined => {
  if (name.includes('\0')) return 'it contains a NUL character'
  // eslint-disable-next-line no-control-regex
  if (/[\u0001-\u001f\u007f]/.test(name)) return 'it contains control characters'
  const path = name.replace(/\\/g, '/')
  if (path.startsWith('/')) return 'it is an absolute path'
  if (/^[A-Za-z]:/.test(path)) return 'it starts with a drive letter'
  if (path.split('/').some((part) => part === '..')) return 'it points outside the archive’s folder (“..”)'
  return undefined
}

const skipped = (entry: ZipEntry): boolean => {
  if (entry.directory) return true
  const path = entry.name.replace(/\\/g, '/')
  if (path.startsWith('__MACOSX/') || path.includes('/__MACOSX/')) return true
  const base = baseName(path)
  return base === '.DS_Store' || base === ''
}

const entryProblem = (code: ReadProblem['code'], message: string): ReadProblem => ({ code, message })

/**
 * Reads a ZIP archive within `limits`. Never throws for bad bytes: a damaged archive is `corrupt`, a damaged or
 * password-protected entry is a contained file with a problem.
 */
export const readZip = (input: ReadInput, limits: ReadLimits): Result<DocumentReading, ReadProblem> => {
  if (input.bytes.length === 0) return fail(EMPTY_FILE)
  if (input.depth >= limits.maxArchiveDepth) {
    return fail({
      code: 'archive-too-deep',
      message: `The archive is inside ${input.depth} other archives or messages, more than the ${limits.maxArchiveDepth} Disclose opens. Extract the inner archives on a computer and upload their files.`,
    })
  }
  const directory = readZipDirectory(input.bytes, { maxEntries: limits.maxArchiveEntries + 1 })
  if (!directory.ok) {
    return fail({
      code: 'corrupt',
      message:
        'The archive could not be read: it may be damaged, incomplete or not really a ZIP archive. Create the archive again (or extract it on a computer and upload the files) and upload that.',
    })
  }
  const { entries, declaredEntries } = directory.value
  if (declaredEntries > limits.maxArchiveEntries) {
    return fail({
      code: 'archive-too-many-files',
      message: `The archive holds ${declaredEntries.toLocaleString('en-GB')} files and folders, more than the ${limits.maxArchiveEntries.toLocaleString('en-GB')} Disclose opens in one archive. Split it into smaller archives and upload those.`,
    })
  }

  const wanted = entries.filter((entry) => !skipped(entry))
  const perEntryLimit = (entry: ZipEntry): number =>
    entry.compressedSize * limits.maxExpansionRatio + SMALL_ENTRY_ALLOWANCE
  const extractable = wanted.filter(
    (entry) => unsafeNameReason(entry.name) === undefined && !entry.encrypted && [0, 8].includes(entry.method),
  )
  // What the archive says about itself, checked before anything is expanded.
  const declaredTotal = extractable.reduce((sum, entry) => sum + entry.size, 0)
  if (declaredTotal > limits.maxExpandedBytes || extractable.some((entry) => entry.size > perEntryLimit(entry))) {
    return fail(bomb(limits))
  }

  const contained: ContainedFile[] = []
  const listing: string[] = []
  let expanded = 0
  for (const entry of wanted) {
    const shownName = displayName(entry.name, 255)
    listing.push(shownName)
    const reason = unsafeNameReason(entry.name)
    if (reason !== undefined) {
      contained.push({
        name: shownName,
        problem: entryProblem(
          'unsafe-name',
          `This file in the archive was not opened because its name is unsafe: ${reason}. Extract the archive on a computer, check the file and upload it on its own if it is needed.`,
        ),
      })
      continue
    }
    const name = entry.name.replace(/\\/g, '/')
    const budget = Math.min(perEntryLimit(entry), limits.maxExpandedBytes - expanded)
    const content = inflateEntry(input.bytes, entry, budget)
    if (content.ok) {
      expanded += content.value.length
      contained.push({ name, bytes: content.value })
      continue
    }
    switch (content.error) {
      case 'too-large':
        // The archive lied about its sizes: stop at once rather than expand anything more.
        return fail(bomb(limits))
      case 'encrypted':
        contained.push({
          name,
          problem: entryProblem(
            'encrypted',
            'This file in the archive is protected by a password. Extract it with the password on a computer and upload it on its own.',
          ),
        })
        break
      case 'unsupported-method':
        contained.push({
          name,
          problem: entryProblem(
            'unsupported',
            'This file in the archive is compressed in a way Disclose cannot expand. Extract the archive on a computer and upload the file on its own, or create the archive again with ordinary ZIP compression.',
          ),
        })
        break
      case 'corrupt':
        contained.push({
          name,
          problem: entryProblem(
            'corrupt',
            'This file in the archive is damaged and could not be extracted. Create the archive again, or upload the original file on its own.',
          ),
        })
        break
    }
  }

  const systemFiles = entries.filter((entry) => !entry.directory && skipped(entry)).length
  const notes: string[] = []
  const problems = contained.filter((file) => 'problem' in file).length
  if (problems > 0) {
    notes.push(
      `${problems} ${problems === 1 ? 'file' : 'files'} in the archive could not be opened; each says why in the list of files.`,
    )
  }
  if (systemFiles > 0) {
    notes.push(
      `${systemFiles} macOS system ${systemFiles === 1 ? 'file' : 'files'} (__MACOSX, .DS_Store) ${systemFiles === 1 ? 'was' : 'were'} left out.`,
    )
  }
  if (wanted.length === 0) notes.push('The archive holds no files.')
  return ok({
    kind: 'archive',
    mediaType: 'application/zip',
    text: listing.join('\n'),
    pages: [],
    hidden: [],
    contained,
    notes,
  })
}
