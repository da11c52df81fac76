import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import type { Permission } from '../domain/access/role.ts'
import type { Dependencies } from '../dependencies.ts'
import { actorMay, type Actor } from '../services/actor.ts'
import { actorFor, type User } from '../services/users/user.service.ts'

declare module 'express-serve-static-core' {
  interface Locals {
    /** The signed-in user, or the user behind an API token; undefined for the public. */
    user?: User
    /** Who the services act for. */
    actor?: Actor
    /** The session's CSRF token, for forms (`_csrf`) and the API (`X-CSRF-Token`); undefined for API tokens. */
    csrfToken?: string
    /** How the request was authenticated. */
    authenticatedBy?: 'session' | 'api-token'
  }
}

/** The session cookie: HttpOnly, SameSite=Lax, Secure in production; `__Host-` prefixed where it can be. */
export const sessionCookieName = (secure: boolean): string => (secure ? '__Host-disclose-session' : 'disclose-session')

const readCookie = (req: Request, name: string): string | undefined => {
  const header = req.headers.cookie
  if (header === undefined) return undefined
  for (const part of header.split(';')) {
    const index = part.indexOf('=')
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim())
      } catch {
        return undefined
      }
    }
  }
  return undefined
}

export const readSessionToken = (req: Request, secure: boolean): string | undefined =>
  readCookie(req, sessionCookieName(secure))

export const setSessionCookie = (res: Response, token: string, expiresAt: string, secure: boolean): void => {
  res.cookie(sessionCookieName(secure), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  })
}

export const clearSessionCookie = (res: Response, secure: boolean): void => {
  res.clearCookie(sessionCookieName(secure), { httpOnly: true, sameSite: 'lax', secure, path: '/' })
}

/**
 * Works out who is asking: an `Authorization: Bearer` API token, or a session cookie. Sets `res.locals.user`,
 * `actor`, `csrfToken` and `authenticatedBy`; the public get none of them. Never refuses by itself.
 */
export const identify =
  (deps: Pick<Dependencies, 'users' | 'config'>): RequestHandler =>
  async (req, res, next) => {
    const secure = deps.config.environment === 'production'
    const authorization = req.headers.authorization
    if (authorization !== undefined && /^Bearer\s+/i.test(authorization)) {
      const user = await deps.users.userForApiToken(authorization.replace(/^Bearer\s+/i, '').trim())
      if (user !== undefined) {
        res.locals.user = user
        res.locals.actor = actorFor(user)
        res.locals.authenticatedBy = 'api-token'
      }
      next()
      return
    }
    const token = readSessionToken(req, secure)
    if (token !== undefined) {
      const found = await deps.users.userForSession(token)
      if (found !== undefined) {
        res.locals.user = found.user
        res.locals.actor = actorFor(found.user)
        res.locals.csrfToken = found.csrfToken
        res.locals.authenticatedBy = 'session'
      }
    }
    next()
  }

const sameToken = (a: string, b: string): boolean => {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && timingSafeEqual(left, right)
}

/**
 * Whether a state-changing request carries the session's CSRF token (a form's `_csrf` field or the
 * `X-CSRF-Token` header). API-token requests need none: a browser never sends a bearer token by itself.
 */
export const csrfTokenMatches = (req: Request, res: Response): boolean => {
  const body = req.body as Record<string, unknown> | undefined
  return csrfTokenIs(res, req.get('x-csrf-token') ?? (typeof body?.['_csrf'] === 'string' ? body['_csrf'] : undefined))
}

/**
 * Whether a token sent is the session's CSRF token (always true for API tokens). For forms whose body is not parsed
 * before the route, like a multipart upload, which reads its `_csrf` field from the stream before any file.
 */
export const csrfTokenIs = (res: Response, sent: string | undefined): boolean => {
  if (res.locals.authenticatedBy !== 'session') return true
  const expected = res.locals.csrfToken
  return expected !== undefined && sent !== undefined && sameToken(sent, expected)
}

/** Whether the person asking may do something (false for the public). */
export const may = (res: Response, permission: Permission): boolean =>
  res.locals.actor !== undefined && actorMay(res.locals.actor, permission)
