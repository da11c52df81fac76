import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Worker as TesseractWorker } from 'tesseract.js'
import type { OcrEngine, OcrLine, OcrWord } from '../ports.ts'

/**
 * The folder of English data shipped in `@tesseract.js-data/eng` (the integer-quantised "best" model). Pointing
 * tesseract.js at a local folder is what keeps it offline: with no `langPath` it downloads the data from a CDN.
 */
export const englishDataFolder = (): string =>
  join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int')

/**
 * OCR with tesseract.js, offline. The worker (a thread with the WASM engine and the English model, about 100 MB) is
 * started at the first `recognise` and reused for the ones after; `close` ends it. Calls are queued by tesseract.js
 * on its one worker, so concurrent callers are safe and simply wait their turn.
 */
export const createTesseractOcr = (): OcrEngine => {
  let starting: Promise<TesseractWorker> | undefined

  const worker = (): Promise<TesseractWorker> => {
    if (starting === undefined) {
      starting = (async () => {
        const tesseract = (await import('tesseract.js')).default
        return tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, {
          langPath: englishDataFolder(),
          cacheMethod: 'none',
          gzip: true,
        })
      })()
      // A worker that failed to start is not kept: the next call tries again.
      starting.catch(() => (starting = undefined))
    }
    return starting
  }

  return {
    recognise: async (image) => {
      const engine = await worker()
      const { data } = await engine.recognize(
        Buffer.from(image.buffer, image.byteOffset, image.byteLength),
        {},
        {
          blocks: true,
          text: false,
        },
      )
      const lines: OcrLine[] = []
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const words: OcrWord[] = []
            for (const word of line.words) {
              const text = word.text.trim()
              if (text === '') continue
              words.push({
                text,
                x: word.bbox.x0,
                y: word.bbox.y0,
                width: word.bbox.x1 - word.bbox.x0,
                height: word.bbox.y1 - word.bbox.y0,
                confidence: Math.min(1, Math.max(0, word.confidence / 100)),
              })
            }
            if (words.length > 0) lines.push({ words })
          }
        }
      }
      return lines
    },

    close: async () => {
      const current = starting
      starting = undefined
      if (current === undefined) return
      try {
        await (await current).terminate()
      } catch {
        // A worker that never started has nothing to end.
      }
    },
  }
}
