import { describe, expect, it } from 'vitest'
import type { Finding } from './finding.ts'
import {
  detectBankAccounts,
  detectDatesOfBirth,
  detectDrivingLicences,
  detectEmails,
  detectIbans,
  detectIpv4Addresses,
  detectIpv6Addresses,
  detectNhsNumbers,
  detectNinos,
  detectPassportNumbers,
  detectPaymentCards,
  detectPhones,
  detectPostcodes,
  detectVehicleRegistrations,
  type Detector,
} from './pattern-detectors.ts'

const run = (detect: Detector, text: string): Finding[] => {
  const out: Finding[] = []
  detect(text, out)
  for (const finding of out) expect(text.slice(finding.start, finding.end)).toBe(finding.text)
  return out
}
const texts = (detect: Detector, text: string): string[] => run(detect, text).map((finding) => finding.text)

describe('detectEmails', () => {
  it.each([
    ['Write to sarah.jones@example.org today.', ['sarah.jones@example.org']],
    ['<j.smith+foi@mail.example.com>', ['j.smith+foi@mail.example.com']],
    ['"priya@example.co.uk", or', ['priya@example.co.uk']],
    ['Two: a@example.org; b_c@example.com.', ['a@example.org', 'b_c@example.com']],
    ['Sarah.Jones@Example.org', ['Sarah.Jones@Example.org']],
  ])('finds the address in %j', (text, expected) => {
    expect(texts(detectEmails, text)).toEqual(expected)
  })

  it.each(['the @council account', 'foo@bar', 'name@.example.org', '@@@@', 'a@b.c', 'user@example.org1x'])(
    'finds nothing in %j',
    (text) => {
      expect(texts(detectEmails, text)).toEqual([])
    },
  )
})

describe('detectPhones', () => {
  it.each([
    '07700 900123',
    '07700900123',
    '+44 7700 900123',
    '+447700900123',
    '0044 7700 900123',
    '+44 (0)7700 900123',
    '+44 07700 900123',
    '07700-900-123',
    '077 0090 0123',
    '020 7946 0018',
    '(020) 7946 0018',
    '+44 20 7946 0018',
    '+44 (0)20 7946 0018',
    '0113 496 0000',
    '028 9649 6000',
    '01632 960000',
    '(01632) 960000',
    '0306 999 0000',
    '0808 157 0000',
    '0800 123 456',
  ])('finds %s', (number) => {
    expect(texts(detectPhones, `Call ${number} today.`)).toEqual([number])
  })

  it.each([
    ['too short', 'Call 0123 456 789 now'],
    ['a ten-digit number no area has', 'Dial 0123456789 now'],
    ['an Australian mobile', 'Dial 0412 345 678 now'],
    ['an order number in an order context', 'Order 01234567891 was cancelled'],
    ['an account number in an account context', 'Customer account 01632960001'],
    ['digits inside a longer run', 'ref 9907700900123'],
    ['a number run on by more digits', 'Tel 07700 900123456'],
  ])('does not take %s for a phone number', (_what, text) => {
    expect(texts(detectPhones, text)).toEqual([])
  })

  it('says what kind of number it is', () => {
    expect(run(detectPhones, '07700 900123')[0]?.reason).toBe('UK mobile number')
  })
})

describe('detectPostcodes', () => {
  it.each([
    'SW1A 1AA',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'EC1A 1BB',
    'W1A 0AX',
    'GIR 0AA',
    'LS63AB',
    'sw1a 2aa',
  ])('finds %s', (postcode) => {
    expect(texts(detectPostcodes, `Near ${postcode}, by the park.`)).toEqual([postcode])
  })

  it.each([
    ['a district alone', 'Postcode district LS6 covers Headingley.'],
    ['Q as the first letter', 'QA1 1AA'],
    ['C in the inward code', 'SW1A 1CA'],
    ['a part number with hyphens', 'The model number is SW1A-1AA-X.'],
    ['a registration', 'AB12 CDE'],
    ['an ordinal', 'the 2nd floor'],
  ])('finds nothing in %s', (_what, text) => {
    expect(texts(detectPostcodes, text)).toEqual([])
  })

  it('scores lower-case postcodes lower than capitals', () => {
    const [lower, upper] = run(detectPostcodes, 'ls6 3ab and LS6 3AB')
    expect(lower?.score).toBeLessThan(upper?.score ?? 0)
  })
})

describe('detectNinos', () => {
  it.each(['AB 12 34 56 C', 'AB123456C', 'JG 123456 D', 'ab123456c'])('finds %s', (nino) => {
    expect(texts(detectNinos, `NI number ${nino}.`)).toEqual([nino])
  })

  it.each([
    'QQ 12 34 56 C',
    'GB 12 34 56 A',
    'BG123456A',
    'NK 11 22 33 B',
    'TN 01 02 03 A',
    'ZZ 12 34 56 A',
    'DA 12 34 56 A',
    'AO 12 34 56 A',
    'AB 12 34 56 E',
  ])('refuses %s', (nino) => {
    expect(texts(detectNinos, `NI number ${nino}.`)).toEqual([])
  })
})

