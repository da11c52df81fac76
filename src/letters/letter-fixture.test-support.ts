/**
 * A synthetic response letter shaped like a regulator's real FOI response: the request quoted, "Our response" with
 * links, an exemption explained with the statute quoted and the public interest factors listed, "Next steps" and
 * "Your information". Every name, address, number and link is invented.
 */
import {
  heading,
  link,
  paragraph,
  strong,
  text,
  type Block,
  type Inline,
  type LetterDocument,
} from '../domain/letters/letter-document.ts'

const quote = (...paragraphs: Inline[][]): Block => ({ kind: 'quote', paragraphs })
const list = (...items: Inline[][]): Block => ({ kind: 'list', items })

export const FIXTURE_URLS = {
  statement: 'https://www.example.org.uk/news/statement-on-training-ai-with-user-data',
  disclosureLog: 'https://www.example.org.uk/disclosure-log/WX-311642-V7P8',
  staffPolicy: 'https://www.example.org.uk/policies/disclosure-of-staff-information',
  review: 'https://www.example.org.uk/foi/review-procedure',
  complaint: 'https://www.example.org.uk/make-a-complaint',
  privacy: 'https://www.example.org.uk/privacy-notice',
  email: 'mailto:foi@example.org.uk',
} as const

/** Every heading of the fixture, in order, with its level. */
export const FIXTURE_HEADINGS: readonly { readonly level: 2 | 3; readonly text: string }[] = [
  { level: 2, text: 'Request' },
  { level: 2, text: 'Our response' },
  { level: 3, text: 'Section 40 FOIA' },
  { level: 3, text: 'Section 31 FOIA' },
  { level: 2, text: 'Next steps' },
  { level: 2, text: 'Your information' },
]

export const FIXTURE_FOR_FACTORS = [
  'The legitimate interest of the public in understanding what we asked the companies and why.',
  'Openness and transparency in the way the Office engages with organisations as a regulator.',
]

export const FIXTURE_AGAINST_FACTORS = [
  'Organisations would be less willing to engage with us openly if what they told us were routinely disclosed, which would harm our regulatory work.',
  'There is a public interest in organisations engaging with us fully and candidly during enquiries, now and in future.',
]

