import packageJson from '../package.json' with { type: 'json' }
import { deadlineCommand } from './cli/deadline.command.ts'
import { holidaysCommand } from './cli/holidays.command.ts'
import { workingDayCommand } from './cli/working-day.command.ts'
import {
  columns,
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  oneLine,
  usageError,
  type CliContext,
  type Command,
  type ExitCode,
} from './cli/command-line.ts'
import type { Dependencies } from './dependencies.ts'

/**
 * The `disclose` command: `bin/disclose.js` runs this file. It reads the arguments, builds the dependencies the same
 * way the web app does (with quiet logs on standard error, so that standard output is only the answer), and sets the
 * exit status: 0 done, 1 something broke, 2 bad input.
 */

const COMMANDS: readonly Command[] = [deadlineCommand, holidaysCommand, workingDayCommand]

export const HELP = `Usage: disclose COMMAND [options]

Deadlines and bank holidays for UK information-access requests: FOIA, EIR, FOISA and subject access.

Commands:
${columns(COMMANDS.map((command) => [`  ${command.name}`, command.summary])).join('\n')}

Options:
  --help, -h       show this help; disclose COMMAND --help shows a command’s options
  --version, -v    show the version

Environment:
  DISCLOSE_DATA_DIR  where imported bank holidays are kept (default ./data)
  LOG_LEVEL          fatal, error, warn, info, debug, trace or silent (default warn); logs go to standard error`

/** The environment is wrong: bad input, though not on the command line. */
class EnvironmentProblem extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(problems.join('; '))
    this.problems = problems
  }
}

/**
 * Builds the dependencies as the web app does, with LOG_LEVEL `warn` unless set. Loaded only when a command has
 * checked its input, so that help and bad input answer without reading the environment or the data directory.
 */
const loadDependencies = async (env: Readonly<Record<string, string | undefined>>): Promise<Dependencies> => {
  const [{ loadConfig }, { buildDependencies }, { createLogger }] = await Promise.all([
    import('./config.ts'),
    import('./dependencies.ts'),
    import('./logger.ts'),
  ])
  const blank = env.LOG_LEVEL === undefined || env.LOG_LEVEL.trim() === ''
  const config = loadConfig({ ...env, LOG_LEVEL: blank ? 'warn' : env.LOG_LEVEL })
  if (!config.ok) throw new EnvironmentProblem(config.error)
  return buildDependencies(config.value, createLogger(config.value, 'stderr'))
}

export const runCli = async (
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Pick<CliContext, 'out' | 'err'>,
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

  let built: Promise<Dependencies> | undefined
  const context: CliContext = {
    ...io,
    dependencies: () => (built ??= loadDependencies(env)),
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
  }
}

// Output piped into `head` may close early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

process.exitCode = await runCli(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
})
