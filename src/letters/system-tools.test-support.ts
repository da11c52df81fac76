/**
 * The command-line tools the letter tests check the files with: poppler-utils (pdftotext, pdfinfo) and mupdf-tools
 * (mutool), independent of the libraries that wrote the files. A missing tool fails the test and says what to
 * install; it never skips it.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PACKAGE_OF: Readonly<Record<string, string>> = {
  pdftotext: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdffonts: 'poppler-utils',
  mutool: 'mupdf-tools',
}

/** Runs a tool and returns what it printed; throws, naming the Debian package, when the tool is not installed. */
export const runTool = (command: string, args: readonly string[]): string => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const debianPackage = PACKAGE_OF[command] ?? command
      throw new Error(
        `${command} is not installed: install ${debianPackage} (apt-get install -y ${debianPackage}, ` +
          'or run scripts/install-system-packages.sh)',
        { cause: error },
      )
    }
    throw error
  }
}

/** A scratch folder for files the tools read; remove it with the function returned. */
export const scratchFolder = (): {
  readonly write: (name: string, bytes: Buffer) => string
  readonly remove: () => void
} => {
  const folder = mkdtempSync(join(tmpdir(), 'disclose-letters-'))
  return {
    write: (name, bytes) => {
      const path = join(folder, name)
      writeFileSync(path, bytes)
      return path
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  }
}

/** pdftotext's text with the page footers taken out and every run of white space made one space. */
export const flowingText = (layoutText: string): string =>
  layoutText
    .split('\n')
    .filter((line) => !/^\s*Page \d+ of \d+\s*$/.test(line))
    .join(' ')
    .replace(/\s+/g, ' ')

/** White space made single spaces, to compare with flowing text. */
export const squash = (value: string): string => value.replace(/\s+/g, ' ').trim()
