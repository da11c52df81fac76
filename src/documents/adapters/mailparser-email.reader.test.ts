import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../test/fixtures/documents/archives.ts'
import {
  buildEmailWithAttachments,
  buildHtmlOnlyEmail,
  PDF_LIKE_BYTES,
} from '../../../test/fixtures/documents/emails.ts'
import { buildPlainDocx } from '../../../test/fixtures/documents/office-files.ts'
import type { ContainedFile } from '../reading/document-reading.ts'
import { identifyFile } from '../reading/sniff.ts'
import { messageIds } from '../reading/email-headers.ts'
import { readEml } from './mailparser-email.reader.ts'

const read = (text: string | Uint8Array, depth = 0) =>
  readEml({ bytes: typeof text === 'string' ? bytesOf(text) : text, name: 'message.eml', depth })

const bytesIn = (file: ContainedFile | undefined): Uint8Array => {
  if (file === undefined || !('bytes' in file)) throw new Error('expected a contained file with bytes')
  return file.bytes
}

describe('the .eml reader', () => {
  it('reads the headers into the reading’s email details', async () => {
    const reading = await read(buildEmailWithAttachments(await buildPlainDocx()))
    expect(reading).toMatchObject({
      ok: true,
      value: {
        kind: 'email',
        mediaType: 'message/rfc822',
        title: 'Request for information – parking',
        createdAt: '2024-01-03T09:30:00.000Z',
        email: {
          messageId: '<outer-0002@example.org>',
          inReplyTo: '<earlier-0001@example.gov.uk>',
          references: ['<start-0000@example.org>', '<earlier-0001@example.gov.uk>'],
          subject: 'Request for information – parking',
          from: { name: 'Priya Testperson', address: 'priya.testperson@example.org' },
          to: [{ name: 'Parking Team', address: 'parking@example.gov.uk' }, { address: 'foi@example.gov.uk' }],
          cc: [{ name: 'Grace Fictional', address: 'grace.fictional@example.gov.uk' }],
          sentAt: '2024-01-03T09:30:00.000Z',
        },
      },
    })
  })

  it('gives a header block then the plain body as the text', async () => {
    const reading = await read(buildEmailWithAttachments(await buildPlainDocx()))
    expect(reading.ok && reading.value.text).toBe(
      [
        'From: Priya Testperson <priya.testperson@example.org>',
        'To: Parking Team <parking@example.gov.uk>, foi@example.gov.uk',
        'Cc: Grace Fictional <grace.fictional@example.gov.uk>',
        'Date: Wed, 03 Jan 2024 09:30:00 +0000',
        'Subject: Request for information – parking',
        '',
        'Dear Parking Team,',
        '',
        'Under the Freedom of Information Act I ask for the permit records.',
        'Priya Testperson, 07700 900123',
      ].join('\n'),
    )
  })

  it('hands back every attachment, and an attached message as an .eml file that reads in turn', async () => {
    const docx = await buildPlainDocx()
    const reading = await read(buildEmailWithAttachments(docx))
    if (!reading.ok) throw new Error('the email should be read')
    const { contained } = reading.value
    expect(contained.map((file) => file.name)).toEqual(['scan.pdf', 'letter.docx', 'Fwd appeal.eml'])
    expect(bytesIn(contained[0])).toEqual(PDF_LIKE_BYTES)
    expect(bytesIn(contained[1])).toEqual(docx)
    expect(contained[2]).toMatchObject({ mediaType: 'message/rfc822' })

    const forwarded = bytesIn(contained[2])
    expect(identifyFile({ bytes: forwarded, name: 'Fwd appeal.eml', depth: 1 })).toMatchObject({
      ok: true,
      value: { kind: 'email', notes: [] },
    })
    const inner = await read(forwarded, 1)
    expect(inner).toMatchObject({
      ok: true,
      value: {
        email: { subject: 'My permit appeal', messageId: '<inner-0001@example.org>' },
        contained: [{ name: 'appeal-notes.txt', mediaType: 'text/plain' }],
      },
    })
    expect(inner.ok && inner.value.text).toContain('My number is 07700 900456.')
    expect(new TextDecoder().decode(bytesIn(inner.ok ? inner.value.contained[0] : undefined))).toBe(
      'Appeal notes for SW1A 2AA.\n',
    )
  })

  it('makes an HTML-only body into text, with a note', async () => {
    const reading = await read(buildHtmlOnlyEmail())
    expect(reading).toMatchObject({
      ok: true,
      value: { notes: ['The email has no plain-text body: its HTML body was made into text.'] },
    })
    expect(reading.ok && reading.value.text).toBe(
      [
        'From: Grace Fictional <grace.fictional@example.gov.uk>',
        'To: priya.testperson@example.org',
        'Date: Thu, 04 Jan 2024 14:00:00 +0000',
        'Subject: Your request',
        '',
        'Dear Ms Testperson,',
        'We hold the information & will send it.',
        'Regards',
        '\tRef\tFOI-2024-001',
      ].join('\n'),
    )
  })

  it('names attachments that have no name, or a hostile one, safely', async () => {
    const email = [
      'From: a@example.org',
      'Subject: Names',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'Body',
      '--b',
      'Content-Type: application/pdf',
      'Content-Disposition: attachment',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(PDF_LIKE_BYTES).toString('base64'),
      '--b',
      'Content-Type: text/plain',
      'Content-Disposition: attachment; filename="../../etc/passwd"',
      '',
      'x',
      '--b--',
      '',
    ].join('\r\n')
    const reading = await read(email)
    expect(reading.ok && reading.value.contained.map((file) => file.name)).toEqual(['attachment 1.pdf', 'passwd'])
  })

  it('reads a message without a date or recipients', async () => {
    const reading = await read('From: someone@example.org\r\nSubject: Undated\r\n\r\nHello')
    expect(reading).toMatchObject({
      ok: true,
      value: {
        text: 'From: someone@example.org\nSubject: Undated\n\nHello',
        email: { to: [], cc: [], references: [] },
      },
    })
    expect(reading.ok && reading.value.email?.sentAt).toBeUndefined()
  })

  it('refuses an empty file, and never throws for bytes that are not an email', async () => {
    expect(await read(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'empty' } })
    const garbage = await read(new Uint8Array([0, 255, 1, 254, 2, 253]))
    expect(typeof garbage.ok).toBe('boolean')
  })

  it('finds message IDs however References is written', () => {
    expect(messageIds('<a@x> <b@y>')).toEqual(['<a@x>', '<b@y>'])
    expect(messageIds(['<a@x>', '<b@y>'])).toEqual(['<a@x>', '<b@y>'])
    expect(messageIds('bare@id')).toEqual(['bare@id'])
    expect(messageIds(undefined)).toEqual([])
  })
})
