import { REFERENCE_LETTERS } from '../../domain/case/case-reference.ts'
import { formatLongDate, dayNumberOfIso, type IsoDate } from '../../domain/calendar/calendar-date.ts'
import type { CaseState } from '../../domain/case/case.ts'
import type { Organisation } from '../../domain/case/organisation.ts'
import { ROLE_NAMES, type Role } from '../../domain/access/role.ts'
import { readLabelledDate } from '../../domain/deadlines/clock-request.ts'
import { fail, ok, type Result } from '../../domain/result.ts'
import { commandLineActor, type Actor } from '../actor.ts'
import { inOneTransaction, type InstallationDependencies, type TransactionServices } from '../cases/import-case-file.ts'
import { secureRandomIndex } from '../ids.ts'
import type { ServiceError } from '../service-error.ts'
import { actorFor, toUser, type User } from '../users/user.service.ts'
import {
  DEMO_EMAIL_DOMAIN,
  DEMO_ORGANISATION,
  DEMO_TEAM,
  DEMO_USERS,
  demoEmail,
  SEED_CASES,
  type DemoCase,
} from './seed-cases.ts'

export interface DemoCaseSummary {
  readonly reference: string
  readonly state: CaseState
  readonly due: IsoDate | null
  readonly respondedOn: IsoDate | null
}

/** What loading the demonstration did: loaded it now (with the password, shown once), or found it loaded. */
export type DemoLoad =
  | {
      readonly status: 'loaded'
      readonly organisation: Organisation
      readonly users: readonly User[]
      /** Every demonstration user's password. Shown once: only its hash is kept. */
      readonly password: string
      readonly cases: readonly DemoCaseSummary[]
    }
  | {
      readonly status: 'already-loaded'
      readonly organisation: Organisation
      readonly users: readonly User[]
    }

export interface LoadDemoOptions {
  /** The demonstration users' password; a random one when left out. */
  readonly password?: string
}

const PASSWORD_CHARACTERS = `${REFERENCE_LETTERS.toLowerCase()}23456789`

/** A password that is easy to type and read aloud: four groups of four letters and digits, about 78 bits. */
export const generateDemoPassword = (randomIndex: (n: number) => number = secureRandomIndex): string =>
  Array.from({ length: 4 }, () =>
    Array.from({ length: 4 }, () => PASSWORD_CHARACTERS[randomIndex(PASSWORD_CHARACTERS.length)]).join(''),
  ).join('-')

const isDemoUser = (user: User): boolean => user.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)

const step = async <T>(doing: string, result: Promise<Result<T, ServiceError>>): Promise<Result<T, ServiceError>> => {
  const done = await result
  return done.ok ? done : fail({ ...done.error, message: `${doing}: ${done.error.message}` })
}

/**
 * Loads the demonstration: an organisation modelled on the ICO, a user for each role and both seed cases, each
 * logged, worked, decided, approved and answered through the service layer, so that the audit trail records every
 * step as it would for real work. All of it in one transaction. Loading it again changes nothing and says so.
 */
export const loadDemo = async (
  dependencies: InstallationDependencies,
  options: LoadDemoOptions = {},
): Promise<Result<DemoLoad, ServiceError>> => {
  const existing = await dependencies.store.read.organisations.findBySlug(DEMO_ORGANISATION.slug)
  if (existing !== undefined) {
    const users = await dependencies.store.read.users.listInOrganisation(existing.id)
    const order = (user: User): number => DEMO_USERS.findIndex(({ role }) => user.email === demoEmail(role))
    const demoUsers = users
      .map(toUser)
      .filter(isDemoUser)
      .sort((a, b) => order(a) - order(b))
    return ok({ status: 'already-loaded', organisation: existing, users: demoUsers })
  }
  const password = options.password ?? generateDemoPassword()
  return inOneTransaction(dependencies, async ({ organisations, users, cases }) => {
    const added = await step('Adding the demonstration organisation', organisations.addOrganisation(DEMO_ORGANISATION))
    if (!added.ok) return added
    const organisation = added.value
    const operator = commandLineActor(organisation.id)

    const byRole = new Map<Role, User>()
    for (const { role, displayName } of DEMO_USERS) {
      const user = await step(
        `Adding ${demoEmail(role)}`,
        users.addUser(operator, { email: demoEmail(role), displayName, roles: [role], team: DEMO_TEAM, password }),
      )
      if (!user.ok) return user
      byRole.set(role, user.value)
    }
    const actorWith = (role: Role) => {
      const user = byRole.get(role)
      if (user === undefined) throw new Error(`There is no demonstration user for ${role}`)
      return actorFor(user)
    }

    const summaries: DemoCaseSummary[] = []
    for (const seed of SEED_CASES) {
      const loaded = await loadSeedCase(cases, actorWith, seed)
      if (!loaded.ok) return loaded
      summaries.push(loaded.value)
    }
    return ok({
      status: 'loaded' as const,
      organisation,
      users: [...byRole.values()],
      password,
      cases: summaries,
    })
  })
}

