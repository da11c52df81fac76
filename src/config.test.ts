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
        logLevel: 'info',
        environment: 'development',
        sourceUrl: undefined,
      },
    })
  })

  it('reads PORT and DISCLOSE_DATA_DIR from the environment', () => {
    const config = loadConfig({ PORT: '8080', DISCLOSE_DATA_DIR: '/var/lib/disclose' })
    expect(config.ok && [config.value.port, config.value.dataDir]).toEqual([8080, '/var/lib/disclose'])
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