export const fixtureLetter = (): LetterDocument => ({
  kind: 'response',
  title: 'Response to your request WX-335210-T7S5',
  language: 'en-GB',
  sender: {
    name: 'Wessex Information Rights Office',
    teamName: 'Information Access Team',
    addressLines: ['Riverside House', '1 Example Street', 'Casterbridge', 'WX1 2AB'],
    telephone: '01632 960000',
    website: 'www.example.org.uk',
  },
  recipient: { name: 'Sam Example', addressLines: ['By email'] },
  date: '29 October 2024',
  referenceLine: 'Case reference: WX-335210-T7S5',
  blocks: [
    paragraph(text('We are now in a position to respond to your information request of 1 October.')),
    heading(2, 'Request'),
    paragraph(text('You asked us for the following:')),
    quote([
      text(
        '“Please send me a copy of the requests for information you sent to five technology companies about the lawful basis for processing personal data to train artificial intelligence.”',
      ),
    ]),
    paragraph(
      text('We have handled your request under the Freedom of Information Act 2000 ('),
      strong('FOIA'),
      text(').'),
    ),
    heading(2, 'Our response'),
    paragraph(text('We have published some information on this area of work:')),
    paragraph(text('14 June 2024: '), link('Statement on training AI with user data', FIXTURE_URLS.statement)),
    paragraph(
      text('We have disclosed a copy of our letters to two of the companies on our disclosure log under '),
      link('WX-311642-V7P8', FIXTURE_URLS.disclosureLog),
      text('. There is no information held about the fifth company, as we did not engage with it.'),
    ),
    heading(3, 'Section 40 FOIA'),
    paragraph(
      text(
        'We are withholding the contact details of staff at these organisations under section 40(2) of the FOIA. You can read our policy on the disclosure of staff information on our website ',
      ),
      link('here', FIXTURE_URLS.staffPolicy),
      text('.'),
    ),
    heading(3, 'Section 31 FOIA'),
    paragraph(
      text('We consider some of the information to be exempt under section 31(1)(g) of the FOIA. This section states:'),
    ),
    quote(
      [
        text(
          '‘Information … is exempt information if its disclosure under this Act would, or would be likely to, prejudice – (g) the exercise by any public authority of its functions for any of the purposes specified in subsection (2)’',
        ),
      ],
      [text('‘(a) the purpose of ascertaining whether any person has failed to comply with the law’')],
    ),
    paragraph(text('In this case, the public interest factors in disclosing the information are:')),
    list(...FIXTURE_FOR_FACTORS.map((factor) => [text(factor)])),
    paragraph(text('The public interest factors in withholding the information are:')),
    list(...FIXTURE_AGAINST_FACTORS.map((factor) => [text(factor)])),
    paragraph(
      text(
        'Having considered these factors, we have decided that the public interest in withholding the information outweighs the public interest in disclosing it.',
      ),
    ),
    heading(2, 'Next steps'),
    paragraph(
      text(
        'You can ask us to review our response. Please let us know in writing within 40 working days if you want us to carry out a review. You can read a copy of our full ',
      ),
      link('review procedure', FIXTURE_URLS.review),
      text(' on our website, or write to '),
      link('foi@example.org.uk', FIXTURE_URLS.email),
      text('.'),
    ),
    paragraph(
      text('If you are still dissatisfied after a review, you can '),
      link('raise a complaint', FIXTURE_URLS.complaint),
      text(' through our website.'),
    ),
    heading(2, 'Your information'),
    paragraph(
      text('Our '),
      link('privacy notice', FIXTURE_URLS.privacy),
      text(' explains what we do with the personal data you provide to us.'),
    ),
  ],
  signOff: ['Yours sincerely', 'Information Access Team', 'Wessex Information Rights Office'],
})

/** Every paragraph's text (quotes and list items included), as a reader sees it. */
export const fixtureParagraphTexts = (letter: LetterDocument): string[] =>
  letter.blocks.flatMap((block) => {
    switch (block.kind) {
      case 'heading':
        return []
      case 'paragraph':
        return [block.content.map((inline) => inline.text).join('')]
      case 'list':
        return block.items.map((item) => item.map((inline) => inline.text).join(''))
      case 'quote':
        return block.paragraphs.map((content) => content.map((inline) => inline.text).join(''))
    }
  })

/** The fixture with hostile content: a script in a paragraph, a `javascript:` link, markup in the title. */
export const hostileLetter = (): LetterDocument => {
  const letter = fixtureLetter()
  return {
    ...letter,
    title: 'Response <b>to</b> "your" request & more',
    blocks: [
      paragraph(text('Your request said: <script>alert(1)</script>')),
      paragraph(text('Click '), link('this harmless link', 'javascript:alert(1)'), text(' to continue.')),
      paragraph(link('a data link', 'data:text/html,<script>alert(1)</script>')),
      paragraph(link('a relative link', '/staff/cases')),
      ...letter.blocks,
    ],
  }
}

/** A Welsh requester and place: ŵ and ŷ are outside WinAnsi, which the standard PDF fonts cannot draw. */
export const WELSH_NAME = 'Gwenllïan Ŵyn-Prŷs'
export const WELSH_PLACE = 'Llanfair-ym-Muallt'

export const welshLetter = (): LetterDocument => {
  const letter = fixtureLetter()
  return {
    ...letter,
    recipient: { name: WELSH_NAME, addressLines: ['2 Ffordd yr Ŵyn', WELSH_PLACE, 'LD2 3AA'] },
    blocks: [paragraph(text(`Dear ${WELSH_NAME},`)), ...letter.blocks],
  }
}
