import type { RequestHandler } from 'express'
import type { Logger } from '../logger.ts'

/** Paths whose 404s are worth logging as they are: assets the pages themselves ask for. */
const ASSET_PATH = /^\/(?:assets|public)\//

/**
 * The path of a request, without its query string (which may hold what a person typed). A path nobody routed is
 * something a person typed too, so a 404 outside the asset folders is logged without it.
 */
export const loggablePath = (originalUrl: string, status: number): string => {
  const path = originalUrl.split('?', 1)[0] ?? ''
  if (status === 404 && !ASSET_PATH.test(path)) return '[not found]'
  return path
}

/** Logs one line a request when its response is sent: method, path, status and milliseconds. Nothing else. */
export const logRequests =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const started = process.hrtime.bigint()
    res.on('finish', () => {
      const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10
      const status = res.statusCode
      const line = { method: req.method, path: loggablePath(req.originalUrl, status), status, ms }
      if (status >= 500) logger.error(line, 'request')
      else logger.info(line, 'request')
    })
    next()
  }
