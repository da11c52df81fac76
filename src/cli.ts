import packageJson from '../package.json' with { type: 'json' }
import { auditCommand } from './cli/audit.command.ts'
import { caseCommand } from './cli/case.command.ts'
import { checkCommand } from './cli/check.command.ts'
import { letterCommand } from './cli/letter.command.ts'
import { dbCommand } from './cli/db.command.ts'
import { deadlineCommand } from './cli/deadline.command.ts'
import { demoCommand } from './cli/demo.command.ts'
import { directoryCommand } from './cli/directory.command.ts'
import { exemptionsCommand } from './cli/exemptions.command.ts'
import { holidaysCommand } from './cli/holidays.command.ts'
import { ingestCommand } from './cli/ingest.command.ts'
import { orgCommand } from './cli/org.command.ts'
import { piiCommand } from './cli/pii.command.ts'
import { userCommand } from './cli/user.command.ts'
import { workingDayCommand } from './cli/working-day.command.ts'
import {
  columns,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  EnvironmentProblem,
  oneLine,
  usageError,
  type CliContext,
  type Command,
  type ExitCode,
} from './cli/command-line.ts'
import type { Config } from './config.ts'
import type { Dependencies } from './dependencies.ts'

/**
 * The `disclose` command: `bin/disclose.js` runs this file. It reads the arguments, builds the dependencies the same
 * way the web app does (with quiet logs on standard error, so that standard output is only the answer), and sets the
 * exit status: 0 done, 1 something broke, 2 bad input.
 */

const COMMANDS: readonly Command[] = [
  caseCommand,
  letterCommand,
  checkCommand,
  deadlineCommand,
  holidaysCommand,
  workingDayCommand,
  exemptionsCommand,
  piiCommand,
  ingestCommand,
  directoryCommand,
  orgCommand,
  userCommand,
  auditCommand,
  dbCommand,
  demoCommand,
]

export const HELP = `Usage: disclose COMMAND [options]

Cases, deadlines and bank holidays for UK information-access requests: FOIA, EIR, FOISA and subject access.

Commands:
${columns(COMMANDS.map((command) => [`  ${command.name}`, command.summary])).join('\n')}

Options:
  --help, -h       show this help; disclose COMMAND --help shows a command’s options
  --version, -v    show the version

Environment:
  DISCLOSE_DATA_DIR  where the embedded database and imported bank holidays are kept (default ./data)
  DATABASE_URL       postgres://… for PostgreSQL; unset, the SQLite file DISCLOSE_DATA_DIR/disclose.sqlite
  LOG_LEVEL          fatal, error, warn, info, debug, trace or silent (default warn); logs go to standard error

Commands that change data act as the installation's operator, with an administrator's rights, and the audit trail
records them as "command line".`

const readConfig = async (env: Readonly<Record<string, string | undefined>>): Promise<Config> => {
  const { loadConfig } = await import('./config.ts')
  const blank = env.LOG_LEVEL === undefined || env.LOG_LEVEL.trim() === ''
  const config = loadConfig({ ...env, LOG_LEVEL: blank ? 'warn' : env.LOG_LEVEL })
  if (!config.ok) throw new EnvironmentProblem(config.error)
  return config.value
}

/**
 * Builds the dependencies as the web app does, with LOG_LEVEL `warn` unless set. Loaded only when a command has
 * checked its input, so that help and bad input answer without reading the environment or the data directory.
 */
const loadDependencies = async (config: Config): Promise<Dependencies> => {
  const [{ buildDependencies }, { createLogger }, { openReachableDatabase }] = await Promise.all([
    import('./dependencies.ts'),
    import('./logger.ts'),
    import('./cli/database-connection.ts'),
  ])
  const database = await openReachableDatabase(config)
  return buildDependencies(config, createLogger(config, 'stderr'), { database })
}

/** The dependencies on an empty database in memory: a case file is worked on there, and nothing is kept. */
const loadScratch = async (config: Config): Promise<Dependencies> => {
  const [{ buildDependencies }, { createLogger }, { openDatabase }] = await Promise.all([
    import('./dependencies.ts'),
    import('./logger.ts'),
    import('./storage/database.ts'),
  ])
  const database = await openDatabase({ kind: 'sqlite', file: ':memory:' })
  return buildDependencies(config, createLogger(config, 'stderr'), { database })
}

/** The calendar alone: bank holidays from the shipped data and any import, no database. */
const loadCalendar = async (config: Config): Promise<Pick<Dependencies, 'calendar' | 'logger'>> => {
  const [{ createCalendarService }, { createImportedHolidayFileStore }, { createLogger }] = await Promise.all([
    import('./services/holidays/calendar.service.ts'),
    import('./storage/imported-holidays.file-store.ts'),
    import('./logger.ts'),
  ])
  return {
    calendar: await createCalendarService(createImportedHolidayFileStore(config.dataDir)),
    logger: createLogger(config, 'stderr'),
  }
}

export const runCli = async (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Pick<CliContext, 'out' | 'err' | 'readStdin' | 'progress'>,
): Promise<ExitCode> => {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP)
    return EXIT_OK
  }
  if (name === '--version' || name === '-v') {
    io.out(packageJson.version)
    return EXIT_OK
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (command === undefined) {
    const what = name.startsWith('-') ? 'unknown option' : 'unknown command'
    io.err(oneLine(`disclose: ${what} “${name}” (see disclose --help)`))
    return EXIT_USAGE
  }

  let config: Promise<Config> | undefined
  let built: Promise<Dependencies> | undefined
  let calendarOnly: Promise<Pick<Dependencies, 'calendar' | 'logger'>> | undefined
  let scratch: Promise<Dependencies> | undefined
  const context: CliContext = {
    ...io,
    config: () => (config ??= readConfig(env)),
    dependencies: () => (built ??= context.config().then(loadDependencies)),
    calendar: () => (calendarOnly ??= context.config().then(loadCalendar)),
    scratch: () => (scratch ??= context.config().then(loadScratch)),
  }
  try {
    return await command.run(args, context)
  } catch (error) {
    if (error instanceof EnvironmentProblem) {
      return usageError(context, 'disclose', `fix the environment: ${error.problems.join('; ')}`)
    }
    const message = error instanceof Error ? error.message : String(error)
    io.err(oneLine(`disclose ${command.name}: ${message}`))
    return EXIT_FAILURE
  } finally {
    // A PostgreSQL pool would otherwise keep the process alive until its idle connections time out.
    await built?.then((dependencies) => dependencies.close()).catch(() => undefined)
    await scratch?.then((dependencies) => dependencies.close()).catch(() => undefined)
  }
}

// Output piped into `head` may close early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

const readStdin = async (): Promise<string> => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
  return Buffer.concat(chunks).toString('utf8')
}

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readStdin,
  ...(process.stderr.isTTY
    ? {
        progress: (text: string) =>
          process.stderr.write(
            text === '' ? '\r\u001b[K' : `\r${text.slice(0, (process.stderr.columns || 80) - 1)}\u001b[K`,
          ),
      }
    : {}),
})
