import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect } from 'vitest'

/** What the real `disclose` command did: its exit status and both output streams. */
export interface DiscloseRun {
  readonly status: number
  readonly stdout: string
  readonly stderr: string
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'disclose.js')

/** A fresh data directory, so that one test's imported bank holidays never reach another's. */
export const makeDataDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'disclose-cli-'))

export const removeDataDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true })

export interface DataDirs {
  /** One data directory for the spec file's tests that read but do not import. */
  readonly shared: () => string
  /** A data directory of a test's own, for a test that imports bank holidays. */
  readonly fresh: () => Promise<string>
}

/** Data directories for a spec file, made before its tests and removed after them. Call at the top level. */
export const useDataDirs = (): DataDirs => {
  const made: string[] = []
  let shared: string | undefined
  const fresh = async (): Promise<string> => {
    const dir = await makeDataDir()
    made.push(dir)
    return dir
  }
  beforeAll(async () => {
    shared = await fresh()
  })
  afterAll(async () => {
    await Promise.all(made.map(removeDataDir))
  })
  return {
    shared: () => {
      if (shared === undefined) throw new Error('no data directory yet: call useDataDirs at the top level')
      return shared
    },
    fresh,
  }
}

/**
 * Runs `node bin/disclose.js …` as a child process, as a person would from the project folder. LOG_LEVEL is left
 * unset unless given, so the command's own quiet default applies.
 */
export const disclose = (
  args: readonly string[],
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
  /** What to write to the command's standard input (which is closed either way, so nothing waits on it). */
  input = '',
): Promise<DiscloseRun> => {
  const inherited: NodeJS.ProcessEnv = { ...process.env }
  delete inherited.LOG_LEVEL
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: ROOT, env: { ...inherited, DISCLOSE_DATA_DIR: dataDir, ...env }, timeout: 100_000 },
      (error, stdout, stderr) => {
        if (error === null) resolve({ status: 0, stdout, stderr })
        else if (typeof error.code === 'number') resolve({ status: error.code, stdout, stderr })
        else reject(new Error(`disclose ${args.join(' ')} did not finish: ${error.message}`, { cause: error }))
      },
    )
    child.stdin?.end(input)
  })
}

/** Bad input: status 2, nothing on standard output, and exactly one line on standard error. */
export const expectOneLineError = (run: DiscloseRun, message: string | RegExp): void => {
  expect(run.stdout).toBe('')
  expect(run.stderr.endsWith('\n')).toBe(true)
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  if (typeof message === 'string') expect(run.stderr.trimEnd()).toBe(message)
  else expect(run.stderr).toMatch(message)
  expect(run.status).toBe(2)
}

/** Standard output parsed as one JSON value, after checking the command succeeded quietly. */
export const parseJsonOutput = (run: DiscloseRun): unknown => {
  expect(run.stderr).toBe('')
  expect(run.status).toBe(0)
  return JSON.parse(run.stdout) as unknown
}