const loadSeedCase = async (
  cases: TransactionServices['cases'],
  actorWith: (role: Role) => Actor,
  seed: DemoCase,
): Promise<Result<DemoCaseSummary, ServiceError>> => {
  const reference = seed.logged.reference ?? ''
  const logged = await step(`Logging ${reference}`, cases.logRequest(actorWith('officer'), seed.logged))
  if (!logged.ok) return logged
  let view = logged.value
  for (const next of seed.steps) {
    const actor = actorWith(next.by)
    const version = view.case.version
    let done
    if (next.kind === 'decide-parts') {
      done = await step(`Deciding the parts of ${reference}`, cases.saveParts(actor, reference, version, seed.decided))
    } else if (next.kind === 'decide-exemptions') {
      done = await step(
        `Recording the exemption decisions of ${reference}`,
        cases.saveDecisions(actor, reference, version, seed.decisions),
      )
    } else {
      const on = readLabelledDate('Date', next.on)
      if (!on.ok) throw new Error(`The demonstration has a bad date: ${next.on}`)
      done = await step(
        `${next.action} on ${reference}`,
        cases.moveCase(actor, reference, version, next.action, on.value),
      )
    }
    if (!done.ok) return done
    view = done.value
  }
  return ok({
    reference: view.case.reference,
    state: view.case.state,
    due: view.deadline?.due ?? null,
    respondedOn: view.case.respondedOn,
  })
}

/** What `npm start` did about the demonstration. */
export type FirstStartDemo =
  | { readonly status: 'disabled' }
  | { readonly status: 'not-empty' }
  | { readonly status: 'loaded'; readonly load: Extract<DemoLoad, { status: 'loaded' }> }

/**
 * On an installation with no organisation yet, loads the demonstration, unless it is turned off (DISCLOSE_DEMO=false).
 * An installation that holds anything is left alone.
 */
export const loadDemoOnFirstStart = async (
  dependencies: InstallationDependencies,
  enabled: boolean,
  options: LoadDemoOptions = {},
): Promise<Result<FirstStartDemo, ServiceError>> => {
  if (!enabled) return ok({ status: 'disabled' })
  if ((await dependencies.store.read.organisations.list()).length > 0) return ok({ status: 'not-empty' })
  const loaded = await loadDemo(dependencies, options)
  if (!loaded.ok) return loaded
  return loaded.value.status === 'loaded' ? ok({ status: 'loaded', load: loaded.value }) : ok({ status: 'not-empty' })
}

const longDate = (date: IsoDate): string => formatLongDate(dayNumberOfIso(date))

/** How to sign in as the demonstration users, in lines for a person. */
export const describeDemoSignIn = (load: DemoLoad, signInUrl: string): string[] => {
  if (load.users.length === 0) {
    return [
      `${load.organisation.name} (${load.organisation.slug}) has no demonstration users: it was not loaded by disclose demo.`,
    ]
  }
  const width = Math.max(...load.users.map((user) => user.email.length))
  const lines = [
    `Sign in at ${signInUrl} as any of these users:`,
    ...load.users.map(
      (user) =>
        `  ${user.email.padEnd(width)}  ${user.roles.map((role) => ROLE_NAMES[role]).join(', ')}${
          user.canSignIn ? '' : ' (no password set)'
        }`,
    ),
  ]
  if (load.status === 'loaded') {
    lines.push(
      `Password for each of them: ${load.password}`,
      'The password is shown only this once. These accounts are for trying Disclose out: on a live installation, set DISCLOSE_DEMO=false before the first start.',
    )
  } else {
    lines.push('Their password was shown when the demonstration was loaded.')
  }
  return lines
}

/** The demonstration's cases, a line each: reference, state, and when each was due and answered. */
export const describeDemoCases = (cases: readonly DemoCaseSummary[]): string[] =>
  cases.map(
    (summary) =>
      `  ${summary.reference}  ${summary.state}${summary.due === null ? '' : `, due on ${longDate(summary.due)}`}${
        summary.respondedOn === null ? '' : `, answered on ${longDate(summary.respondedOn)}`
      }`,
  )
