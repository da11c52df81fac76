import type { RequestHandler, Response } from 'express'
import type { Actor } from '../../services/actor.ts'
import type { User } from '../../services/users/user.service.ts'

/**
 * Staff pages are for people signed in with a session. Anyone else is sent to sign in, and brought back to the page
 * they asked for (a GET only: a form sent while signed out cannot be replayed). The pages hold personal data, so
 * neither the browser nor anything between may keep a copy.
 */
export const requireSignIn: RequestHandler = (req, res, next) => {
  res.set('Cache-Control', 'no-store')
  if (res.locals.user !== undefined && res.locals.authenticatedBy === 'session') {
    next()
    return
  }
  const comeBack = req.method === 'GET' || req.method === 'HEAD'
  res.redirect(comeBack ? 302 : 303, comeBack ? `/sign-in?next=${encodeURIComponent(req.originalUrl)}` : '/sign-in')
}

/** The signed-in user and who they act as, on a route behind `requireSignIn`. */
export const signedInAs = (res: Response): { user: User; actor: Actor } => {
  const { user, actor } = res.locals
  if (user === undefined || actor === undefined) throw new Error('A staff route ran without requireSignIn before it')
  return { user, actor }
}
