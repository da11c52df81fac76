/**
 * File names arrive from uploads, archives and attachments and may be hostile: `../../etc/passwd`, control
 * characters, right-to-left overrides, 10,000 characters. They are only ever shown to people and used for their
 * extension; these helpers make them safe for both.
 */

// C0 and C1 control characters, DEL, and the Unicode bidirectional overrides and isolates that can disguise a name.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** The longest a name is shown: longer names are shortened in the middle, keeping their extension. */
export const MAX_SHOWN_NAME_LENGTH = 80

/**
 * A name as it may be shown in a message or a listing: control and direction characters removed, runs of spaces
 * collapsed, and long names shortened in the middle ("very-long…name.pdf").
 */
export const displayName = (name: string, maxLength = MAX_SHOWN_NAME_LENGTH): string => {
  // Work on a bounded prefix and suffix so that a 10 MB "name" costs no more than a short one.
  const bounded = name.length > 4 * maxLength ? `${name.slice(0, 2 * maxLength)}…${name.slice(-2 * maxLength)}` : name
  const cleaned = bounded.replace(UNSAFE_CHARACTERS, '').replace(/\s+/g, ' ').trim()
  if (cleaned === '') return '(no name)'
  const characters = [...cleaned]
  if (characters.length <= maxLength) return cleaned
  const keepEnd = Math.min(20, Math.floor(maxLength / 3))
  return `${characters.slice(0, maxLength - keepEnd - 1).join('')}…${characters.slice(-keepEnd).join('')}`
}

/** The last part of a path, whichever separator it uses. */
export const baseName = (name: string): string =>
  name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)

/** The extension in lower case without its dot ("pdf"), or '' when the name has none that looks like one. */
export const extensionOf = (name: string): string => {
  const base = baseName(name)
  const dot = base.lastIndexOf('.')
  if (dot <= 0) return ''
  const extension = base.slice(dot + 1).toLowerCase()
  return /^[a-z0-9]{1,10}$/.test(extension) ? extension : ''
}

/**
 * A name for a file found inside another (an attachment), fit to be stored and shown: its last path part only,
 * unsafe characters removed, at most 255 characters; `fallback` when nothing is left.
 */
export const containedFileName = (name: string | undefined, fallback: string): string => {
  const base = baseName(name ?? '')
    .replace(UNSAFE_CHARACTERS, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (base === '' || base === '.' || base === '..') return fallback
  const characters = [...base]
  if (characters.length <= 255) return base
  const extension = extensionOf(base)
  const tail = extension === '' ? '' : `.${extension}`
  return `${characters.slice(0, 255 - tail.length - 1).join('')}…${tail}`
}
