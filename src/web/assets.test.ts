import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetPaths, fingerprint, stylesAreStale, type AssetPaths } from './assets.ts'

let dir: string
let paths: AssetPaths

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'disclose-assets-'))
  await mkdir(join(dir, 'styles'))
  await mkdir(join(dir, 'build'))
  paths = {
    ...assetPaths(),
    stylesDir: join(dir, 'styles'),
    stylesEntry: join(dir, 'styles', 'application.scss'),
    builtCss: join(dir, 'build', 'application.css'),
    govukPackageJson: join(dir, 'package.json'),
  }
  await writeFile(paths.stylesEntry, '// styles\n')
  await writeFile(paths.govukPackageJson, '{}\n')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const setTime = (path: string, seconds: number) => utimes(path, seconds, seconds)

describe('deciding whether the styles need building', () => {
  it('builds them when there is no built file', async () => {
    expect(await stylesAreStale(paths)).toBe(true)
  })

  it('leaves them when the built file is newer than every source', async () => {
    await writeFile(paths.builtCss, 'body{}')
    await setTime(paths.stylesEntry, 1_000)
    await setTime(paths.govukPackageJson, 1_000)
    await setTime(paths.builtCss, 2_000)
    expect(await stylesAreStale(paths)).toBe(false)
  })

  it('rebuilds them when a Sass file changed after the build', async () => {
    await writeFile(paths.builtCss, 'body{}')
    await writeFile(join(paths.stylesDir, '_extra.scss'), '')
    await setTime(paths.stylesEntry, 1_000)
    await setTime(paths.govukPackageJson, 1_000)
    await setTime(join(paths.stylesDir, '_extra.scss'), 3_000)
    await setTime(paths.builtCss, 2_000)
    expect(await stylesAreStale(paths)).toBe(true)
  })

  it('rebuilds them when govuk-frontend was upgraded after the build', async () => {
    await writeFile(paths.builtCss, 'body{}')
    await setTime(paths.stylesEntry, 1_000)
    await setTime(paths.govukPackageJson, 3_000)
    await setTime(paths.builtCss, 2_000)
    expect(await stylesAreStale(paths)).toBe(true)
  })
})

describe('fingerprinting a file for its URL', () => {
  it('changes when the content changes', async () => {
    await writeFile(paths.builtCss, 'body{}')
    const before = await fingerprint(paths.builtCss)
    await writeFile(paths.builtCss, 'body{color:red}')
    expect(before).toMatch(/^[0-9a-f]{12}$/)
    expect(await fingerprint(paths.builtCss)).not.toBe(before)
  })
})
