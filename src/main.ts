import { loadConfig } from './config.ts'
import { buildDependencies } from './dependencies.ts'
import { createLogger } from './logger.ts'
import { createApp } from './web/app.ts'

/**
 * The composition root: config → logger → dependencies → web app. `npm start` runs this.
 */
const main = async (): Promise<void> => {
  const config = loadConfig(process.env)
  if (!config.ok) {
    process.stderr.write(`Disclose cannot start. Fix the environment and try again:\n`)
    for (const problem of config.error) process.stderr.write(`  - ${problem}\n`)
    process.exit(2)
  }
  const logger = createLogger(config.value)
  const dependencies = await buildDependencies(config.value, logger)
  const app = await createApp(dependencies)
  const server = app.listen(config.value.port, config.value.host ?? '::', () => {
    logger.info({ port: config.value.port }, `Disclose is running at http://localhost:${config.value.port}`)
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
  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'Shutting down')
    server.close(() => process.exit(0))
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

await main()
