import { Router, type Response } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import { clearSessionCookie, readSessionToken, setSessionCookie } from '../authentication.ts'
import { refuseForm, requireCsrfToken, sentFromThisSite } from '../staff/csrf.ts'
import { parseSmallForm } from '../staff/parse-form.ts'
import {
  missingFields,
  readSignInForm,
  safeNextPath,
  tooLong,
  WRONG_DETAILS,
  type FieldError,
  type SignInForm,
} from './sign-in-form.ts'

const VIEW = 'sign-in/sign-in.njk'

const render = (
  res: Response,
  status: number,
  form: Pick<SignInForm, 'email' | 'next'>,
  errors: readonly FieldError[],
  signedOut = false,
): void => {
  res.status(status)
  res.set('Cache-Control', 'no-store')
  res.render(VIEW, {
    pageTitle: 'Sign in',
    form: { email: form.email, next: form.next },
    errorList: errors,
    errors: Object.fromEntries(errors.map((error) => [error.href.slice(1), { text: error.text }])),
    signedOut,
  })
}

const firstQueryText = (value: unknown): string =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : ''

/**
 * Signing in and out. A failed sign-in says the same thing, after the same work, whether or not the email address
 * belongs to anyone, and answers 401 so that a rate limiter in front can count failures. `next` brings the person
 * back to the page that sent them here, but only ever to a path on this site.
 */
export const signInRoutes = (deps: Pick<Dependencies, 'users' | 'config' | 'logger'>): Router => {
  const router = Router()
  const secure = deps.config.environment === 'production'
  const logger = deps.logger.child({ component: 'sign-in' })

  router.get('/sign-in', (req, res) => {
    const next = firstQueryText(req.query['next'])
    if (res.locals.user !== undefined && res.locals.authenticatedBy === 'session') {
      res.redirect(303, safeNextPath(next))
      return
    }
    render(res, 200, { email: '', next }, [], firstQueryText(req.query['signed-out']) === 'yes')
  })

  router.post('/sign-in', parseSmallForm, async (req, res) => {
    if (!sentFromThisSite(req)) {
      refuseForm(res)
      return
    }
    const form = readSignInForm(req.body)
    const missing = missingFields(form)
    if (missing.length > 0) {
      render(res, 400, form, missing)
      return
    }
    const signedIn = tooLong(form) ? undefined : await deps.users.signIn(form.email, form.password)
    if (signedIn === undefined || !signedIn.ok) {
      logger.info({ event: 'sign-in-failed' }, 'A sign-in failed')
      render(res, 401, { email: form.email.slice(0, 500), next: form.next }, [WRONG_DETAILS])
      return
    }
    // A session that was already in this browser ends: each sign-in starts a new one (no session fixation).
    const previous = readSessionToken(req, secure)
    if (previous !== undefined) await deps.users.signOut(previous)
    setSessionCookie(res, signedIn.value.sessionToken, signedIn.value.expiresAt, secure)
    logger.info({ event: 'signed-in', userId: signedIn.value.user.id }, 'Signed in')
    res.redirect(303, safeNextPath(form.next))
  })

  router.post('/sign-out', parseSmallForm, requireCsrfToken, async (req, res) => {
    const token = readSessionToken(req, secure)
    if (token !== undefined) await deps.users.signOut(token)
    clearSessionCookie(res, secure)
    res.redirect(303, '/sign-in?signed-out=yes')
  })

  return router
}
