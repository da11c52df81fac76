import { describe, expect, it } from 'vitest'
import {
  cardScheme,
  ibanMod97,
  isCurrentRegistration,
  isRealDate,
  isValidCardNumber,
  isValidDrivingLicence,
  isValidIban,
  isValidIpv4,
  isValidIpv6,
  isValidNhsNumber,
  isValidNino,
  isValidNinoPrefix,
  isValidPostcode,
  luhn,
  nhsCheckDigit,
  ukNumberKind,
} from './validators.ts'

describe('luhn', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['79927398713', true],
    ['79927398710', false],
    ['378282246310005', true],
    ['5555555555554444', true],
    ['5555555555554443', false],
    ['0', false],
    ['', false],
    ['4111 1111 1111 1111', false],
  ])('%s → %s', (digits, valid) => {
    expect(luhn(digits)).toBe(valid)
  })
})

describe('nhsCheckDigit', () => {
  it.each([
    ['943476591', 9],
    ['401023213', 7],
    ['999000001', 8],
    ['000000000', 0],
  ])('the check digit of %s is %d', (nine, check) => {
    expect(nhsCheckDigit(nine)).toBe(check)
  })

  it('has no check digit when the remainder gives 10', () => {
    // 9×10 + 9×9 + 9×8 = 243, which leaves 1: 11 − 1 = 10.
    expect(nhsCheckDigit('999000000')).toBeUndefined()
    expect(isValidNhsNumber('9990000000')).toBe(false)
  })

  it.each(['94347659', '9434765919', 'abcdefghi'])('refuses %s, which is not nine digits', (value) => {
    expect(nhsCheckDigit(value)).toBeUndefined()
  })

  it.each([
    ['9434765919', true],
    ['9434765918', false],
    ['4010232137', true],
    ['943476591', false],
    ['94347659190', false],
  ])('isValidNhsNumber(%s) → %s', (digits, valid) => {
    expect(isValidNhsNumber(digits)).toBe(valid)
  })
})

describe('ibanMod97', () => {
  it.each([
    ['GB82WEST12345698765432', 1],
    ['GB29NWBK60161331926819', 1],
    ['DE89370400440532013000', 1],
    ['GB82WEST12345698765433', 28],
  ])('%s leaves %d', (iban, remainder) => {
    expect(ibanMod97(iban)).toBe(remainder)
  })

  it('refuses a character that is neither a digit nor a capital letter', () => {
    expect(ibanMod97('GB82 WEST')).toBe(-1)
  })

  it.each([
    ['GB82WEST12345698765432', true],
    ['FR1420041010050500013M02606', true],
    ['NL91ABNA0417164300', true],
    ['GB82WEST12345698765433', false],
    ['GB82WEST1234569876543', false],
    ['XX82WEST12345698765432', false],
    ['gb82west12345698765432', false],
  ])('isValidIban(%s) → %s', (iban, valid) => {
    expect(isValidIban(iban)).toBe(valid)
  })
})

describe('isValidNinoPrefix', () => {
  it.each([
    ['AB', true],
    ['JG', true],
    ['ZX', true],
    ['CE', true],
    ['DA', false],
    ['FA', false],
    ['IA', false],
    ['QQ', false],
    ['UA', false],
    ['VA', false],
    ['AD', false],
    ['AO', false],
    ['AV', false],
    ['BG', false],
    ['GB', false],
    ['KN', false],
    ['NK', false],
    ['NT', false],
    ['TN', false],
    ['ZZ', false],
    ['ab', false],
    ['A', false],
  ])('%s → %s', (prefix, valid) => {
    expect(isValidNinoPrefix(prefix)).toBe(valid)
  })

  it.each([
    ['AB123456C', true],
    ['AB123456E', false],
    ['AB12345C', false],
    ['QQ123456C', false],
  ])('isValidNino(%s) → %s', (nino, valid) => {
    expect(isValidNino(nino)).toBe(valid)
  })
})

describe('isValidPostcode', () => {
  it.each([
    'SW1A 1AA',
    'EC1A 1BB',
    'W1A 0AX',
    'M1 1AE',
    'B33 8TH',
    'CR2 6XH',
    'DN55 1PT',
    'GIR 0AA',
    'sw1a1aa',
    'LS6 3AB',
  ])('accepts %s', (postcode) => {
    expect(isValidPostcode(postcode)).toBe(true)
  })

  it.each([
    ['QA1 1AA', 'Q never starts a postcode'],
    ['AI1 1AA', 'I is never second'],
    ['W1L 1AA', 'L is not a third-position letter'],
    ['SW1A 1CA', 'C is not an inward letter'],
    ['SW1A  1AA', 'two spaces'],
    ['SW1A 1A', 'a short inward code'],
    ['123 4AB', 'no area letter'],
  ])('refuses %s: %s', (postcode) => {
    expect(isValidPostcode(postcode)).toBe(false)
  })
})

