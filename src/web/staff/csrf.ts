import type { Request, RequestHandler, Response } from 'express'
import { csrfTokenMatches } from '../authentication.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

const FORM_REFUSED_VIEW = 'staff/form-refused.njk'

/** The 403 page for a form Disclose will not accept: it says what to do, and nothing about why in detail. */
export const refuseForm = (res: Response): void => {
  res.status(403)
  res.set('Cache-Control', 'no-store')
  res.render(FORM_REFUSED_VIEW, { pageTitle: 'Sorry, this form could not be sent' })
}

/**
 * Every state-changing request from a signed-in browser must carry the session's CSRF token: the `_csrf` field the
 * forms hold, or the `X-CSRF-Token` header. Without it (or with another session's) the answer is a 403 page and
 * nothing changes. Mount after the form body is parsed.
 */
export const requireCsrfToken: RequestHandler = (req, res, next) => {
  if (SAFE_METHODS.has(req.method) || csrfTokenMatches(req, res)) {
    next()
    return
  }
  refuseForm(res)
}

/**
 * Whether a form was sent from a page of this site, as far as the browser says: `Sec-Fetch-Site`, else `Origin`.
 * For the sign-in form, which has no session to hold a token yet (this stops another site signing a person in as
 * someone else). A request that says neither (an old browser, a script) is let through.
 */
export const sentFromThisSite = (req: Request): boolean => {
  const site = req.get('sec-fetch-site')
  if (site !== undefined) return site === 'same-origin' || site === 'none'
  const origin = req.get('origin')
  if (origin === undefined) return true
  try {
    return new URL(origin).host === req.get('host')
  } catch {
    return false
  }
}
