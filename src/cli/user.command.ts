import { parseArgs } from 'node:util'
import { ROLE_NAMES, ROLES } from '../domain/access/role.ts'
import { commandLineActor } from '../services/actor.ts'
import { toUser, type User } from '../services/users/user.service.ts'
import {
  columns,
  EXIT_OK,
  listFlags,
  printJson,
  readCommandLine,
  seeHelp,
  usageError,
  wantsHelp,
  type CliContext,
  type Command,
  type ExitCode,
} from './command-line.ts'
import { chooseOrganisation, reportServiceError } from './installation.ts'

const COMMAND = 'disclose user'

export const USER_HELP = `Usage: disclose user add --email EMAIL --role ROLE [--role ROLE …] [--name NAME] [--org SLUG]
                         [--password-stdin] [--json]
       disclose user list [--org SLUG] [--json]
       disclose user token --email EMAIL --name NAME [--json]
       disclose user password --email EMAIL --password-stdin

The people who work cases, and the API tokens integrations use.

Options for add:
  --email EMAIL         their email address, which they sign in with (required)
  --role ROLE           ${ROLES.join(', ')} (required; give it once a role)
  --name NAME           their name as others see it (default: the email address)
  --org SLUG            the organisation they work for (default: the only one)
  --password-stdin      read their password from standard input, so that it never appears in the command line or
                        the shell's history: printf '%s' "$PASSWORD" | disclose user add … --password-stdin.
                        Without it they cannot sign in until an administrator sets a password.

Options for token:
  --email EMAIL         whose token it is (required)
  --name NAME           what will use it, like "case import job" (required)

The token is printed once; Disclose keeps only its hash. Send it as Authorization: Bearer TOKEN.

Options for password:
  --email EMAIL         whose password to set (required)
  --password-stdin      read the new password from standard input (required); their sessions are ended

Options:
  --json                print the result as JSON
  --help, -h            show this help`

const USER_FLAGS = { email: '--email', roles: '--role', password: '--password-stdin', displayName: '--name' }

const describeRoles = (user: User): string => user.roles.map((role) => ROLE_NAMES[role]).join(', ')

/** A password piped in ends with the newline `echo` adds; that newline is not part of it. */
const passwordFrom = (text: string): string => text.replace(/\r?\n$/, '')

const addUser = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} add`
  const parsed = readCommandLine(
    command,
    () =>
      parseArgs({
        args: [...args],
        options: {
          email: { type: 'string' },
          role: { type: 'string', multiple: true },
          name: { type: 'string' },
          org: { type: 'string' },
          'password-stdin': { type: 'boolean' },
          password: { type: 'string' },
          json: { type: 'boolean' },
        },
        strict: true,
        tokens: true,
      }),
    ['role'],
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const values = parsed.value.values
  if (values.password !== undefined) {
    return usageError(
      context,
      command,
      'a password on the command line would stay in the shell’s history: pipe it in with --password-stdin instead',
    )
  }
  const missing = [...(values.email === undefined ? ['--email'] : []), ...(values.role === undefined ? ['--role'] : [])]
  if (missing.length > 0) return usageError(context, command, `missing ${listFlags(missing)} ${seeHelp(command)}`)
  let password: string | undefined
  if (values['password-stdin'] === true) {
    password = passwordFrom(await context.readStdin())
    if (password === '') {
      return usageError(context, command, '--password-stdin: standard input was empty: pipe the password in')
    }
  }

  const dependencies = await context.dependencies()
  const organisation = await chooseOrganisation(dependencies, values.org)
  if (!organisation.ok) return usageError(context, command, organisation.error)
  const added = await dependencies.users.addUser(commandLineActor(organisation.value.id), {
    email: values.email ?? '',
    roles: (values.role ?? []).map((role) => role.trim().toLowerCase()),
    ...(values.name === undefined ? {} : { displayName: values.name }),
    ...(password === undefined ? {} : { password }),
  })
  if (!added.ok) return reportServiceError(context, command, added.error, undefined, USER_FLAGS)
  const user = added.value
  if (values.json === true) {
    printJson(context, user)
    return EXIT_OK
  }
  context.out(
    [
      `Added ${user.email} to ${organisation.value.name} as ${describeRoles(user)}.`,
      user.canSignIn
        ? 'They can sign in with the password given.'
        : 'No password was set: they cannot sign in until an administrator sets one. They can use an API token meanwhile (disclose user token).',
    ].join('\n'),
  )
  return EXIT_OK
}

const listUsers = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} list`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { org: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const dependencies = await context.dependencies()
  const organisation = await chooseOrganisation(dependencies, parsed.value.values.org)
  if (!organisation.ok) return usageError(context, command, organisation.error)
  const listed = await dependencies.users.listUsers(commandLineActor(organisation.value.id))
  if (!listed.ok) return reportServiceError(context, command, listed.error)
  if (parsed.value.values.json === true) {
    printJson(context, listed.value)
    return EXIT_OK
  }
  if (listed.value.length === 0) {
    context.out(`${organisation.value.name} has no users yet: add one with disclose user add.`)
    return EXIT_OK
  }
  context.out(
    columns([
      ['Email', 'Name', 'Roles', 'Can sign in'],
      ...listed.value.map((user) => [
        user.email,
        user.displayName,
        describeRoles(user),
        user.disabled ? 'no (disabled)' : user.canSignIn ? 'yes' : 'no (no password)',
      ]),
    ]).join('\n'),
  )
  return EXIT_OK
}

