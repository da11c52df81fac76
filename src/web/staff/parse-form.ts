import express from 'express'

/**
 * Reads a form's URL-encoded body, small: the staff forms and the sign-in form are a few short fields. A bigger body
 * is refused with 413 before it is read; other content types leave the body empty.
 */
export const parseSmallForm = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 })
