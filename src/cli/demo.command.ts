import { parseArgs } from 'node:util'
import { describeDemoCases, describeDemoSignIn, loadDemo } from '../services/demo/load-demo.ts'
import {
  EXIT_OK,
  readCommandLine,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { installationOf, reportServiceError } from './installation.ts'

const COMMAND = 'disclose demo'

export const DEMO_HELP = `Usage: disclose demo [--password-stdin]

Loads a demonstration organisation modelled on the Information Commissioner's Office (ico), a user for each role
(officer@demo.disclose.example, approver@…, administrator@…, applicant-blind-officer@…, auditor@…) and the two
real ICO responses Disclose was designed from, with their real references, dates, parts and outcomes:
IC-335210-T7S5 and IC-342993-L6W4. The requesters are made up.

Every step goes through the same services as real work, so the audit trail records it. Running it again changes
nothing. npm start loads the demonstration by itself on an empty installation unless DISCLOSE_DEMO=false.

Options:
  --password-stdin    read the demonstration users' password from standard input (default: a random one,
                      printed once)
  --help, -h          show this help`

export const signInUrl = (port: number): string => `http://localhost:${port}/sign-in`

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(DEMO_HELP)
    return EXIT_OK
  }
  const parsed = readCommandLine(COMMAND, () =>
    parseArgs({ args: [...args], options: { 'password-stdin': { type: 'boolean' } }, strict: true, tokens: true }),
  )
  if (!parsed.ok) return usageError(context, COMMAND, parsed.error)
  let password: string | undefined
  if (parsed.value.values['password-stdin'] === true) {
    password = (await context.readStdin()).replace(/\r?\n$/, '')
    if (password === '') {
      return usageError(context, COMMAND, '--password-stdin: standard input was empty: pipe the password in')
    }
  }
  const config = await context.config()
  const dependencies = await context.dependencies()
  const loaded = await loadDemo(installationOf(dependencies), password === undefined ? {} : { password })
  if (!loaded.ok) return reportServiceError(context, COMMAND, loaded.error, undefined, { password: '--password-stdin' })
  const load = loaded.value
  const { organisation } = load
  const lines =
    load.status === 'loaded'
      ? [
          `Loaded the demonstration: ${organisation.name} (${organisation.slug}), a user for each role and the two seed cases:`,
          ...describeDemoCases(load.cases),
        ]
      : [`The demonstration is already loaded: ${organisation.name} (${organisation.slug}).`]
  lines.push('', ...describeDemoSignIn(load, signInUrl(config.port)), '', 'Start the web app with npm start.')
  context.out(lines.join('\n'))
  return EXIT_OK
}

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Load a demonstration organisation, a user for each role and the two seed cases',
  run,
}
