import { describe, expect, it } from 'vitest'
import { loadConfig } from './config.ts'

describe('configuration', () => {
  it('runs on its embedded defaults with nothing set', () => {
    expect(loadConfig({})).toEqual({
      ok: true,
      value: { port: 3000, host: undefined, dataDir: './data', logLevel: 'info', environment: 'development' },
    })
  })

  it('reads PORT and DISCLOSE_DATA_DIR from the environment', () => {
    const config = loadConfig({ PORT: '8080', DISCLOSE_DATA_DIR: '/var/lib/disclose' })
    expect(config.ok && [config.value.port, config.value.dataDir]).toEqual([8080, '/var/lib/disclose'])
  })

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
