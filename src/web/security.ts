import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { RequestHandler, Response } from 'express'
import helmet from 'helmet'

declare module 'express-serve-static-core' {
  interface Locals {
    /** A fresh random value for each response: only scripts carrying it may run (CSP `script-src`). */
    cspNonce: string
  }
}

/** Gives each response its own nonce, for the content security policy and for the templates' script tags. */
export const setCspNonce: RequestHandler = (_req, res, next) => {
  res.locals.cspNonce = randomBytes(16).toString('base64')
  next()
}

const nonceSource = (_req: unknown, res: ServerResponse): string => `'nonce-${(res as Response).locals.cspNonce}'`

/**
 * Security headers. Scripts run only from this origin or with the response's nonce (the GOV.UK template's inline
 * `js-enabled` script and the module that starts govuk-frontend); styles, fonts and images come from this origin only.
 */
export const securityHeaders = (options: { readonly upgradeInsecureRequests: boolean }): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", nonceSource],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrcAttr: ["'none'"],
        ...(options.upgradeInsecureRequests ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  }) as RequestHandler
