import express from 'express'

/**
 * Reads a form's URL-encoded body, small: the staff forms and the sign-in form are a few short fields. A bigger body
 * is refused with 413 before it is read; other content types leave the body empty.
 */
export const parseSmallForm = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 20 })

/**
 * Reads the letter editor's form: a letter's text runs to tens of kilobytes, and the letter service takes up to 1 MB,
 * which URL-encoding can make three times as long. Mounted on that form's address only, before `parseSmallForm`,
 * which then finds the body read.
 */
export const parseLetterForm = express.urlencoded({ extended: false, limit: '4mb', parameterLimit: 5 })
