import type { EmailHeaders, MailAddress } from './document-reading.ts'

/** What the .eml and .msg readers share: addresses, message IDs and the header block at the top of an email's text. */

export const mailAddress = (name: string | undefined, address: string | undefined): MailAddress => {
  const cleanName = name?.trim() ?? ''
  const cleanAddress = address?.trim() ?? ''
  return {
    ...(cleanName === '' ? {} : { name: cleanName }),
    ...(cleanAddress === '' ? {} : { address: cleanAddress }),
  }
}

/** An address as an email program shows it: `Name <address>`. */
export const showAddress = (address: MailAddress): string =>
  address.name !== undefined && address.address !== undefined
    ? `${address.name} <${address.address}>`
    : (address.name ?? address.address ?? '')

/** The header block at the top of an email's text (Bcc only when the sender's copy kept it). */
export const headerBlock = (
  headers: EmailHeaders,
  date: string | undefined,
  bcc: readonly MailAddress[] = [],
): string =>
  [
    headers.from === undefined ? '' : `From: ${showAddress(headers.from)}`,
    headers.to.length === 0 ? '' : `To: ${headers.to.map(showAddress).join(', ')}`,
    headers.cc.length === 0 ? '' : `Cc: ${headers.cc.map(showAddress).join(', ')}`,
    bcc.length === 0 ? '' : `Bcc: ${bcc.map(showAddress).join(', ')}`,
    date === undefined ? '' : `Date: ${date}`,
    headers.subject === undefined ? '' : `Subject: ${headers.subject}`,
  ]
    .filter((line) => line !== '')
    .join('\n')

/** Message-IDs as written in References and In-Reply-To: `<id@host>` each. */
export const messageIds = (value: string | readonly string[] | undefined): string[] => {
  const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : ''
  const bracketed = text.match(/<[^<>\s]+>/g)
  if (bracketed !== null) return bracketed
  return text.split(/\s+/).filter((id) => id !== '')
}
