/**
 * Which font a letter's PDF is set in.
 *
 * pdfkit's standard fonts (Helvetica) need no font file, but they can draw only the WinAnsi characters: anything
 * else — the Welsh ŵ and ŷ, the Polish ł, an emoji — comes out as the wrong glyphs with the wrong text behind them,
 * silently (pdfkit writes the low byte of the character code). So a letter with such a character is set in a
 * TrueType font found among the system's fonts and embedded (subset); Debian's fontconfig pulls in fonts-dejavu-core,
 * so DejaVu Sans is on any machine with Chromium or poppler-utils. Liberation Sans, when installed (fonts-liberation),
 * is preferred: it has Helvetica's metrics, so the letter looks the same whichever font it is set in.
 */
import { existsSync, readFileSync } from 'node:fs'

export interface PdfFontFiles {
  readonly regular: string
  readonly bold: string
}

export const SYSTEM_FONT_CANDIDATES: readonly PdfFontFiles[] = [
  {
    regular: '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
    bold: '/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf',
  },
  {
    regular: '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    bold: '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  },
]

let systemFont: PdfFontFiles | null | undefined

/** The first candidate whose regular and bold files both exist, or null; looked up once. */
export const findSystemFont = (): PdfFontFiles | null => {
  systemFont ??= SYSTEM_FONT_CANDIDATES.find((font) => existsSync(font.regular) && existsSync(font.bold)) ?? null
  return systemFont
}

const fontBytes = new Map<string, Buffer>()

/** A font file's bytes, read once a process. */
export const readFontFile = (path: string): Buffer => {
  let bytes = fontBytes.get(path)
  if (bytes === undefined) {
    bytes = readFileSync(path)
    fontBytes.set(path, bytes)
  }
  return bytes
}

/** The characters of Windows-1252 above 0x7F that are not Latin-1: what the standard fonts draw besides Latin-1. */
const WIN_ANSI_EXTRA: ReadonlySet<number> = new Set(
  [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((character) => character.codePointAt(0) ?? 0),
)

/** Whether pdfkit's standard fonts can draw the character (line feeds are breaks, not glyphs). */
export const isWinAnsi = (codePoint: number): boolean =>
  codePoint === 0x0a ||
  (codePoint >= 0x20 && codePoint <= 0x7e) ||
  (codePoint >= 0xa0 && codePoint <= 0xff) ||
  WIN_ANSI_EXTRA.has(codePoint)

export const allWinAnsi = (value: string): boolean => {
  for (const character of value) if (!isWinAnsi(character.codePointAt(0) ?? 0)) return false
  return true
}

/** Shown in place of a character the chosen font cannot draw: visibly missing, never a wrong letter. */
export const REPLACEMENT = '?'

/** The text with every character `canDraw` rejects replaced by {@link REPLACEMENT}. */
export const replaceUndrawable = (value: string, canDraw: (codePoint: number) => boolean): string => {
  let result = ''
  for (const character of value) result += canDraw(character.codePointAt(0) ?? 0) ? character : REPLACEMENT
  return result
}
