import { parseArgs } from 'node:util'
import {
  EXIT_FAILURE,
  EXIT_OK,
  oneLine,
  printJson,
  readCommandLine,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'

const COMMAND = 'disclose db'

export const DB_HELP = `Usage: disclose db migrate [--json]
       disclose db status [--json]

The database: the embedded SQLite file DISCLOSE_DATA_DIR/disclose.sqlite, or PostgreSQL when DATABASE_URL starts
postgres://.

Subcommands:
  migrate       bring the database's tables up to date; each migration runs in a transaction, and one that fails
                leaves the database as it was. (Disclose also does this whenever it starts.)
  status        which migrations have been applied and which are waiting

Options:
  --json        print {database, applied, pending} as one JSON object
  --help, -h    show this help`

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(DB_HELP)
    return EXIT_OK
  }
  const [subcommand, ...rest] = args
  if (subcommand !== 'migrate' && subcommand !== 'status') {
    return usageError(
      context,
      COMMAND,
      subcommand === undefined
        ? `say migrate or status ${seeHelp(COMMAND)}`
        : `unknown subcommand “${subcommand}”: use migrate or status`,
    )
  }
  const command = `${COMMAND} ${subcommand}`
  const parsed = readCommandLine(command, () =>
    parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const json = parsed.value.values.json === true

  // Loaded here, not at the top, so that `disclose --help` does not load the database drivers.
  const [{ migrateToLatest, pendingMigrations }, { MIGRATIONS }, { openReachableDatabase }] = await Promise.all([
    import('../storage/database.ts'),
    import('../storage/migrations/index.ts'),
    import('./database-connection.ts'),
  ])
  const database = await openReachableDatabase(await context.config())
  try {
    const pendingBefore = await pendingMigrations(database)
    if (subcommand === 'status') {
      const applied = Object.keys(MIGRATIONS).filter((name) => !pendingBefore.includes(name))
      if (json) {
        printJson(context, { database: database.description, applied, pending: pendingBefore })
        return EXIT_OK
      }
      context.out(
        [
          `Database: ${database.description}`,
          `Applied: ${plural(applied.length, 'migration')}`,
          ...applied.map((name) => `  ${name}`),
          pendingBefore.length === 0
            ? 'Pending: none (the database is up to date)'
            : `Pending: ${plural(pendingBefore.length, 'migration')} (run disclose db migrate)`,
          ...pendingBefore.map((name) => `  ${name}`),
        ].join('\n'),
      )
      return EXIT_OK
    }

    const report = await migrateToLatest(database)
    if (report.error !== null) {
      const failed = pendingBefore.find((name) => !report.applied.includes(name))
      context.err(
        oneLine(
          `${command}: ${failed === undefined ? 'a migration' : `migration ${failed}`} failed: ${report.error}. It was rolled back${
            report.applied.length > 0 ? `; the ones before it were applied (${report.applied.join(', ')})` : ''
          }.`,
        ),
      )
      return EXIT_FAILURE
    }
    if (json) {
      printJson(context, { database: database.description, applied: report.applied, pending: [] })
      return EXIT_OK
    }
    context.out(
      report.applied.length === 0
        ? `The database is already up to date (${database.description}).`
        : [
            `Applied ${plural(report.applied.length, 'migration')} to ${database.description}:`,
            ...report.applied.map((name) => `  ${name}`),
          ].join('\n'),
    )
    return EXIT_OK
  } finally {
    await database.close()
  }
}

export const dbCommand: Command = {
  name: 'db',
  summary: 'Bring the database up to date (migrate), or see which migrations have been applied (status)',
  run,
}
