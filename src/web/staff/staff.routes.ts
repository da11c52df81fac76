import { Router } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import { casesRoutes } from './cases/cases.routes.ts'
import { requireCsrfToken } from './csrf.ts'
import { parseSmallForm } from './parse-form.ts'
import { requireSignIn } from './require-sign-in.ts'

/**
 * The pages for staff: each behind sign-in, with every form's body parsed small and its CSRF token checked before
 * any route sees it. Only the staff paths are guarded, so a mistyped address elsewhere is still a 404.
 */
export const staffRoutes = (
  deps: Pick<Dependencies, 'cases' | 'users' | 'organisations' | 'calendar' | 'clock'>,
): Router => {
  const router = Router()
  const guarded = [requireSignIn, parseSmallForm, requireCsrfToken]
  router.use('/cases', ...guarded, casesRoutes(deps))
  return router
}
