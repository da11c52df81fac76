/**
 * Writes rows a batch at a time: one statement holds at most 32,766 variables on SQLite and 65,535 on PostgreSQL, so
 * a long list is split into statements of `size` rows.
 */
export const inBatches = async <T>(
  rows: readonly T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
): Promise<void> => {
  for (let index = 0; index < rows.length; index += size) await write(rows.slice(index, index + size))
}
