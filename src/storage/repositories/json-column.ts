/** Reads a JSON column written by Disclose. A value that does not parse is a bug or a hand edit: say which column. */
export const readJsonColumn = <T>(text: string, column: string): T => {
  try {
    return JSON.parse(text) as T
  } catch {
    throw new Error(`The ${column} column does not hold valid JSON`)
  }
}
