import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PERSON, scannedPagePng, SCAN_DPI } from '../../../test/fixtures/documents/pdfs.ts'
import { createTesseractOcr, englishDataFolder } from './tesseract.ocr.ts'

const OCR_TIMEOUT = 90_000

describe('OCR with tesseract', () => {
  it('uses the English data shipped in node_modules, so it needs no network', () => {
    expect(existsSync(join(englishDataFolder(), 'eng.traineddata.gz'))).toBe(true)
  })

  it('closes without having started', async () => {
    const ocr = createTesseractOcr()
    await expect(ocr.close()).resolves.toBeUndefined()
  })

  it(
    'reads the lines of a scanned page with a pixel box and a confidence for every word, and can be reused',
    async () => {
      const ocr = createTesseractOcr()
      try {
        const png = await scannedPagePng()
        const lines = await ocr.recognise(png)
        const words = lines.flatMap((line) => line.words)
        const lineTexts = lines.map((line) => line.words.map((word) => word.text).join(' '))
        expect(lineTexts).toContain(PERSON.name)
        expect(lineTexts).toContain(`Email ${PERSON.email}`)
        expect(lineTexts).toContain(`Telephone ${PERSON.mobile}`)
        for (const word of words) {
          expect(word.text).not.toMatch(/\s/)
          expect(word.confidence).toBeGreaterThanOrEqual(0)
          expect(word.confidence).toBeLessThanOrEqual(1)
          expect(word.width).toBeGreaterThan(0)
          expect(word.height).toBeGreaterThan(0)
        }
        // "Priya" was drawn at 72 points from the left, 90 down: 200 and 250 pixels at 200 dpi.
        const priya = words.find((word) => word.text === 'Priya')
        expect(priya?.x).toBeGreaterThan((72 * SCAN_DPI) / 72 - 10)
        expect(priya?.x).toBeLessThan((72 * SCAN_DPI) / 72 + 20)
        expect(priya?.y).toBeGreaterThan((90 * SCAN_DPI) / 72 - 10)
        expect(priya?.y).toBeLessThan((90 * SCAN_DPI) / 72 + 20)
        // The same worker reads a second image.
        expect((await ocr.recognise(png)).length).toBe(lines.length)
      } finally {
        await ocr.close()
      }
    },
    OCR_TIMEOUT,
  )
})
