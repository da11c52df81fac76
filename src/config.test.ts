import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('configuration', () => {
  it('runs on its embedded defaults with nothing set', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      value: {
        port: 3000,
        host: undefined,
        dataDir: './data',
        database: { kind: 'sqlite', file: 'data/disclose.sqlite' },
        loadDemo: true,
        logLevel: 'info',
        environment: 'development',
        sourceUrl: undefined,
        maxUploadBytes: 512 * 1024 * 1024,
        maxPages: 5000,
        ocr: true,
      },
    })
  })

  it('reads the document limits and OCR switch, and refuses values that are not numbers or true/false', () => {
    const config = loadConfig({ DISCLOSE_MAX_UPLOAD_MB: '20', DISCLOSE_MAX_PAGES: '100', DISCLOSE_OCR: 'false' })
    expect(config.ok && [config.value.maxUploadBytes, config.value.maxPages, config.value.ocr]).toEqual([
      20 * 1024 * 1024,
      100,
      false,
    ])
    expect(loadConfig({ DISCLOSE_MAX_UPLOAD_MB: 'lots', DISCLOSE_MAX_PAGES: '0', DISCLOSE_OCR: 'yes' })).toEqual({
      ok: false,
      error: [
        'DISCLOSE_MAX_UPLOAD_MB must be a whole number of megabytes, like 512',
        'DISCLOSE_MAX_PAGES must be at least 1',
        'DISCLOSE_OCR must be true or false',
      ],
    })
  })

  it('reads PORT and DISCLOSE_DATA_DIR from the environment', () => {
    const config = loadConfig({ PORT: '8080', DISCLOSE_DATA_DIR: '/var/lib/disclose' })
    expect(config.ok && [config.value.port, config.value.dataDir]).toEqual([8080, '/var/lib/disclose'])
  })

  it('keeps the embedded SQLite file in the data directory', () => {
    const config = loadConfig({ DISCLOSE_DATA_DIR: '/var/lib/disclose' })
    expect(config.ok && config.value.database).toEqual({ kind: 'sqlite', file: '/var/lib/disclose/disclose.sqlite' })
  })

  it('selects PostgreSQL when DATABASE_URL starts postgres://', () => {
    for (const url of ['postgres://disclose@db.internal:5432/disclose', 'postgresql://db.internal/disclose']) {
      const config = loadConfig({ DATABASE_URL: url })
      expect(config.ok && config.value.database).toEqual({ kind: 'postgres', url })
    }
  })

  it('takes any other DATABASE_URL as a SQLite file path', () => {
    const config = loadConfig({ DATABASE_URL: '/srv/disclose/cases.sqlite' })
    expect(config.ok && config.value.database).toEqual({ kind: 'sqlite', file: '/srv/disclose/cases.sqlite' })
  })

  it('refuses a DATABASE_URL for another kind of database, saying what it must be', () => {
    expect(loadConfig({ DATABASE_URL: 'mysql://db.internal/disclose' })).toEqual({
      ok: false,
      error: ['DATABASE_URL must start postgres:// (for PostgreSQL) or be a SQLite file path'],
    })
  })

  it('turns the demonstration data off with DISCLOSE_DEMO=false, and refuses anything but true or false', () => {
    const config = loadConfig({ DISCLOSE_DEMO: 'false' })
    expect(config.ok && config.value.loadDemo).toBe(false)
    expect(loadConfig({ DISCLOSE_DEMO: 'no' })).toEqual({ ok: false, error: ['DISCLOSE_DEMO must be true or false'] })
  })

  it('reads DISCLOSE_SOURCE_URL, the address of the source code the footer links to', () => {
    const config = loadConfig({ DISCLOSE_SOURCE_URL: 'https://git.example.gov.uk/foi/disclose' })
    expect(config.ok && config.value.sourceUrl).toBe('https://git.example.gov.uk/foi/disclose')
    const local = loadConfig({ DISCLOSE_SOURCE_URL: 'http://localhost:8080/disclose.tar.gz' })
    expect(local.ok && local.value.sourceUrl).toBe('http://localhost:8080/disclose.tar.gz')
    const blank = loadConfig({ DISCLOSE_SOURCE_URL: '' })
    expect(blank.ok).toBe(true)
    expect(blank.ok && blank.value.sourceUrl).toBeUndefined()
  })

  it.each(['ftp://example.org/disclose', 'javascript:alert(1)', 'github.com/example/disclose', 'https://'])(
    'refuses DISCLOSE_SOURCE_URL %s, which is not a web address',
    (address) => {
      expect(loadConfig({ DISCLOSE_SOURCE_URL: address })).toEqual({
        ok: false,
        error: [
          'DISCLOSE_SOURCE_URL must be a web address starting https:// or http://, like https://github.com/example/disclose',
        ],
      })
    },
  )

  it('lists every problem at once', () => {
    expect(loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', NODE_ENV: 'staging' })).toEqual({
      ok: false,
      error: [
        'PORT must be a whole number from 0 to 65535',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
        'NODE_ENV must be development, production or test',
      ],
    })
    expect(loadConfig({ PORT: '70000' }).ok).toBe(false)
  })
})
