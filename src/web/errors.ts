import type { ErrorRequestHandler, RequestHandler, Response } from 'express'
import type { Logger } from '../logger.ts'

/**
 * The only place errors become HTTP responses. Every page a person sees is a GOV.UK-styled page; no stack trace,
 * error message or request detail ever reaches the browser.
 */

const statusOf = (error: unknown): number => {
  if (typeof error !== 'object' || error === null) return 500
  const status =
    (error as { status?: unknown; statusCode?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500
}

/** A page plain enough to send even when the templates themselves are what failed. */
const PLAIN_PROBLEM_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service – Disclose</title></head>
<body><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></body></html>
`

const renderPage = (res: Response, status: number, view: string, locals: Record<string, unknown>): void => {
  res.status(status)
  res.render(view, locals, (error: Error | null, html?: string) => {
    if (error !== null || html === undefined) {
      res.status(500).type('html').send(PLAIN_PROBLEM_PAGE)
      return
    }
    res.type('html').send(html)
  })
}

/** Answers any request no route matched. */
export const notFound: RequestHandler = (_req, res) => {
  renderPage(res, 404, 'errors/not-found.njk', { pageTitle: 'Page not found' })
}

/** Answers an error from any route or middleware: a 4xx the request caused, or a 500 that is logged. */
export const handleErrors =
  (logger: Logger): ErrorRequestHandler =>
  (error: unknown, _req, res, next) => {
    if (res.headersSent) {
      next(error)
      return
    }
    const status = statusOf(error)
    if (status === 404) {
      renderPage(res, 404, 'errors/not-found.njk', { pageTitle: 'Page not found' })
      return
    }
    if (status < 500) {
      renderPage(res, status, 'errors/problem.njk', {
        pageTitle: 'Sorry, there is a problem with the request',
        heading: 'Sorry, there is a problem with the request',
        paragraphs: ['Check the web address or go back and try again.'],
      })
      return
    }
    logger.error({ err: error }, 'Unhandled error')
    renderPage(res, 500, 'errors/problem.njk', {
      pageTitle: 'Sorry, there is a problem with the service',
      heading: 'Sorry, there is a problem with the service',
      paragraphs: ['Try again later.'],
    })
  }
