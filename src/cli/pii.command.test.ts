import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PERSON, personalDataPdf } from '../../test/fixtures/documents/pdfs.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

const LETTER = 'Dear Mr Okafor,\n\n😀 Call 07700 900123 or write to 14 Acacia Avenue, Leeds LS6 3AB.\n'

let folder = ''
const file = (name: string): string => join(folder, name)

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'disclose-pii-'))
  await writeFile(file('letter.txt'), LETTER)
  await writeFile(file('report.pdf'), Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n', 'latin1'))
  await writeFile(file('photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))
  await writeFile(file('data.bin'), Buffer.from([0x41, 0x42, 0x00, 0x43]))
  await writeFile(file('latin1.txt'), Buffer.from('Caf\xe9 on Jordan Road', 'latin1'))
  await writeFile(file('contact.pdf'), await personalDataPdf())
})

afterAll(async () => {
  await rm(folder, { recursive: true, force: true })
})

describe.concurrent('disclose pii', { timeout: 60_000 }, () => {
  it('prints the findings as JSON, with offsets in UTF-16 code units into the input', async () => {
    const findings = parseJsonOutput(await disclose(['pii', file('letter.txt'), '--json'], dataDirs.shared())) as {
      type: string
      start: number
      end: number
      text: string
      score: number
    }[]
    expect(findings.map(({ type, text }) => [type, text])).toEqual([
      ['person-name', 'Okafor'],
      ['phone', '07700 900123'],
      ['postal-address', '14 Acacia Avenue, Leeds'],
      ['postcode', 'LS6 3AB'],
    ])
    for (const finding of findings) {
      expect(Object.keys(finding)).toEqual(['type', 'start', 'end', 'text', 'score'])
      expect(LETTER.slice(finding.start, finding.end)).toBe(finding.text)
    }
  })

  it('reads standard input given as -, and prints a table with a summary', async () => {
    const run = await disclose(['pii', '-'], dataDirs.shared(), {}, LETTER)
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^type\s+start\s+end\s+score\s+text$/)
    expect(lines).toContain('postal-address  50     73   0.80   14 Acacia Avenue, Leeds')
    expect(lines.at(-1)).toBe('4 findings: 1 phone, 1 postcode, 1 person-name, 1 postal-address')
  })

  it('reads standard input when no file is given, and says when it finds nothing', async () => {
    const run = await disclose(['pii'], dataDirs.shared(), {}, 'The depot on Jordan Road is closed.')
    expect(run.status).toBe(0)
    expect(run.stdout).toBe('No personal data found.\n')
  })

  it('explains itself with --help', async () => {
    const run = await disclose(['pii', '--help'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Usage: disclose pii \[FILE\|-\] \[--json\]/)
  })

  it('reads a PDF, giving each finding its page and its box on the page', async () => {
    const findings = parseJsonOutput(
      await disclose(['pii', file('contact.pdf'), '--json'], dataDirs.shared(), { DISCLOSE_OCR: 'false' }),
    ) as { type: string; text: string; page: number; box: { x: number; y: number; width: number; height: number } }[]
    const email = findings.find((finding) => finding.type === 'email')
    expect(email?.text).toBe(PERSON.email)
    expect(email?.page).toBe(1)
    expect(email?.box.width).toBeGreaterThan(0)
    expect(email?.box.x).toBeGreaterThan(0)
    expect(findings.map((finding) => finding.type)).toContain('phone')
  })

  it.each([
    [
      'a damaged PDF',
      'report.pdf',
      /^disclose pii: .*report\.pdf: This PDF has no pages that can be read: it is damaged or incomplete\. Ask/,
    ],
    ['an image named .txt that is damaged', 'photo.txt', /photo\.txt: This image is damaged and could not be opened/],
    ['a binary file', 'data.bin', /data\.bin is not a text file \(it holds binary data\)/],
    ['a file that is not UTF-8', 'latin1.txt', /latin1\.txt is not UTF-8 text/],
    ['a missing file', 'missing.txt', /missing\.txt: no such file/],
  ])('refuses %s with status 2 and one line, without its text', async (_what, name, message) => {
    const run = await disclose(['pii', file(name)], dataDirs.shared())
    expectOneLineError(run, message)
    expect(run.stderr).not.toContain('Jordan')
  })

  it('refuses a PDF on standard input', async () => {
    expectOneLineError(
      await disclose(['pii'], dataDirs.shared(), {}, '%PDF-1.7\n\u0000\u0001'),
      'disclose pii: standard input is a PDF, not a text file: standard input must be text: give a PDF, image, Office file or email as FILE',
    )
  })

  it('refuses a second file in one line', async () => {
    expectOneLineError(
      await disclose(['pii', 'a.txt', 'b.txt'], dataDirs.shared()),
      'disclose pii: unexpected argument “b.txt”: give one file',
    )
  })
})
