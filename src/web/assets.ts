import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const require = createRequire(import.meta.url)

/** Where the files the web layer serves and builds live, all absolute. */
export interface AssetPaths {
  /** The project root, which holds `public/` and `node_modules/`. */
  readonly root: string
  /** `src/web`: templates live beside their routes. */
  readonly webDir: string
  /** `src/web/styles`: the Sass sources. */
  readonly stylesDir: string
  /** The Sass entry point. */
  readonly stylesEntry: string
  /** `public/`: served at `/public`. */
  readonly publicDir: string
  /** `public/build/application.css`: compiled, not committed. */
  readonly builtCss: string
  /** govuk-frontend's `dist` folder: its Nunjucks templates are loaded from here. */
  readonly govukDist: string
  /** govuk-frontend's images, fonts and manifest, served at `/assets`. */
  readonly govukAssets: string
  /** govuk-frontend's browser bundle (an ES module). */
  readonly govukScript: string
  /** govuk-frontend's package.json: an upgrade makes the built styles stale. */
  readonly govukPackageJson: string
}

export const assetPaths = (): AssetPaths => {
  const webDir = dirname(fileURLToPath(import.meta.url))
  const root = join(webDir, '..', '..')
  const govukPackageJson = require.resolve('govuk-frontend/package.json')
  const govukDist = join(dirname(govukPackageJson), 'dist')
  const stylesDir = join(webDir, 'styles')
  const publicDir = join(root, 'public')
  return {
    root,
    webDir,
    stylesDir,
    stylesEntry: join(stylesDir, 'application.scss'),
    publicDir,
    builtCss: join(publicDir, 'build', 'application.css'),
    govukDist,
    govukAssets: join(govukDist, 'govuk', 'assets'),
    govukScript: join(govukDist, 'govuk', 'govuk-frontend.min.js'),
    govukPackageJson,
  }
}

const modifiedAt = async (path: string): Promise<number | undefined> => {
  try {
    return (await stat(path)).mtimeMs
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** Whether the built CSS is missing, or older than any Sass source or the installed govuk-frontend. */
export const stylesAreStale = async (paths: AssetPaths): Promise<boolean> => {
  const built = await modifiedAt(paths.builtCss)
  if (built === undefined) return true
  const sources = (await readdir(paths.stylesDir)).filter((name) => name.endsWith('.scss'))
  const times = await Promise.all(
    [...sources.map((name) => join(paths.stylesDir, name)), paths.govukPackageJson].map(modifiedAt),
  )
  return times.some((time) => time !== undefined && time > built)
}

/**
 * Compiles the Sass into `public/build/application.css`. The file is written to a temporary name and renamed, so
 * that two processes building at once (parallel test files) never serve half a stylesheet.
 */
export const buildStyles = async (paths: AssetPaths): Promise<void> => {
  const result = sass.compile(paths.stylesEntry, {
    style: 'compressed',
    importers: [new sass.NodePackageImporter(paths.root)],
    quietDeps: true,
  })
  await mkdir(dirname(paths.builtCss), { recursive: true })
  const temporary = `${paths.builtCss}.${process.pid}.${Date.now()}.tmp`
  await writeFile(temporary, result.css, 'utf8')
  await rename(temporary, paths.builtCss)
}

/** Builds the styles if they are stale; returns whether it did. */
export const ensureStyles = async (paths: AssetPaths): Promise<boolean> => {
  if (!(await stylesAreStale(paths))) return false
  await buildStyles(paths)
  return true
}

/** A short fingerprint of a file, for cache-busting its URL. */
export const fingerprint = async (path: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex')
    .slice(0, 12)
