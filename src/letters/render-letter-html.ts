/**
 * A letter as HTML: a fragment for the GOV.UK-styled preview page, or a complete, self-contained page to save or
 * print. Every string is escaped, and a link keeps its anchor only for an http, https or mailto address.
 */
import type { Block, Inline, LetterDocument } from '../domain/letters/letter-document.ts'
import { escapeMarkup, safeLinkUrl } from './letter-text.ts'

export interface HtmlOptions {
  /**
   * A complete document (`<html lang="en-GB">`, `<title>`, an inline print stylesheet, no external resources) rather
   * than a fragment to embed. The standalone page shows the letter's title as its `<h1>`; the fragment shows it as a
   * bold subject line, since the page it sits in has its own `<h1>`.
   */
  readonly standalone?: boolean
}

const escapeHtml = escapeMarkup

const renderInline = (inline: Inline): string => {
  switch (inline.kind) {
    case 'text':
      return escapeHtml(inline.text)
    case 'strong':
      return `<strong>${escapeHtml(inline.text)}</strong>`
    case 'link': {
      const url = safeLinkUrl(inline.url)
      return url === null
        ? escapeHtml(inline.text)
        : `<a class="govuk-link" href="${escapeHtml(url)}">${escapeHtml(inline.text)}</a>`
    }
  }
}

const renderInlines = (content: readonly Inline[]): string => content.map(renderInline).join('')

const renderBlock = (block: Block): string => {
  switch (block.kind) {
    case 'heading':
      return block.level === 2
        ? `<h2 class="govuk-heading-m">${escapeHtml(block.text)}</h2>`
        : `<h3 class="govuk-heading-s">${escapeHtml(block.text)}</h3>`
    case 'paragraph':
      return `<p class="govuk-body">${renderInlines(block.content)}</p>`
    case 'list':
      return [
        '<ul class="govuk-list govuk-list--bullet">',
        ...block.items.map((item) => `  <li>${renderInlines(item)}</li>`),
        '</ul>',
      ].join('\n')
    case 'quote':
      return [
        '<blockquote class="govuk-inset-text">',
        ...block.paragraphs.map((content) => `  <p class="govuk-body">${renderInlines(content)}</p>`),
        '</blockquote>',
      ].join('\n')
  }
}

const lines = (values: readonly string[]): string => values.map(escapeHtml).join('<br>\n')

const renderBody = (letter: LetterDocument, standalone: boolean): string => {
  const { sender, recipient } = letter
  const letterhead = [
    sender.teamName,
    ...sender.addressLines,
    ...(sender.telephone === null ? [] : [`Telephone: ${sender.telephone}`]),
    ...(sender.website === null ? [] : [sender.website]),
  ]
  const [firstSignOff, ...restSignOff] = letter.signOff
  return [
    '<div class="disclose-letter__letterhead">',
    `  <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">${escapeHtml(sender.name)}</p>`,
    `  <p class="govuk-body">${lines(letterhead)}</p>`,
    '</div>',
    ...(recipient === null
      ? []
      : [`<p class="govuk-body disclose-letter__recipient">${lines([recipient.name, ...recipient.addressLines])}</p>`]),
    `<p class="govuk-body">${escapeHtml(letter.date)}</p>`,
    `<p class="govuk-body govuk-!-font-weight-bold">${escapeHtml(letter.referenceLine)}</p>`,
    standalone
      ? `<h1 class="govuk-heading-l">${escapeHtml(letter.title)}</h1>`
      : `<p class="govuk-body govuk-!-font-weight-bold disclose-letter__subject">${escapeHtml(letter.title)}</p>`,
    ...letter.blocks.map(renderBlock),
    ...(firstSignOff === undefined
      ? []
      : [
          '<div class="disclose-letter__sign-off">',
          `  <p class="govuk-body">${escapeHtml(firstSignOff)}</p>`,
          ...(restSignOff.length === 0 ? [] : [`  <p class="govuk-body">${lines(restSignOff)}</p>`]),
          '</div>',
        ]),
  ].join('\n')
}

/** For the standalone page only: system fonts, A4 with a letter's margins, black on white, link addresses printed. */
const PRINT_STYLESHEET = `
  @page { size: A4; margin: 20mm 25mm 25mm; }
  html { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #0b0c0c; background: #fff; }
  body { margin: 0 auto; max-width: 160mm; padding: 10mm 0; }
  @media print { body { padding: 0; max-width: none; } }
  p, ul { margin: 0 0 0.8em; }
  h1 { font-size: 15pt; margin: 1.2em 0 0.6em; }
  h2 { font-size: 13pt; margin: 1.2em 0 0.4em; break-after: avoid; }
  h3 { font-size: 11.5pt; margin: 1em 0 0.4em; break-after: avoid; }
  ul { padding-left: 1.4em; }
  li { margin-bottom: 0.3em; }
  a { color: #1d70b8; }
  @media print { a { color: inherit; } a[href^="http"]::after { content: " (" attr(href) ")"; } }
  blockquote { margin: 0 0 0.8em; padding: 0.1em 0 0.1em 1em; border-left: 4pt solid #b1b4b6; }
  blockquote p:last-child { margin-bottom: 0; }
  .disclose-letter__letterhead { text-align: right; margin-bottom: 1.5em; }
  .disclose-letter__letterhead p:first-child { font-size: 13pt; margin-bottom: 0.2em; }
  .disclose-letter__recipient { margin-bottom: 1.5em; }
  .disclose-letter__sign-off { margin-top: 1.5em; break-inside: avoid; }
  .govuk-\\!-font-weight-bold { font-weight: bold; }
`

/** The letter as HTML: a fragment to embed in a GOV.UK page, or with `standalone: true` a complete document. */
export const renderLetterHtml = (letter: LetterDocument, options: HtmlOptions = {}): string => {
  const standalone = options.standalone === true
  const body = renderBody(letter, standalone)
  if (!standalone) return `<div class="disclose-letter" lang="${escapeHtml(letter.language)}">\n${body}\n</div>\n`
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(letter.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(letter.title)}</title>`,
    `<style>${PRINT_STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main class="disclose-letter">',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
