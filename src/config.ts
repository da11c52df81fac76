import { join } from 'node:path'
import { z } from 'zod'
import { fail, ok, type Result } from './domain/result.ts'

const schema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a whole number from 0 to 65535' })
    .int('PORT must be a whole number from 0 to 65535')
    .min(0, 'PORT must be a whole number from 0 to 65535')
    .max(65535, 'PORT must be a whole number from 0 to 65535')
    .default(3000),
  HOST: z.string().min(1, 'HOST must not be empty').optional(),
  DISCLOSE_DATA_DIR: z.string().trim().min(1, 'DISCLOSE_DATA_DIR must not be empty').default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  NODE_ENV: z
    .enum(['development', 'production', 'test'], { error: 'NODE_ENV must be development, production or test' })
    .default('development'),
  DATABASE_URL: z
    .string()
    .trim()
    .refine((url) => /^postgres(ql)?:\/\/.+/.test(url) || !url.includes('://'), {
      error: 'DATABASE_URL must start postgres:// (for PostgreSQL) or be a SQLite file path',
    })
    .optional(),
  DISCLOSE_DEMO: z.enum(['true', 'false'], { error: 'DISCLOSE_DEMO must be true or false' }).default('true'),
  DISCLOSE_MAX_UPLOAD_MB: z.coerce
    .number({ error: 'DISCLOSE_MAX_UPLOAD_MB must be a whole number of megabytes, like 512' })
    .int('DISCLOSE_MAX_UPLOAD_MB must be a whole number of megabytes, like 512')
    .min(1, 'DISCLOSE_MAX_UPLOAD_MB must be at least 1')
    .max(1_000_000, 'DISCLOSE_MAX_UPLOAD_MB must be at most 1000000')
    .default(512),
  DISCLOSE_MAX_PAGES: z.coerce
    .number({ error: 'DISCLOSE_MAX_PAGES must be a whole number of pages, like 5000' })
    .int('DISCLOSE_MAX_PAGES must be a whole number of pages, like 5000')
    .min(1, 'DISCLOSE_MAX_PAGES must be at least 1')
    .default(5000),
  DISCLOSE_OCR: z.enum(['true', 'false'], { error: 'DISCLOSE_OCR must be true or false' }).default('true'),
  DISCLOSE_SOURCE_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'DISCLOSE_SOURCE_URL must be a web address starting https:// or http://, like https://github.com/example/disclose',
    })
    .optional(),
})

export interface Config {
  /** The port the web server listens on (PORT, default 3000). */
  readonly port: number
  /** The interface to listen on (HOST); every interface when unset. */
  readonly host: string | undefined
  /** Where the embedded database and files live (DISCLOSE_DATA_DIR, default ./data). */
  readonly dataDir: string
  /**
   * The database (DATABASE_URL): `postgres://…` selects PostgreSQL; anything else is a SQLite file path. Unset, the
   * embedded SQLite file `DISCLOSE_DATA_DIR/disclose.sqlite`.
   */
  readonly database:
    { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'postgres'; readonly url: string }
  /** Whether `npm start` on an empty database loads the demonstration data (DISCLOSE_DEMO, default true). */
  readonly loadDemo: boolean
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  readonly environment: 'development' | 'production' | 'test'
  /**
   * Where users can get the source code of the version that is running (DISCLOSE_SOURCE_URL), as AGPL-3.0 section 13
   * asks of a modified version offered over a network. The footer links to it when set.
   */
  readonly sourceUrl: string | undefined
  /** Documents: the largest file accepted (DISCLOSE_MAX_UPLOAD_MB, default 512 MB), in bytes. */
  readonly maxUploadBytes: number
  /** Documents: the most pages read from one file (DISCLOSE_MAX_PAGES, default 5,000). */
  readonly maxPages: number
  /** Documents: whether scans and images are read by OCR (DISCLOSE_OCR, default true). */
  readonly ocr: boolean
}

/**
 * Reads the configuration from the environment, once, at start-up. Every problem is listed, so that one restart
 * fixes them all. No other module reads `process.env`.
 */
export const loadConfig = (env: Readonly<Record<string, string | undefined>>): Result<Config, string[]> => {
  const blankToUndefined = Object.fromEntries(
    Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]),
  )
  const parsed = schema.safeParse(blankToUndefined)
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => issue.message))
  return ok(
    Object.freeze({
      port: parsed.data.PORT,
      host: parsed.data.HOST,
      dataDir: parsed.data.DISCLOSE_DATA_DIR,
      database:
        parsed.data.DATABASE_URL === undefined
          ? { kind: 'sqlite' as const, file: join(parsed.data.DISCLOSE_DATA_DIR, 'disclose.sqlite') }
          : /^postgres(ql)?:\/\//.test(parsed.data.DATABASE_URL)
            ? { kind: 'postgres' as const, url: parsed.data.DATABASE_URL }
            : { kind: 'sqlite' as const, file: parsed.data.DATABASE_URL },
      loadDemo: parsed.data.DISCLOSE_DEMO === 'true',
      logLevel: parsed.data.LOG_LEVEL,
      environment: parsed.data.NODE_ENV,
      sourceUrl: parsed.data.DISCLOSE_SOURCE_URL,
      maxUploadBytes: parsed.data.DISCLOSE_MAX_UPLOAD_MB * 1024 * 1024,
      maxPages: parsed.data.DISCLOSE_MAX_PAGES,
      ocr: parsed.data.DISCLOSE_OCR === 'true',
    }),
  )
}
