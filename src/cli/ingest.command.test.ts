import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PERSON, personalDataPdf } from '../../test/fixtures/documents/pdfs.ts'
import { loadDemoInto } from './installation.test-support.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()
let folder = ''

beforeAll(async () => {
  await loadDemoInto(dataDirs.shared())
  folder = join(dataDirs.shared(), 'collected')
  await mkdir(join(folder, 'sam'), { recursive: true })
  await writeFile(join(folder, 'sam', 'contact.pdf'), await personalDataPdf())
  await writeFile(join(folder, 'sam', 'note.txt'), `Ring ${PERSON.mobile} or write to ${PERSON.email}.\n`)
  await writeFile(join(folder, 'copy-of-note.txt'), `Ring ${PERSON.mobile} or write to ${PERSON.email}.\n`)
  await writeFile(join(folder, 'broken.pdf'), '%PDF-1.7\nnot really a PDF at all')
}, 120_000)

describe('disclose ingest', { timeout: 120_000 }, () => {
  it('reads a folder into a case, shows progress, and prints what it found and what it could not read', async () => {
    const run = await disclose(
      ['ingest', folder, '--case', 'IC-335210-T7S5', '--custodian', 'Sam Officer'],
      dataDirs.shared(),
      { DISCLOSE_OCR: 'false' },
    )
    expect(run.status).toBe(1)
    // Standard error is not a terminal here: a line a file instead of a bar.
    expect(run.stderr.split('\n').filter((line) => /^\d+\/4 /u.test(line))).toHaveLength(4)
    expect(run.stdout).toContain('Read 3 documents (1 page) from 4 files into IC-335210-T7S5.')
    expect(run.stdout).toContain('Exact duplicates: 1')
    expect(run.stdout).toMatch(/Personal data found: \d+ \(.*\d+ email.*\)/u)
    expect(run.stdout).toMatch(/Could not read 1 file:\n {2}broken\.pdf: /u)
    expect(run.stdout).not.toContain(PERSON.email)
  })

  it('prints the summary as JSON', async () => {
    await writeFile(join(dataDirs.shared(), 'one.txt'), `Write to ${PERSON.postcode}.`)
    const run = await disclose(
      ['ingest', join(dataDirs.shared(), 'one.txt'), '--case', 'IC-342993-L6W4', '--json'],
      dataDirs.shared(),
    )
    expect(run.status).toBe(0)
    const summary = parseJsonOutput(run) as { case: string; state: string; documents: number; findingsByType: object }
    expect(summary).toMatchObject({ case: 'IC-342993-L6W4', state: 'finished', documents: 1 })
    expect(summary.findingsByType).toEqual({ postcode: 1 })
  })

  it.each([
    [['ingest', 'missing-folder', '--case', 'IC-335210-T7S5'], /missing-folder: there is no such file or folder/u],
    [['ingest', '.'], /--case REF is needed/u],
    [['ingest', '--case', 'IC-335210-T7S5'], /give the files or folders to add/u],
  ])('refuses %j with status 2 and one line', async (args, message) => {
    expectOneLineError(await disclose(args, dataDirs.shared()), message)
  })

  it('refuses a case that does not exist', async () => {
    const run = await disclose(['ingest', folder, '--case', 'IC-000000-A0A0'], dataDirs.shared())
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/There is no case IC-000000-A0A0/u)
  })
})
