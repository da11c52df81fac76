export interface OrganisationTable {
  id: string
  slug: string
  name: string
  nation: string
  default_regime: string
  reference_pattern: string
  /** 1 or 0 on both dialects. */
  gov_uk_branding: number
  /** LetterSettings as JSON. */
  letters: string
  created_at: string
}