describe('detectNhsNumbers', () => {
  it.each(['943 476 5919', '9434765919', '943-476-5919'])('finds %s', (number) => {
    expect(texts(detectNhsNumbers, `NHS number ${number}.`)).toEqual([number])
  })

  it.each([
    ['a wrong check digit', 'NHS number 943 476 5918'],
    ['mixed separators', 'NHS number 943 476-5919'],
    ['a longer grouped run', 'ref 943 476 5919 12'],
    ['a longer digit run', '94347659190'],
    ['an invoice number', 'Invoice number 9434765919'],
    ['a phone context', 'Tel 943 476 5919'],
    ['a decimal', 'value 0.9434765919'],
  ])('does not find %s', (_what, text) => {
    expect(texts(detectNhsNumbers, text)).toEqual([])
  })

  it('scores a number with NHS context above a bare one', () => {
    const [named] = run(detectNhsNumbers, 'NHS number 9434765919')
    const [bare] = run(detectNhsNumbers, 'number 9434765919')
    expect(named?.score).toBeGreaterThan(bare?.score ?? 1)
  })
})

describe('detectPaymentCards', () => {
  it.each([
    '4111 1111 1111 1111',
    '4111111111111111',
    '5555-5555-5555-4444',
    '3782 822463 10005',
    '6011 1111 1111 1117',
    '2223 0031 2200 3222',
  ])('finds %s', (card) => {
    expect(texts(detectPaymentCards, `Card ${card}, expiry 09/27.`)).toEqual([card])
  })

  it('finds a card followed by other digits, without them', () => {
    expect(texts(detectPaymentCards, 'Card 4111111111111111 12 times')).toEqual(['4111111111111111'])
  })

  it.each([
    ['a failed Luhn check', 'Card 4111 1111 1111 1112'],
    ['no scheme', 'Card 1234 5678 9012 3456'],
    ['a card inside a longer grouped run', '4111 1111 1111 1111 2222'],
    ['a phone number', '07700 900123'],
  ])('does not find %s', (_what, text) => {
    expect(texts(detectPaymentCards, text)).toEqual([])
  })
})

describe('detectIbans', () => {
  it.each([
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    'DE89 3704 0044 0532 0130 00',
    'NL91ABNA0417164300',
  ])('finds %s', (iban) => {
    expect(texts(detectIbans, `IBAN ${iban} THEN`)).toEqual([iban])
  })

  it.each(['GB82 WEST 1234 5698 7654 33', 'XX82 WEST 1234 5698 7654 32', 'GB82 WEST 1234 5698 7654'])(
    'refuses %s',
    (iban) => {
      expect(texts(detectIbans, `IBAN ${iban}`)).toEqual([])
    },
  )
})

describe('detectDrivingLicences', () => {
  it.each(['MORGA753116SM9IJ', 'MORGA 753116 SM9IJ', 'LI999802146J99AB'])('finds %s', (licence) => {
    expect(texts(detectDrivingLicences, `Licence ${licence}.`)).toEqual([licence])
  })

  it.each(['MORGA713116SM9IJ', 'MORGA753416SM9IJ', 'M9RGA753116SM9IJ', 'morga753116sm9ij'])('refuses %s', (licence) => {
    expect(texts(detectDrivingLicences, `Licence ${licence}.`)).toEqual([])
  })
})

describe('detectPassportNumbers', () => {
  it.each([
    ['Passport number: 123456789', '123456789'],
    ['passport no. 987 654 321, expired', '987 654 321'],
    ['A copy of his passport (512345678) was attached.', '512345678'],
  ])('finds the number in %j', (text, expected) => {
    expect(texts(detectPassportNumbers, text)).toEqual([expected])
  })

  it.each([
    'The reference number 123456789 was on the invoice.',
    'Passport applications rose by 12 per cent.',
    'passport number 1234567890',
    'Passport number: 12345678',
  ])('finds nothing in %j', (text) => {
    expect(texts(detectPassportNumbers, text)).toEqual([])
  })
})

