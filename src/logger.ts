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

export const createLogger = (config: Pick<Config, 'logLevel'>): Logger =>
  pino({ level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } })
