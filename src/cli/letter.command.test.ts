import { readFile, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { readZip } from '../letters/read-zip.test-support.ts'
import { flowingText, runTool } from '../letters/system-tools.test-support.ts'
import { loadDemoInto } from './installation.test-support.ts'
import { disclose, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

beforeAll(async () => {
  await loadDemoInto(dataDirs.shared())
}, 120_000)

describe.concurrent('disclose letter', { timeout: 120_000 }, () => {
  it('writes the first seed’s response as an accessible PDF carrying its exemptions', async () => {
    const out = join(dataDirs.shared(), 'IC-335210-T7S5.pdf')
    const run = await disclose(
      ['letter', '--case', 'IC-335210-T7S5', '--kind', 'response', '--format', 'pdf', '--out', out],
      dataDirs.shared(),
    )
    expect(run.stderr).toBe(`Wrote the response letter for IC-335210-T7S5 to ${out} (PDF).\n`)
    expect(run.status).toBe(0)
    const text = flowingText(runTool('pdftotext', [out, '-']))
    expect(text).toContain('section 31(1)(g) for the purposes in section 31(2)(a) and (c)')
    expect(text).toContain('Section 44 is an absolute exemption')
    expect(runTool('pdfinfo', [out])).toMatch(/Tagged:\s+yes/)
  })

  it('writes a DOCX and an HTML page of the second seed’s response', async () => {
    const docx = join(dataDirs.shared(), 'second.docx')
    const html = join(dataDirs.shared(), 'second.html')
    const [word, page] = await Promise.all([
      disclose(
        ['letter', '--case', 'IC-342993-L6W4', '--kind', 'response', '--format', 'docx', '--out', docx],
        dataDirs.shared(),
      ),
      disclose(
        ['letter', '--case', 'IC-342993-L6W4', '--kind', 'response', '--format', 'html', '--out', html],
        dataDirs.shared(),
      ),
    ])
    expect([word.status, page.status]).toEqual([0, 0])
    const xml =
      readZip(await readFile(docx))
        .get('word/document.xml')
        ?.toString('utf8') ?? ''
    expect(xml).toContain('section 40(3A)(a)')
    const written = await readFile(html, 'utf8')
    expect(written).toMatch(/^<!DOCTYPE html>/i)
    expect(written).toContain('IC-342993-L6W4')
  })

  it('writes a letter from a case file, keeping nothing in the installation', async () => {
    const exported = await disclose(['case', 'export', 'IC-342993-L6W4'], dataDirs.shared())
    expect(exported.status).toBe(0)
    const dir = await dataDirs.fresh()
    const file = join(dir, 'case.json')
    await writeFile(file, exported.stdout)
    const out = join(dir, 'letter.html')
    const run = await disclose(['letter', '--case', file, '--kind', 'response', '--format', 'html', '--out', out], dir)
    expect(run.status).toBe(0)
    expect(await readFile(out, 'utf8')).toContain('section 31(1)(g)')
    expect(existsSync(join(dir, 'disclose.sqlite'))).toBe(false)
  })

  it('refuses a letter kind that makes no sense for the case, writing nothing', async () => {
    const out = join(dataDirs.shared(), 'never.pdf')
    const run = await disclose(
      ['letter', '--case', 'IC-335210-T7S5', '--kind', 'review', '--format', 'pdf', '--out', out],
      dataDirs.shared(),
    )
    expect(run.stderr).toBe(
      'disclose letter: IC-335210-T7S5: A review letter answers an internal review: this case is not one\n',
    )
    expect(run.status).toBe(1)
    expect(existsSync(out)).toBe(false)
  })

  it('says what is wrong with bad options', async () => {
    const [kind, format, out, date, missing] = await Promise.all([
      disclose(
        ['letter', '--case', 'IC-335210-T7S5', '--kind', 'poem', '--format', 'pdf', '--out', 'x'],
        dataDirs.shared(),
      ),
      disclose(
        ['letter', '--case', 'IC-335210-T7S5', '--kind', 'response', '--format', 'odt', '--out', 'x'],
        dataDirs.shared(),
      ),
      disclose(['letter', '--case', 'IC-335210-T7S5', '--kind', 'response', '--format', 'pdf'], dataDirs.shared()),
      disclose(
        [
          'letter',
          '--case',
          'IC-335210-T7S5',
          '--kind',
          'response',
          '--format',
          'pdf',
          '--out',
          'x',
          '--date',
          '2024-02-30',
        ],
        dataDirs.shared(),
      ),
      disclose(
        ['letter', '--case', 'IC-999999-A1A1', '--kind', 'response', '--format', 'pdf', '--out', 'x'],
        dataDirs.shared(),
      ),
    ])
    expect(kind.stderr).toBe(
      'disclose letter: --kind must be one of acknowledgement, clarification, fees, extension, response or review\n',
    )
    expect(format.stderr).toBe('disclose letter: --format must be html, pdf or docx\n')
    expect(out.stderr).toBe('disclose letter: --out PATH is needed: where to write the letter\n')
    expect(date.stderr).toContain('--date must be a real date')
    expect(missing.stderr).toBe('disclose letter: IC-999999-A1A1: There is no case IC-999999-A1A1\n')
    for (const run of [kind, format, out, date, missing]) expect(run.status).toBe(2)
  })
})

describe.concurrent('disclose check', { timeout: 120_000 }, () => {
  it('passes the first seed with its warning about section 40’s old wording, and prints it as JSON', async () => {
    const [text, json] = await Promise.all([
      disclose(['check', '--case', 'IC-335210-T7S5'], dataDirs.shared()),
      disclose(['check', '--case', 'IC-335210-T7S5', '--json'], dataDirs.shared()),
    ])
    expect(text.stdout).toContain('IC-335210-T7S5: 0 errors, 1 warning')
    expect(text.stdout).toContain('Warning (exemption-out-of-date) [parts 1, 3, 5]')
    expect(text.status).toBe(0)
    const report = JSON.parse(json.stdout) as { passes: boolean; findings: { rule: string; parts: number[] }[] }
    expect(report.passes).toBe(true)
    expect(report.findings).toEqual([expect.objectContaining({ rule: 'exemption-out-of-date', parts: [1, 3, 5] })])
  })

  it('exits 1 with the errors of a case file whose qualified exemption has no public interest test', async () => {
    const exported = await disclose(['case', 'export', 'IC-342993-L6W4'], dataDirs.shared())
    const document = JSON.parse(exported.stdout) as {
      reference: string
      id: string
      exemptionDecisions: { exemptionId: string; publicInterestTest: unknown }[]
    }
    const broken = {
      ...document,
      reference: 'IC-111111-B2C3',
      id: '0193a000-0000-7000-8000-000000000001',
      exemptionDecisions: document.exemptionDecisions.map((decision) =>
        decision.exemptionId === 'foia-s31-1-g' ? { ...decision, publicInterestTest: null } : decision,
      ),
    }
    const dir = await dataDirs.fresh()
    const file = join(dir, 'broken.json')
    await writeFile(file, JSON.stringify(broken))
    const run = await disclose(['check', '--case', file], dir)
    expect(run.stdout).toContain('IC-111111-B2C3: 1 error, 0 warnings')
    expect(run.stdout).toContain('Error (public-interest-test) [part 2]: Section 31(1)(g) is qualified')
    expect(run.status).toBe(1)
  })
})
