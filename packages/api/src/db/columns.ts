import { customType } from 'drizzle-orm/mysql-core'

interface TextConfig {
  readonly length: number
}

interface TextColumn {
  data: string
  driverData: string
  config: TextConfig
  configRequired: true
}

/*
 * Drizzle's own text columns cannot carry a character set or collation, so these spell them
 * out: the tables must not depend on the database default, and the sort order and case rules
 * are part of the contract every store shares.
 */

/** ASCII compared byte by byte: ids, token hashes, enum-like codes. */
export const asciiVarchar = customType<TextColumn>({
  dataType: (config) => `varchar(${config.length}) CHARACTER SET ascii COLLATE ascii_bin`,
})

/** Fixed-width ASCII compared byte by byte: hex digests. */
export const asciiChar = customType<TextColumn>({
  dataType: (config) => `char(${config.length}) CHARACTER SET ascii COLLATE ascii_bin`,
})

/** Text that sorts and matches ignoring case, as the admin table shows it. */
export const caseInsensitiveVarchar = customType<TextColumn>({
  dataType: (config) =>
    `varchar(${config.length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci`,
})

/** Text kept and compared exactly as given. */
export const exactVarchar = customType<TextColumn>({
  dataType: (config) => `varchar(${config.length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`,
})
