import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { disclose, expectOneLineError, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

describe.concurrent('the disclose command', { timeout: 60_000 }, () => {
  it('lists every subcommand with --help', async () => {
    const run = await disclose(['--help'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    expect(run.stdout).toMatch(/^Usage: disclose COMMAND \[options\]/)
    for (const command of ['deadline', 'holidays', 'working-day'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'))
  })

  it('runs as `npx disclose` from the project folder, as the README says', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    const { stdout } = await promisify(execFile)('npx', ['--no-install', 'disclose', '--help'], {
      cwd: root,
      env: { ...process.env, DISCLOSE_DATA_DIR: dataDirs.shared() },
    })
    expect(stdout).toMatch(/^Usage: disclose COMMAND \[options\]/)
  })

  it('shows the same help when run with no arguments', async () => {
    const [bare, help] = await Promise.all([disclose([], dataDirs.shared()), disclose(['-h'], dataDirs.shared())])
    expect(bare.status).toBe(0)
    expect(bare.stdout).toBe(help.stdout)
  })

  it('prints the version from package.json', async () => {
    const packageJson = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    const run = await disclose(['--version'], dataDirs.shared())
    expect(run.status).toBe(0)
    expect(run.stdout).toBe(`${packageJson.version}\n`)
  })

  it('refuses an unknown command in one line', async () => {
    expectOneLineError(
      await disclose(['deadlines'], dataDirs.shared()),
      'disclose: unknown command “deadlines” (see disclose --help)',
    )
  })

  it('refuses a broken environment in one line, naming the variable', async () => {
    const run = await disclose(['deadline', '--regime', 'foia', '--received', '2024-10-01'], dataDirs.shared(), {
      LOG_LEVEL: 'chatty',
    })
    expectOneLineError(run, /^disclose: fix the environment: LOG_LEVEL must be one of/)
  })
})
