import type { AddressInfo } from 'node:net'
import { loadConfig } from './config.ts'
import { buildDependencies, type Dependencies } from './dependencies.ts'
import { createLogger, type Logger } from './logger.ts'
import { loadDemoOnFirstStart, type FirstStartDemo } from './services/demo/load-demo.ts'
import { createApp } from './web/app.ts'

/**
 * The composition root: config → logger → dependencies → (the demonstration, on a first start) → web app.
 * `npm start` runs this. SIGINT and SIGTERM stop taking requests, let those under way finish, and close the database.
 */

/** One log line that says how to sign in as the demonstration users; the password appears here only. */
const logDemoSignIn = (logger: Logger, demo: FirstStartDemo, baseUrl: string): void => {
  if (demo.status !== 'loaded') return
  const { organisation, users, password, cases } = demo.load
  logger.info(
    { organisation: organisation.slug, users: users.length, cases: cases.map((subject) => subject.reference) },
    `Loaded the demonstration data (${organisation.name}). Sign in at ${baseUrl}/sign-in as ${users
      .map((user) => user.email)
      .join(', ')} with the password ${password} (shown only now; set DISCLOSE_DEMO=false to start without it)`,
  )
}

const main = async (): Promise<void> => {
  const config = loadConfig(process.env)
  if (!config.ok) {
    process.stderr.write(`Disclose cannot start. Fix the environment and try again:\n`)
    for (const problem of config.error) process.stderr.write(`  - ${problem}\n`)
    process.exit(2)
  }
  const logger = createLogger(config.value)
  let dependencies: Dependencies
  try {
    dependencies = await buildDependencies(config.value, logger)
  } catch (error) {
    logger.fatal(`Disclose cannot start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }

  const demo = await loadDemoOnFirstStart(
    { store: dependencies.store, clock: dependencies.clock, calendar: () => dependencies.calendar.current() },
    config.value.loadDemo,
  )
  if (!demo.ok) logger.error(`The demonstration data could not be loaded: ${demo.error.message}`)

  // The in-process worker: documents added while it was stopped, or mid-way when it stopped, are read now.
  await dependencies.jobs.start()

  const app = await createApp(dependencies)
  const server = app.listen(config.value.port, config.value.host ?? '::', () => {
    const port = (server.address() as AddressInfo | null)?.port ?? config.value.port
    logger.info({ port }, `Disclose is running at http://localhost:${port}`)
    if (demo.ok) logDemoSignIn(logger, demo.value, `http://localhost:${port}`)
  })
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal(
      { code: error.code },
      error.code === 'EADDRINUSE'
        ? `Port ${config.value.port} is in use: stop the other program or set PORT to another port`
        : 'The web server could not start',
    )
    process.exit(1)
  })

  let stopping = false
  const shutdown = (signal: string): void => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'Shutting down')
    server.close(() => {
      dependencies
        .close()
        .then(() => {
          logger.info('The database is closed')
          process.exit(0)
        })
        .catch((error: unknown) => {
          logger.error(`The database did not close cleanly: ${error instanceof Error ? error.message : String(error)}`)
          process.exit(1)
        })
    })
    // Connections that stay open (a browser's keep-alive) must not hold the process up for long: after 5 seconds
    // they are cut, which lets the server close and the database with it; after 10, the process stops regardless.
    setTimeout(() => {
      logger.warn('Requests were still open after 5 seconds: closing them')
      server.closeAllConnections()
    }, 5000).unref()
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

await main()