const makeToken = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} token`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { email: { type: 'string' }, name: { type: 'string' }, json: { type: 'boolean' } },
      strict: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const values = parsed.value.values
  const missing = [...(values.email === undefined ? ['--email'] : []), ...(values.name === undefined ? ['--name'] : [])]
  if (missing.length > 0) return usageError(context, command, `missing ${listFlags(missing)} ${seeHelp(command)}`)
  const email = (values.email ?? '').trim().toLowerCase()

  const dependencies = await context.dependencies()
  const record = await dependencies.store.read.users.findByEmail(email)
  if (record === undefined) {
    return usageError(context, command, `--email ${email}: there is no such user (disclose user list shows them)`)
  }
  const user = toUser(record)
  const made = await dependencies.users.createApiToken(
    commandLineActor(user.organisationId),
    user.id,
    values.name ?? '',
  )
  if (!made.ok) return reportServiceError(context, command, made.error, undefined, { name: '--name' })
  if (values.json === true) {
    printJson(context, {
      id: made.value.id,
      email: user.email,
      name: (values.name ?? '').trim(),
      token: made.value.token,
    })
    return EXIT_OK
  }
  context.out(
    [
      `API token “${(values.name ?? '').trim()}” for ${user.email}. It is shown only this once (Disclose keeps only its hash):`,
      '',
      made.value.token,
      '',
      'Send it as the header Authorization: Bearer TOKEN.',
    ].join('\n'),
  )
  return EXIT_OK
}

/** `disclose user password --email … --password-stdin`: sets a password, so that an account can sign in. */
const setPassword = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  const command = `${COMMAND} password`
  const parsed = readCommandLine(command, () =>
    parseArgs({
      args: [...args],
      options: { email: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      strict: true,
      tokens: true,
    }),
  )
  if (!parsed.ok) return usageError(context, command, parsed.error)
  const values = parsed.value.values
  const missing = [
    ...(values.email === undefined ? ['--email'] : []),
    ...(values['password-stdin'] === true ? [] : ['--password-stdin']),
  ]
  if (missing.length > 0) return usageError(context, command, `missing ${listFlags(missing)} ${seeHelp(command)}`)
  const password = passwordFrom(await context.readStdin())
  if (password === '')
    return usageError(context, command, '--password-stdin: standard input was empty: pipe the password in')
  const email = (values.email ?? '').trim().toLowerCase()
  const dependencies = await context.dependencies()
  const record = await dependencies.store.read.users.findByEmail(email)
  if (record === undefined) {
    return usageError(context, command, `--email ${email}: there is no such user (disclose user list shows them)`)
  }
  const set = await dependencies.users.setPassword(commandLineActor(record.organisationId), record.id, password)
  if (!set.ok) return reportServiceError(context, command, set.error, undefined, { password: '--password-stdin' })
  context.out(`${email} can now sign in with the new password; any sessions they had are ended.`)
  return EXIT_OK
}

const run = async (args: readonly string[], context: CliContext): Promise<ExitCode> => {
  if (wantsHelp(args)) {
    context.out(USER_HELP)
    return EXIT_OK
  }
  const [subcommand, ...rest] = args
  if (subcommand === undefined)
    return usageError(context, COMMAND, `say add, list, token or password ${seeHelp(COMMAND)}`)
  switch (subcommand) {
    case 'add':
      return addUser(rest, context)
    case 'list':
      return listUsers(rest, context)
    case 'token':
      return makeToken(rest, context)
    case 'password':
      return setPassword(rest, context)
    default:
      return usageError(context, COMMAND, `unknown subcommand “${subcommand}”: use add, list, token or password`)
  }
}

export const userCommand: Command = {
  name: 'user',
  summary: 'Add a user with their roles, list users, make an API token, or set a password',
  run,
}
