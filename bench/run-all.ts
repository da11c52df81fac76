/**
 * Runs every benchmark in bench/, one process each so that one cannot warm or slow another.
 *
 *   npm run bench
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()

let failed = 0
for (const name of benches) {
  console.log(`\n== ${name}`)
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name)], { stdio: 'inherit' })
  if (run.status !== 0) failed += 1
}
process.exitCode = failed === 0 ? 0 : 1
