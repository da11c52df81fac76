import msgreaderModule from '@kenjiuno/msgreader'
import { describe, expect, it } from 'vitest'
import { bytesOf } from '../../../test/fixtures/documents/archives.ts'
import {
  buildCompoundFile,
  buildMsg,
  buildSampleMsg,
  withDirectoryLoop,
} from '../../../test/fixtures/documents/outlook-msg.ts'
import type { ContainedFile } from '../reading/document-reading.ts'
import { identifyFile } from '../reading/sniff.ts'
import { parseTransportHeaders, readMsg } from './msgreader-outlook.reader.ts'

const read = (bytes: Uint8Array, depth = 0) => readMsg({ bytes, name: 'message.msg', depth })

const bytesIn = (file: ContainedFile | undefined): Uint8Array => {
  if (file === undefined || !('bytes' in file)) throw new Error('expected a contained file with bytes')
  return file.bytes
}

type MsgReaderClass = typeof msgreaderModule.default
const MsgReader: MsgReaderClass =
  (msgreaderModule as unknown as { default?: MsgReaderClass }).default ?? (msgreaderModule as unknown as MsgReaderClass)

describe('the test .msg builder', () => {
  it('makes files that msgreader reads as Outlook does', () => {
    const fields = new MsgReader(buildSampleMsg().slice().buffer).getFileData()
    expect(fields).toMatchObject({
      dataType: 'msg',
      subject: 'FW: Permit appeal',
      senderName: 'Priya Testperson',
      clientSubmitTime: 'Fri, 05 Jan 2024 11:00:00 GMT',
      recipients: [
        { name: 'Parking Team', email: 'parking@example.gov.uk', recipType: 'to' },
        { name: 'Grace Fictional', email: 'grace.fictional@example.gov.uk', recipType: 'cc' },
      ],
      attachments: [
        { fileName: 'permit-list.csv', contentLength: 41 },
        { name: 'Permit appeal', innerMsgContent: true, innerMsgContentFields: { subject: 'Permit appeal' } },
      ],
    })
    expect(fields.headers).toContain('Message-ID: <msg-0003@example.gov.uk>')
  })
})

