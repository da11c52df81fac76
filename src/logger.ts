import { pino, type Logger } from 'pino'
import type { Config } from './config.ts'

export type { Logger }

/**
 * Paths whose values are personal data or secrets. Log ids and counts, never request text, requester details,
 * document text or personal-data matches; these paths are a safety net, not permission.
 */
export const REDACTED_PATHS = [
  'requester',
  '*.requester',
  'name',
  '*.name',
  'email',
  '*.email',
  'address',
  '*.address',
  'phone',
  '*.phone',
  'requestText',
  '*.requestText',
  'text',
  '*.text',
  'password',
  '*.password',
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
]

/**
 * The one logger. The web app logs to standard output for its log collector; the CLI passes `'stderr'` so that
 * standard output holds only the answer (and `--json` stays clean).
 */
export const createLogger = (config: Pick<Config, 'logLevel'>, to: 'stdout' | 'stderr' = 'stdout'): Logger =>
  pino(
    { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    pino.destination({ dest: to === 'stdout' ? process.stdout.fd : process.stderr.fd, sync: to === 'stderr' }),
  )
