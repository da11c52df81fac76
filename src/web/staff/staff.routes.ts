import { Router } from 'express'
import type { Dependencies } from '../../dependencies.ts'
import { casesRoutes } from './cases/cases.routes.ts'
import { requireCsrfToken } from './csrf.ts'
import { documentsRoutes } from './documents/documents.routes.ts'
import { lettersRoutes } from './letters/letters.routes.ts'
import { parseLetterForm, parseSmallForm } from './parse-form.ts'
import { requireSignIn } from './require-sign-in.ts'

/**
 * The pages for staff: each behind sign-in, with every form's body parsed small and its CSRF token checked before
 * any route sees it. Only the staff paths are guarded, so a mistyped address elsewhere is still a 404.
 */
export const staffRoutes = (
  deps: Pick<Dependencies, 'cases' | 'letters' | 'users' | 'organisations' | 'calendar' | 'clock' | 'documents'>,
): Router => {
  const router = Router()
  const guarded = [requireSignIn, parseSmallForm, requireCsrfToken]
  const documents = documentsRoutes(deps)
  // The letter editor's text is bigger than any other form: its body is read here, once signed in, and then checked
  // for the CSRF token with the rest.
  router.post('/cases/:reference/letters/:kind/edit', requireSignIn, parseLetterForm)
  // The upload form is multipart, streamed to the file store as it arrives: it reads and checks its own CSRF field,
  // which the form sends before its files.
  router.post('/cases/:reference/documents', requireSignIn, documents.upload)
  router.use('/cases', ...guarded, lettersRoutes(deps), documents.router, casesRoutes(deps))
  return router
}