describe('the Outlook .msg reader', () => {
  it('reads the sender, recipients, subject, date and thread headers', () => {
    expect(read(buildSampleMsg())).toMatchObject({
      ok: true,
      value: {
        kind: 'email',
        mediaType: 'application/vnd.ms-outlook',
        title: 'FW: Permit appeal',
        author: 'Priya Testperson <priya.testperson@example.gov.uk>',
        createdAt: '2024-01-05T11:00:00.000Z',
        email: {
          messageId: '<msg-0003@example.gov.uk>',
          inReplyTo: '<msg-0002@example.org>',
          references: ['<msg-0001@example.org>', '<msg-0002@example.org>'],
          subject: 'FW: Permit appeal',
          from: { name: 'Priya Testperson', address: 'priya.testperson@example.gov.uk' },
          to: [{ name: 'Parking Team', address: 'parking@example.gov.uk' }],
          cc: [{ name: 'Grace Fictional', address: 'grace.fictional@example.gov.uk' }],
          sentAt: '2024-01-05T11:00:00.000Z',
        },
      },
    })
  })

  it('gives a header block then the body as the text', () => {
    const reading = read(buildSampleMsg())
    expect(reading.ok && reading.value.text).toBe(
      [
        'From: Priya Testperson <priya.testperson@example.gov.uk>',
        'To: Parking Team <parking@example.gov.uk>',
        'Cc: Grace Fictional <grace.fictional@example.gov.uk>',
        'Date: Fri, 5 Jan 2024 11:00:00 +0000',
        'Subject: FW: Permit appeal',
        '',
        'Forwarding the appeal from Oliver Samplename, 07700 900456.',
        'Regards, Priya',
      ].join('\n'),
    )
  })

  it('hands back attachments, and an embedded message as a .msg file that reads in turn', () => {
    const reading = read(buildSampleMsg())
    if (!reading.ok) throw new Error('the message should be read')
    const [csv, embedded] = reading.value.contained
    expect(csv?.name).toBe('permit-list.csv')
    expect(new TextDecoder().decode(bytesIn(csv))).toBe('Name,Postcode\nOliver Samplename,SW1A 2AA\n')
    expect(embedded).toMatchObject({ name: 'Permit appeal.msg', mediaType: 'application/vnd.ms-outlook' })

    const innerBytes = bytesIn(embedded)
    expect(identifyFile({ bytes: innerBytes, name: 'Permit appeal.msg', depth: 1 })).toMatchObject({
      ok: true,
      value: { kind: 'email', mediaType: 'application/vnd.ms-outlook' },
    })
    const inner = read(innerBytes, 1)
    expect(inner).toMatchObject({
      ok: true,
      value: {
        email: {
          subject: 'Permit appeal',
          from: { name: 'Oliver Samplename', address: 'oliver.samplename@example.org' },
          to: [{ name: 'Priya Testperson' }],
          sentAt: '2024-01-04T16:30:00.000Z',
        },
        contained: [{ name: 'appeal.txt' }],
      },
    })
    expect(inner.ok && inner.value.text).toContain('10 Example Street, SW1A 2AA')
    expect(new TextDecoder().decode(bytesIn(inner.ok ? inner.value.contained[0] : undefined))).toBe(
      'Appeal text for permit 4471.\n',
    )
  })

  it('takes the thread headers from the message’s own properties when it has them, and lists Bcc', () => {
    const reading = read(
      buildMsg({
        subject: 'Sent item',
        body: 'Body',
        senderName: 'Grace Fictional',
        senderEmail: 'grace.fictional@example.gov.uk',
        messageId: '<sent-1@example.gov.uk>',
        inReplyTo: '<earlier-1@example.org>',
        references: '<first-1@example.org> <earlier-1@example.org>',
        recipients: [
          { name: 'Priya Testperson', email: 'priya.testperson@example.org', type: 'to' },
          { name: 'Oliver Samplename', email: 'oliver.samplename@example.org', type: 'bcc' },
        ],
      }),
    )
    expect(reading).toMatchObject({
      ok: true,
      value: {
        email: {
          messageId: '<sent-1@example.gov.uk>',
          inReplyTo: '<earlier-1@example.org>',
          references: ['<first-1@example.org>', '<earlier-1@example.org>'],
          to: [{ name: 'Priya Testperson' }],
          cc: [],
        },
      },
    })
    expect(reading.ok && reading.value.text).toContain('Bcc: Oliver Samplename <oliver.samplename@example.org>')
  })

  it('makes an HTML-only body into text, with a note', () => {
    const reading = read(buildMsg({ subject: 'HTML', bodyHtml: '<p>Dear Ms Testperson,</p><p>Regards</p>' }))
    expect(reading).toMatchObject({
      ok: true,
      value: { notes: ['The message has no plain-text body: its HTML body was made into text.'] },
    })
    expect(reading.ok && reading.value.text).toBe('Subject: HTML\n\nDear Ms Testperson,\nRegards')
  })

  it('refuses a damaged message, and one whose sector chains loop, quickly and as corrupt', () => {
    const whole = buildSampleMsg()
    expect(read(whole.subarray(0, 2000))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    const started = performance.now()
    expect(read(withDirectoryLoop(whole))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(read(bytesOf('not a message'))).toMatchObject({ ok: false, error: { code: 'corrupt' } })
    expect(read(new Uint8Array(0))).toMatchObject({ ok: false, error: { code: 'empty' } })
  })

  it('refuses a compound file that is not a message', () => {
    expect(read(buildCompoundFile({ WordDocument: bytesOf('w') }))).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    })
  })

  it('unfolds internet headers and keeps the first of each', () => {
    const headers = parseTransportHeaders(
      'Subject: a\r\n b\r\nReceived: one\r\nReceived: two\r\n\r\nBody: not a header',
    )
    expect(headers.get('subject')).toBe('a b')
    expect(headers.get('received')).toBe('one')
    expect(headers.has('body')).toBe(false)
  })
})
