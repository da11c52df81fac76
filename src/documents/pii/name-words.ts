/**
 * Words that tell a person's name from things that look like one: streets ("Jordan Road"), organisations ("Lincoln
 * Trust"), months and days, and the capitalised words that start sentences and letters. Lower case.
 */

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter((word) => word !== ''))

/** The last word of a street name. "St" and "Dr" are here as abbreviations for Street and Drive. */
export const STREET_WORDS = words(`
  road rd street st avenue ave lane ln close drive dr way crescent cres place pl gardens gdns terrace tce grove court
  ct square sq hill park row walk mews green rise view parade boulevard vale wharf quay yard gate circus embankment
  broadway passage path wynd brae loan chase croft meadow meadows fields heights approach
`)

/** Words that make a run of capitalised words an organisation, a team or a place rather than a person. */
export const ORGANISATION_WORDS = words(`
  ltd limited plc llp llc inc co company council councils trust group partners partnership associates solicitors
  services service hospital hospitals school schools university college academy foundation society church bank
  holdings surgery centre center police agency authority department office ministry commission board committee club
  hotel garage motors estates properties consulting consultants industries systems solutions technologies media
  healthcare pharmacy practice clinic library museum station airport tribunal union federation association institute
  network nhs team unit governance directorate division government parliament court courts borough county city
  district parish region regional national international community housing care fund charity corporation enterprises
  logistics construction builders supplies store stores shop market insurance finance financial legal
`)

/** Buildings and rooms named after people: "William Morris House", "Grace Darling Room". */
export const BUILDING_WORDS = words(`
  house hall building buildings room rooms centre wing lodge tower court library theatre gallery memorial award
  prize lecture fund scholarship
`)

export const MONTHS_AND_DAYS = words(`
  january february march april may june july august september october november december jan feb mar apr jun jul aug
  sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat
  sun
`)

/** Capitalised words that are not names: sentence openers, salutations, headers and common nouns of FOI letters. */
export const NOT_NAME_WORDS = words(`
  the a an this that these those there here please dear thank thanks kind regards yours sincerely faithfully truly
  best wishes warm many hello hi re fw fwd subject from to date sent cc bcc attached attachment attachments following
  further freedom information act request requests requester section internal review we i you he she they it its our
  my your his her their them us me if when where what which who whom how why as at in on for with by of and but or nor
  not no yes also all any some each every yesterday today tomorrow good morning afternoon evening north south east west
  new old great little upper lower mount sir madam colleague colleagues customer resident applicant officer manager
  director head chief clerk secretary chair chairman chairwoman mayor minister members member staff public dear
  sir/madam ref reference number telephone tel phone mobile email fax address postcode date birth dob nhs ni
  national insurance passport licence account sort code card note notes summary report minutes agenda item items
  meeting appendix annex table figure page total yours regards london leeds manchester birmingham bristol sheffield
  liverpool newcastle cardiff edinburgh glasgow belfast nottingham leicester coventry bradford york oxford cambridge
  england scotland wales ireland northern britain uk united kingdom street road avenue lane council
`)

export const TITLES = words(`
  mr mrs ms miss mx dr cllr councillor prof professor sir dame rev revd lord lady
`)