describe('ukNumberKind', () => {
  it.each([
    ['07700900123', 'UK mobile number'],
    ['02079460018', 'UK landline number'],
    ['01134960000', 'UK landline number'],
    ['01632960000', 'UK landline number'],
    ['0800123456', 'UK freephone number'],
    ['08001234567', 'UK freephone number'],
    ['03001234567', 'UK non-geographic number (03)'],
    ['03453001234', 'UK non-geographic number (03)'],
    ['01204123456', 'UK landline number'],
    ['0120412345', 'UK landline number'],
    ['0169771234', 'UK landline number'],
  ])('%s is a %s', (national, kind) => {
    expect(ukNumberKind(national)).toBe(kind)
  })

  it.each([
    ['0123456789', 'a ten-digit number in an area with six-digit local numbers'],
    ['0412345678', 'no 04 numbers'],
    ['06123456789', 'no 06 numbers'],
    ['00123456789', 'an international prefix'],
    ['0770090012', 'a mobile number one digit short'],
    ['077009001234', 'twelve digits'],
    ['02179460018', 'no 021 area'],
  ])('refuses %s: %s', (national) => {
    expect(ukNumberKind(national)).toBeUndefined()
  })
})

describe('isValidIpv4', () => {
  it.each([
    ['192.0.2.1', true],
    ['0.0.0.0', true],
    ['255.255.255.255', true],
    ['256.1.1.1', false],
    ['1.2.3', false],
    ['1.2.3.4.5', false],
    ['01.2.3.4', false],
    ['1..3.4', false],
  ])('%s → %s', (address, valid) => {
    expect(isValidIpv4(address)).toBe(valid)
  })
})

describe('isValidIpv6', () => {
  it.each([
    ['2001:db8::1', true],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', true],
    ['::1', true],
    ['fe80::', true],
    ['::ffff:192.0.2.128', true],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', true],
    ['2001:db8::1::2', false],
    ['2001:db8:85a3:8d3:1319:8a2e:370', false],
    ['10:30:00', false],
    ['12345::1', false],
    ['2001:db8::g', false],
    [':', false],
  ])('%s → %s', (address, valid) => {
    expect(isValidIpv6(address)).toBe(valid)
  })
})

describe('isRealDate', () => {
  it.each([
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [1980, 4, 31, false],
    [1980, 13, 1, false],
    [1980, 12, 31, true],
    [1980, 1, 0, false],
  ])('%d-%d-%d → %s', (year, month, day, real) => {
    expect(isRealDate(year, month, day)).toBe(real)
  })
})

describe('cardScheme', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['3530111333300000', 'JCB'],
    ['30569309025904', 'Diners Club'],
    ['6759649826438453', 'Maestro'],
  ])('%s is a %s number', (digits, scheme) => {
    expect(cardScheme(digits)).toBe(scheme)
    expect(isValidCardNumber(digits)).toBe(true)
  })

  it.each([
    ['1234567812345670', 'no scheme starts with 1'],
    ['411111111111111', 'a Visa number of 15 digits'],
    ['37828224631000', 'an American Express number of 14 digits'],
  ])('refuses %s: %s', (digits) => {
    expect(cardScheme(digits)).toBeUndefined()
  })

  it('refuses a number with a scheme but a failed Luhn check', () => {
    expect(isValidCardNumber('4111111111111112')).toBe(false)
  })
})

describe('isValidDrivingLicence', () => {
  it.each([
    ['MORGA753116SM9IJ', true],
    ['LI999802146J99AB', true],
    ['MORGA713116SM9IJ', false],
    ['MORGA753416SM9IJ', false],
    ['M9RGA753116SM9IJ', false],
    ['MORGA753116SM9I', false],
    ['morga753116sm9ij', false],
  ])('%s → %s', (licence, valid) => {
    expect(isValidDrivingLicence(licence)).toBe(valid)
  })
})

describe('isCurrentRegistration', () => {
  it.each([
    ['AB12 CDE', true],
    ['AB12CDE', true],
    ['YK73 ZXW', true],
    ['LM55 ABC', true],
    ['AB01 CDE', false],
    ['AB45 CDE', false],
    ['QB12 CDE', false],
    ['AI12 CDE', false],
    ['AB12 CQE', false],
    ['ab12 cde', false],
  ])('%s → %s', (registration, valid) => {
    expect(isCurrentRegistration(registration)).toBe(valid)
  })
})
