/**
 * The contract between the reader agent, the kiosk app and these /kiosk routes. The kiosk
 * workspace re-exports these types (kiosk/shared/types.ts); this file is their only definition.
 */

/** One read of a tag by a reader antenna. */
export interface TagRead {
  epc: string // upper-case hex
  antenna: string // "<reader name>:<antenna number>", e.g. "reader-a:1"
  rssi?: number // dBm, e.g. -48
  at: number // epoch ms when the reader saw it (or when the agent received it)
}

/** A lift (拿起) or replace (放回) the agent detected. id is a UUID minted by the agent. */
export interface KioskTagEvent {
  id: string
  type: "lift" | "replace"
  epc: string
  antenna: string | null
  occurred_at: string // ISO time
  dwell_ms?: number | null // replace only: time since the matching lift
}

export interface LocalizedRow {
  label_zh: string
  label_en: string
  value: string
}

export interface KioskProduct {
  id: string
  handle: string
  title: string
  subtitle: string | null
  description: string | null
  thumbnail: string | null
  images: string[]
  kind: string // "goods" | "rental" | "service" | "specialty"
  variant: { id: string; title: string; sku: string | null }
  price: { amount: number; currency_code: string } | null // amount in yuan
  supplier: { id: string; name: string } | null
  specs: LocalizedRow[] // key specs, at most 8
  terms: LocalizedRow[] // rental / service terms (billing period, deposit, minimum term, area…)
  url: string // the storefront product page
}

export interface KioskExhibit {
  id: string
  zone_id: string
  plinth: string | null
  antenna: string | null
  epcs: string[]
  product: KioskProduct
}

export interface KioskThemeEvent {
  id: string
  title: string
  title_en: string | null
  description: string | null
  location: string | null
  starts_at: string
  ends_at: string
  capacity: number
  seats_left: number
}

export interface KioskTheme {
  id: string
  title: string
  title_en: string | null
  story: string | null
  story_en: string | null
  hero_media: { url: string; kind: "image" | "video"; alt?: string }[]
  starts_on: string
  ends_on: string
  featured_product_ids: string[]
  featured_exhibit_ids: string[]
  events: KioskThemeEvent[]
}

/** GET /kiosk/bundle: everything a kiosk needs to work offline. */
export interface KioskBundle {
  version: string // hash of the content; changes whenever anything shown changes
  generated_at: string
  kiosk: { id: string; name: string; antennas: string[] }
  centre: { id: string; name: string; name_en: string | null; address: string | null; opening_hours: string | null }
  zone: { id: string; code: string; name: string; name_en: string | null }
  zones: { id: string; code: string; name: string; name_en: string | null }[]
  storefront_url: string
  idle_timeout_ms: number
  theme: KioskTheme | null // the centre's published theme for today (Asia/Shanghai)
  next_theme: KioskTheme | null
  exhibits: KioskExhibit[] // every exhibit on display in the centre
}
