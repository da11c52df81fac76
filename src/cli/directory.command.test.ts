import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadDemoInto } from './installation.test-support.ts'
import { disclose, expectOneLineError, parseJsonOutput, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

beforeAll(async () => {
  await loadDemoInto(dataDirs.shared())
}, 120_000)

describe('disclose directory', { timeout: 120_000 }, () => {
  it('imports the staff directory, whose released names are then never reported in documents', async () => {
    const csv = join(dataDirs.shared(), 'staff.csv')
    await writeFile(
      csv,
      'name,email,job title,released\nZanele Stafflist,z.stafflist@example.gov.uk,Officer,no\nJo Releasedname,,Chief Executive,yes\n',
    )
    const imported = await disclose(['directory', 'import', csv], dataDirs.shared())
    expect(imported.status).toBe(0)
    expect(imported.stdout).toMatch(/now has 2 people\./u)
    const listed = parseJsonOutput(await disclose(['directory', 'list', '--json'], dataDirs.shared())) as {
      name: string
      released: boolean
    }[]
    expect(listed.map((person) => [person.name, person.released])).toEqual([
      ['Jo Releasedname', true],
      ['Zanele Stafflist', false],
    ])
    const note = join(dataDirs.shared(), 'minutes.txt')
    await writeFile(note, 'Present: Zanele Stafflist and Jo Releasedname.\n')
    const run = await disclose(['ingest', note, '--case', 'IC-335210-T7S5', '--json'], dataDirs.shared())
    const summary = parseJsonOutput(run) as { findingsByType: Record<string, number> }
    expect(summary.findingsByType['person-name']).toBe(1)
  })

  it('refuses a file without a name column, and a missing file, with status 2', async () => {
    const bad = join(dataDirs.shared(), 'bad.csv')
    await writeFile(bad, 'email\nsomeone@example.gov.uk\n')
    const run = await disclose(['directory', 'import', bad], dataDirs.shared())
    expect(run.status).toBe(2)
    expect(run.stderr).toMatch(/name the columns/u)
    expectOneLineError(
      await disclose(['directory', 'import', join(dataDirs.shared(), 'nope.csv')], dataDirs.shared()),
      /nope\.csv: there is no such file/u,
    )
  })
})
