export interface UserAccountTable {
  id: string
  organisation_id: string
  /** Lower-cased. */
  email: string
  display_name: string
  /** scrypt, with its parameters and salt; null for an account that signs in only with API tokens. */
  password_hash: string | null
  /** Role[] as JSON. */
  roles: string
  team: string | null
  disabled_at: string | null
  created_at: string
}

export interface UserSessionTable {
  /** SHA-256 of the session token; the token itself lives only in the browser's cookie. */
  id: string
  user_id: string
  csrf_token: string
  created_at: string
  expires_at: string
}

export interface ApiTokenTable {
  id: string
  user_id: string
  name: string
  /** SHA-256 of the token; the token is shown once, when made. */
  token_hash: string
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}
