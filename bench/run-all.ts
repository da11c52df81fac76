/**
 * Runs every benchmark in bench/, one process each so that one cannot warm or slow another. Arguments are passed to
 * each benchmark (`npm run bench -- --quick`); benchmarks ignore those they do not know.
 *
 *   npm run bench
 *
 * cases.bench.ts measures PostgreSQL too when a server is given; start one first:
 *   eval "$(bash scripts/test-postgres.sh start)" && npm run bench
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
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(here, name), ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  if (run.status !== 0) failed += 1
}
process.exitCode = failed === 0 ? 0 : 1
