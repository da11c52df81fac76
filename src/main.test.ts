import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { countRows } from './cli/installation.test-support.ts'
import { useDataDirs } from './cli/run-disclose.test-support.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const dataDirs = useDataDirs()

interface LogLine {
  readonly msg: string
  readonly level: number
}

/**
 * Runs `npm start`'s program (tsx src/main.ts) on a free port until it says it is running, then stops it with
 * SIGTERM, as a service manager would, and returns what it logged and how it exited.
 */
const startAndStop = async (
  env: Readonly<Record<string, string>>,
): Promise<{ lines: LogLine[]; code: number | null }> => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit')
  const lines: LogLine[] = []
  for await (const line of createInterface({ input: child.stdout })) {
    const parsed = JSON.parse(line) as LogLine
    lines.push(parsed)
    if (parsed.msg.startsWith('Disclose is running at ')) {
      // The demonstration, when loaded, is logged straight after.
      setTimeout(() => child.kill('SIGTERM'), 200)
    }
  }
  const [code] = (await exited) as [number | null]
  return { lines, code }
}

describe.concurrent('npm start', { timeout: 120_000 }, () => {
  it('loads the demonstration on an empty installation, says how to sign in, and closes the database on SIGTERM', async () => {
    const dir = await dataDirs.fresh()
    const { lines, code } = await startAndStop({ DISCLOSE_DATA_DIR: dir })
    const messages = lines.map((line) => line.msg)
    const signIn = messages.find((message) => message.startsWith('Loaded the demonstration data'))
    expect(signIn).toMatch(
      /^Loaded the demonstration data \(Information Commissioner's Office\)\. Sign in at http:\/\/localhost:\d+\/sign-in as officer@demo\.disclose\.example, .* with the password [a-z2-9]{4}(-[a-z2-9]{4}){3} \(shown only now/,
    )
    expect(messages.slice(-2)).toEqual(['Shutting down', 'The database is closed'])
    expect(code).toBe(0)
    expect(countRows(dir, 'case')).toBe(2)
  })

  it('starts empty when DISCLOSE_DEMO=false', async () => {
    const dir = await dataDirs.fresh()
    const { lines, code } = await startAndStop({ DISCLOSE_DATA_DIR: dir, DISCLOSE_DEMO: 'false' })
    expect(lines.some((line) => line.msg.startsWith('Loaded the demonstration'))).toBe(false)
    expect(code).toBe(0)
    expect(countRows(dir, 'organisation')).toBe(0)
  })
})
