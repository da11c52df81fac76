import {
  DIVISIONS,
  FIRST_CALENDAR_YEAR,
  isDivision,
  LAST_CALENDAR_YEAR,
  type Division,
} from '../domain/calendar/division.ts'
import { isRegime, REGIMES, type Regime } from '../domain/deadlines/regime.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import type { Config } from '../config.ts'
import type { Dependencies } from '../dependencies.ts'

/** 0: done; 1: something broke that the person could not have avoided; 2: bad input, fix the command line. */
export type ExitCode = 0 | 1 | 2

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** What a subcommand may touch: two output streams and, only once the input has been checked, the dependencies. */
export interface CliContext {
  /** Writes a line (or several) to standard output. */
  readonly out: (text: string) => void
  /** Writes a line to standard error. */
  readonly err: (text: string) => void
  /** Builds the calendar and the rest; reads DISCLOSE_DATA_DIR, so help and bad input never need it. */
  readonly dependencies: () => Promise<Dependencies>
  /**
   * Only the bank-holiday calendar and a logger, without opening the database: what the deadline, working-day and
   * holidays commands need, so that they answer quickly and work while the database is down.
   */
  readonly calendar: () => Promise<Pick<Dependencies, 'calendar' | 'logger'>>
  /**
   * Everything on a database of its own in memory, empty and thrown away at the end: for working on a case file
   * (a letter, a check) without touching the installation's data.
   */
  readonly scratch: () => Promise<Dependencies>
  /** The configuration from the environment, without opening anything (throws EnvironmentProblem). */
  readonly config: () => Promise<Config>
  /** Everything on standard input, for a password that must not be an argument. */
  readonly readStdin: () => Promise<string>
  /**
   * Redraws a one-line progress bar on standard error, when that is a terminal (undefined otherwise: commands then
   * write a line per step). An empty text ends the bar.
   */
  readonly progress?: (text: string) => void
}

/** The environment is wrong: bad input, though not on the command line. */
export class EnvironmentProblem extends Error {
  readonly problems: readonly string[]
  constructor(problems: readonly string[]) {
    super(problems.join('; '))
    this.problems = problems
  }
}

export interface Command {
  /** As typed after `disclose`: "deadline". */
  readonly name: string
  /** One line for `disclose --help`. */
  readonly summary: string
  readonly run: (args: readonly string[], context: CliContext) => Promise<ExitCode>
}

/** One line: a message never spreads over several, whatever an underlying error put in it. */
export const oneLine = (text: string): string => text.replace(/\s*[\r\n]+\s*/g, ' ').trim()

/** Prints the one line a person needs to fix their input, and returns the exit status for it. */
export const usageError = (context: CliContext, command: string, message: string): ExitCode => {
  context.err(oneLine(`${command}: ${message}`))
  return EXIT_USAGE
}

/** "(see disclose deadline --help)" */
export const seeHelp = (command: string): string => `(see ${command} --help)`

/** Whether `--help` or `-h` comes before any `--` that ends the options. */
export const wantsHelp = (args: readonly string[]): boolean => {
  const end = args.indexOf('--')
  const options = end === -1 ? args : args.slice(0, end)
  return options.includes('--help') || options.includes('-h')
}

interface Token {
  readonly kind: string
  readonly name?: string
  readonly rawName?: string
}

const quoted = (message: string): string | undefined => /'([^']+)'/.exec(message)?.[1]

/**
 * Runs `node:util` parseArgs (which the caller configures with `strict: true` and `tokens: true`) and turns its
 * errors into one line for a person: "unknown option --foo (see disclose deadline --help)". An option given twice is
 * refused too, unless it is one of `repeatable`: the last one silently winning would hide a typing mistake.
 */
export const readCommandLine = <T extends { readonly tokens: readonly Token[] }>(
  command: string,
  parse: () => T,
  repeatable: readonly string[] = [],
): Result<T, string> => {
  let parsed: T
  try {
    parsed = parse()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const message = error instanceof Error ? error.message : String(error)
    const subject = quoted(message)?.replace(/ <value>$/, '') ?? ''
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return fail(`unknown option ${subject} ${seeHelp(command)}`)
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      return fail(`unexpected argument “${subject}” ${seeHelp(command)}`)
    }
    if (code !== 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw error
    if (message.includes('does not take an argument')) return fail(`${subject} takes no value ${seeHelp(command)}`)
    if (message.includes('ambiguous')) {
      return fail(`${subject} needs a value: write ${subject}=VALUE for a value that starts with “-”`)
    }
    return fail(`${subject} needs a value ${seeHelp(command)}`)
  }
  const seen = new Set<string>()
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.name === undefined || repeatable.includes(token.name)) continue
    if (seen.has(token.name)) return fail(`${token.rawName ?? `--${token.name}`} is given more than once`)
    seen.add(token.name)
  }
  return ok(parsed)
}

/** "--regime and --received" */
export const listFlags = (flags: readonly string[]): string =>
  flags.length <= 1 ? flags.join('') : `${flags.slice(0, -1).join(', ')} and ${flags.at(-1) ?? ''}`

/** Reads a regime as the domain does: case and surrounding spaces do not matter. */
export const readRegime = (text: string): Result<Regime, string> => {
  const regime = text.trim().toLowerCase()
  return isRegime(regime) ? ok(regime) : fail(`Regime must be one of ${REGIMES.join(', ')}, not “${text}”`)
}

export const readNation = (text: string): Result<Division, string> => {
  const nation = text.trim().toLowerCase()
  return isDivision(nation) ? ok(nation) : fail(`Nation must be one of ${DIVISIONS.join(', ')}, not “${text}”`)
}

/** A year the calendar holds, typed as four digits. */
export const readYear = (text: string): Result<number, string> => {
  const trimmed = text.trim()
  if (!/^\d{4}$/.test(trimmed)) return fail('Year must be a year in four digits, like 2024')
  const year = Number(trimmed)
  if (year < FIRST_CALENDAR_YEAR || year > LAST_CALENDAR_YEAR) {
    return fail(`Year must be between ${FIRST_CALENDAR_YEAR} and ${LAST_CALENDAR_YEAR}`)
  }
  return ok(year)
}

/** JSON for a person to read and a program to parse: one value, indented. */
export const printJson = (context: CliContext, value: unknown): void => context.out(JSON.stringify(value, null, 2))

/** Lays out rows in columns two spaces apart; the last column is not padded. */
export const columns = (rows: readonly (readonly string[])[]): string[] => {
  const widths: number[] = []
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, [...cell].length)
    })
  }
  return rows.map((row) =>
    row
      .map((cell, index) =>
        index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - [...cell].length),
      )
      .join('  ')
      .trimEnd(),
  )
}