describe('detectVehicleRegistrations', () => {
  it.each([
    ['Vehicle registration AB12 CDE.', 'AB12 CDE'],
    ['Seen: YK73ZXW', 'YK73ZXW'],
    ['A penalty notice went to LM55 ABC at noon.', 'LM55 ABC'],
    ['His car, A123 BCD, failed its MOT.', 'A123 BCD'],
    ['Registration number ABC 123D on the logbook.', 'ABC 123D'],
  ])('finds the registration in %j', (text, expected) => {
    expect(texts(detectVehicleRegistrations, text)).toEqual([expected])
  })

  it.each([
    ['an older format without context', 'Room A123 BCD is booked.'],
    ['an age identifier that was never issued', 'AB45 CDE'],
    ['lower case', 'ab12 cde'],
    ['a flight number', 'Flight BA123 left at 14:05.'],
  ])('does not find %s', (_what, text) => {
    expect(texts(detectVehicleRegistrations, text)).toEqual([])
  })
})

describe('detectBankAccounts', () => {
  it.each([
    ['Sort code 12-34-56, account number 12345678.', ['12-34-56', '12345678']],
    ['Account number: 12345678\nSort code: 12-34-56', ['12-34-56', '12345678']],
    ['Pay 83-90-47 21123342 by Friday.', ['83-90-47', '21123342']],
    ['sort code 20 00 00 acc no 55779911', ['20 00 00', '55779911']],
  ])('finds the sort code and account number in %j', (text, expected) => {
    expect(texts(detectBankAccounts, text).sort((a, b) => text.indexOf(a) - text.indexOf(b))).toEqual(
      expected.sort((a, b) => text.indexOf(a) - text.indexOf(b)),
    )
  })

  it.each([
    ['a sort code without an account number', 'Sort code 12-34-56 is on the website.'],
    ['a longer hyphenated run', 'Ref 12-34-56-78 and 12345678'],
    ['an account number without a sort code', 'Account number 12345678'],
  ])('does not find %s', (_what, text) => {
    expect(texts(detectBankAccounts, text)).toEqual([])
  })
})

describe('detectDatesOfBirth', () => {
  it.each([
    ['Date of birth: 12/03/1980', '12/03/1980'],
    ['DOB 3.7.1975', '3.7.1975'],
    ['born on 14 February 1992 in Leeds', '14 February 1992'],
    ['d.o.b. 1990-05-21', '1990-05-21'],
    ['Her date of birth is 1st April 1969.', '1st April 1969'],
    ['DOB: March 5, 1979', 'March 5, 1979'],
    ['born on the 3rd of May 1990', '3rd of May 1990'],
    ['Date of Birth | 04/11/1987 | Place', '04/11/1987'],
    ['DOB 12/03/80', '12/03/80'],
  ])('finds the date in %j', (text, expected) => {
    expect(texts(detectDatesOfBirth, text)).toEqual([expected])
  })

  it.each([
    ['a date with no birth context', 'The meeting on 12/03/2024 approved it.'],
    ['an impossible date', 'Date of birth: 31/02/1980'],
    ['a date too far from the context', 'Born in Leeds, she moved to York and on 12/03/1980 started work.'],
    ['a year alone', 'born in 1980'],
    ['no date', 'Date of birth: not given'],
  ])('does not find %s', (_what, text) => {
    expect(texts(detectDatesOfBirth, text)).toEqual([])
  })
})

describe('IP addresses', () => {
  it.each([
    ['from 192.0.2.1 at noon', '192.0.2.1'],
    ['IP 192.0.2.44:8080', '192.0.2.44'],
    ['255.255.255.255.', '255.255.255.255'],
  ])('finds the IPv4 address in %j', (text, expected) => {
    expect(texts(detectIpv4Addresses, text)).toEqual([expected])
  })

  it.each([
    ['an octet over 255', '10.0.0.256'],
    ['a version number', 'version 1.2.3.4'],
    ['a paragraph number', 'paragraph 3.4.5.6'],
    ['a longer dotted run', 'build 1.2.3.4.5'],
    ['a leading zero', '01.2.3.4'],
  ])('does not take %s for an address', (_what, text) => {
    expect(texts(detectIpv4Addresses, text)).toEqual([])
  })

  it.each([
    ['from 2001:db8::1 today', '2001:db8::1'],
    ['2001:0db8:85a3:0000:0000:8a2e:0370:7334.', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    ['Address 2001:DB8::FF00:42:8329 logged in', '2001:DB8::FF00:42:8329'],
    ['link-local fe80::1ff:fe23:4567:890a', 'fe80::1ff:fe23:4567:890a'],
    ['mapped ::ffff:192.0.2.128 here', '::ffff:192.0.2.128'],
  ])('finds the IPv6 address in %j', (text, expected) => {
    expect(texts(detectIpv6Addresses, text)).toEqual([expected])
  })

  it.each(['at 10:30:00 sharp', 'Note: see below', 'Ticket 2001:2002', 'a :: b', 'abc::def::1'])(
    'finds no IPv6 address in %j',
    (text) => {
      expect(texts(detectIpv6Addresses, text)).toEqual([])
    },
  )
})
