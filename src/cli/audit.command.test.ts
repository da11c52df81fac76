import { copyFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import type BetterSqlite3 from 'better-sqlite3'
import { beforeAll, describe, expect, it } from 'vitest'
import { databaseFile, loadDemoInto, withSqliteFile } from './installation.test-support.ts'
import { disclose, useDataDirs } from './run-disclose.test-support.ts'

const dataDirs = useDataDirs()

interface EventRow {
  readonly seq: number
  readonly id: string
}

let events: EventRow[] = []

beforeAll(async () => {
  await loadDemoInto(dataDirs.shared())
  events = withSqliteFile(dataDirs.shared(), (sqlite) =>
    sqlite.prepare('select seq, id from audit_event order by seq').all(),
  ) as EventRow[]
}, 120_000)

const idOf = (seq: number): string => {
  const found = events.find((event) => event.seq === seq)
  if (found === undefined) throw new Error(`there is no event ${seq}`)
  return found.id
}

/** A copy of the demonstration's database, changed behind Disclose's back as someone with the file could. */
const tampered = async (change: (sqlite: BetterSqlite3.Database) => void): Promise<string> => {
  const dir = await dataDirs.fresh()
  for (const suffix of ['', '-wal']) {
    const from = `${databaseFile(dataDirs.shared())}${suffix}`
    if (existsSync(from)) await copyFile(from, `${databaseFile(dir)}${suffix}`)
  }
  withSqliteFile(dir, change)
  return dir
}

const expectBroken = async (dir: string, seq: number, id: string, reason: string): Promise<void> => {
  const run = await disclose(['audit', 'verify'], dir)
  expect(run.stdout).toBe('')
  expect(run.stderr).toBe(
    `disclose audit verify: the audit trail of ico is broken at event ${seq} (id ${id}): ${reason}\n`,
  )
  expect(run.status).toBe(1)
}

describe.concurrent('disclose audit verify', { timeout: 120_000 }, () => {
  it('says the audit trail is intact, counting its events', async () => {
    expect(events.length).toBeGreaterThan(10)
    const [all, one] = await Promise.all([
      disclose(['audit', 'verify'], dataDirs.shared()),
      disclose(['audit', 'verify', '--org', 'ico', '--json'], dataDirs.shared()),
    ])
    expect(all.stderr).toBe('')
    expect(all.stdout).toBe(`The audit trail is intact: ${events.length} events\n`)
    expect(all.status).toBe(0)
    expect(JSON.parse(one.stdout)).toEqual([{ organisation: 'ico', events: events.length, broken: null }])
  })

  it('names the event whose before-and-after record was edited', async () => {
    const dir = await tampered((sqlite) => {
      sqlite
        .prepare("update audit_event set payload = replace(payload, 'Sample Requester', 'Someone Else') where seq = 7")
        .run()
    })
    await expectBroken(dir, 7, idOf(7), 'its before-and-after record was changed')
  })

  it('names the event whose author was edited', async () => {
    const dir = await tampered((sqlite) => {
      sqlite.prepare("update audit_event set actor_label = 'someone.else@example.com' where seq = 8").run()
    })
    await expectBroken(dir, 8, idOf(8), 'its details (who, when, what) were changed')
  })

  it('names the event after one that was deleted', async () => {
    const dir = await tampered((sqlite) => {
      sqlite.prepare('delete from audit_event where seq = 9').run()
    })
    await expectBroken(dir, 10, idOf(10), 'event 9 is missing')
  })

  it('names the first of two events that were swapped', async () => {
    const dir = await tampered((sqlite) => {
      sqlite.transaction(() => {
        sqlite.prepare('update audit_event set seq = -1 where seq = 10').run()
        sqlite.prepare('update audit_event set seq = 10 where seq = 11').run()
        sqlite.prepare('update audit_event set seq = 11 where seq = -1').run()
      })()
    })
    await expectBroken(
      dir,
      10,
      idOf(11),
      'it does not follow the event before it (an event was removed, added or reordered)',
    )
  })

  it('notices that the last event was deleted', async () => {
    const last = events.length
    const dir = await tampered((sqlite) => {
      sqlite.prepare('delete from audit_event where seq = ?').run(last)
    })
    await expectBroken(
      dir,
      last,
      idOf(last - 1),
      `the chain should end at event ${last}, but it ends at event ${last - 1} (events were removed from the end, or the record of its end was changed)`,
    )
  })
})
