import type { Dependencies } from '../dependencies.ts'
import { fail, ok, type Result } from '../domain/result.ts'
import { commandLineActor, type Actor } from '../services/actor.ts'
import type { CaseView } from '../services/cases/case.service.ts'
import { importCaseFile } from '../services/cases/import-case-file.ts'
import type { ServiceError } from '../services/service-error.ts'
import { findCase } from './case.command.ts'
import type { CliContext } from './command-line.ts'
import { installationOf, readJsonFile } from './installation.ts'

/** A case to work on: one in the installation, by its reference, or one in a file, loaded where nothing is kept. */
export interface CaseSource {
  readonly dependencies: Dependencies
  readonly actor: Actor
  readonly view: CaseView
}

/** Whether `--case` names a file (a case's JSON form) rather than a reference. */
const isFile = (value: string): boolean => /\.json$/i.test(value) || value.includes('/') || value.includes('\\')

/**
 * `--case REF` finds the case in the installation; `--case FILE.json` reads a case's JSON form (what `disclose case
 * export` writes) into a database of its own in memory, so that a letter or a check can be made from a file without
 * touching the installation.
 */
export const openCaseSource = async (
  context: CliContext,
  value: string,
  slug: string | undefined,
): Promise<Result<CaseSource, ServiceError | string>> => {
  if (isFile(value)) {
    const read = await readJsonFile(value)
    if (!read.ok) return fail(read.error)
    const named = read.value as { reference?: unknown; organisation?: unknown } | null
    if (typeof named?.reference !== 'string' || typeof named.organisation !== 'object' || named.organisation === null) {
      return fail(`${value}: a case file needs its reference and its organisation, as disclose case export writes them`)
    }
    const dependencies = await context.scratch()
    const imported = await importCaseFile(installationOf(dependencies), read.value)
    if (!imported.ok) return imported
    const view = imported.value.view
    return ok({ dependencies, actor: commandLineActor(view.organisation.id), view })
  }
  const dependencies = await context.dependencies()
  const found = await findCase(dependencies, value, slug)
  if (!found.ok) return found
  return ok({ dependencies, actor: commandLineActor(found.value.organisation.id), view: found.value })
}
