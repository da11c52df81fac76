import express from 'express'
import nunjucks from 'nunjucks'
import type { Dependencies } from '../dependencies.ts'
import { apiRoutes } from './api/api.routes.ts'
import { assetPaths, ensureStyles, fingerprint } from './assets.ts'
import { bankHolidaysRoutes } from './bank-holidays/bank-holidays.routes.ts'
import { deadlinesRoutes } from './deadlines/deadlines.routes.ts'
import { identify } from './authentication.ts'
import { handleErrors, notFound } from './errors.ts'
import { logRequests } from './request-logging.ts'
import { securityHeaders, setCspNonce } from './security.ts'
import { signInRoutes } from './sign-in/sign-in.routes.ts'
import { staffRoutes } from './staff/staff.routes.ts'

/**
 * The web app: security headers with a per-response CSP nonce, request logging, GOV.UK Frontend templates and
 * assets, the routes, and the error pages. The styles are compiled here when they are missing or stale, so that
 * `npm ci && npm start` needs no build step.
 */
export const createApp = async (deps: Dependencies): Promise<express.Express> => {
  const paths = assetPaths()
  const production = deps.config.environment === 'production'
  const logger = deps.logger.child({ component: 'web' })

  if (await ensureStyles(paths)) logger.info('Built the styles into public/build')
  const { version: govukFrontendVersion } = (await import('govuk-frontend/package.json', { with: { type: 'json' } }))
    .default

  const app = express()
  app.disable('x-powered-by')

  const views = new nunjucks.Environment(
    // Templates are compiled once and cached: a page then renders in about a millisecond. Restart to see edits.
    new nunjucks.FileSystemLoader([paths.webDir, paths.govukDist], { noCache: false }),
    {
      autoescape: true,
      throwOnUndefined: false,
    },
  )
  views.express(app)
  app.set('view engine', 'njk')
  app.locals.stylesVersion = await fingerprint(paths.builtCss)
  app.locals.govukFrontendVersion = govukFrontendVersion
  app.locals.sourceUrl = deps.config.sourceUrl

  app.use(logRequests(logger))
  app.use(setCspNonce)
  app.use(securityHeaders({ upgradeInsecureRequests: production }))

  const cache = { maxAge: production ? '1d' : 0, index: false, fallthrough: true } as const
  app.get('/assets/govuk-frontend.min.js', (_req, res, next) => {
    res.sendFile(paths.govukScript, { maxAge: cache.maxAge }, (error) => {
      if (error !== undefined) next(error)
    })
  })
  app.use('/assets', express.static(paths.govukAssets, cache))
  app.use('/public', express.static(paths.publicDir, cache))

  app.get('/health', async (_req, res) => {
    try {
      await deps.store.read.organisations.list()
      res.json({ status: 'ok', database: 'ok' })
    } catch {
      res.status(503).json({ status: 'unavailable', database: 'unreachable' })
    }
  })
  app.use(identify(deps))
  app.use(deadlinesRoutes(deps))
  app.use(bankHolidaysRoutes(deps))
  app.use('/api/v1', apiRoutes(deps))
  app.use(signInRoutes(deps))
  app.use(staffRoutes(deps))

  app.use(notFound)
  app.use(handleErrors(logger))
  return app
}
