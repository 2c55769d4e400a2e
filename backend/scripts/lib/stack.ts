import fs from "node:fs"
import path from "node:path"
import { Client } from "pg"
import { SEED_MARKER_KEY } from "../../../seed/src/version"
import type { DemoLogin } from "../../../seed/src/demo/procurement-logins"
import { SUPPLIER_LOGIN_DOMAIN, type SupplierLogin } from "../../../seed/src/demo/supplier-logins"
import { SHOWROOM_CENTRE } from "../../../seed/src/demo/showroom-data"
import { demoKioskKey, kioskKeyMatches } from "../../../plugins/showroom/src/lib/kiosk-key"

export interface PublishableKeyFact {
  title: string
  token: string
  sales_channel: string
}

/** What a running stack tells its clients (storefront, kiosk, tests, scripts). */
export interface StackFacts {
  backend_url: string
  admin_url: string
  storefront_url: string
  database: "embedded" | "external"
  admin: { email: string; password: string }
  publishable_keys: Record<"online" | "showroom" | "livestream", PublishableKeyFact>
  /** The seeded suppliers' owner logins (one demo password for all), by supplier code. */
  supplier_logins: SupplierLogin[]
  /** The demo procurement logins: buyer organisation members (storefront), agencies, a supervisor. */
  procurement_logins: DemoLogin[]
  /** The demo experience centre and its kiosks with their demo keys (null once an operator rotated one). */
  showroom: ShowroomFacts
  started_at: string
}

export interface ShowroomKioskFact {
  id: string
  name: string
  zone_code: string
  /** The demo key (derived from SUPPLIER_PASSWORD and the name) while the kiosk still uses it. */
  key: string | null
}

export interface ShowroomFacts {
  centre_id: string | null
  kiosks: ShowroomKioskFact[]
}

const CHANNEL_KEYS = { "Online store": "online", "Showroom kiosks": "showroom", Livestream: "livestream" } as const

/** Has this database been seeded (and with which version)? Read from the store's metadata. */
export async function readSeedMarker(databaseUrl: string): Promise<{ version: number } | null> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    const exists = await client.query("select to_regclass('public.store') as t")
    if (!exists.rows[0].t) return null
    const { rows } = await client.query("select metadata -> $1 as marker from store where deleted_at is null limit 1", [
      SEED_MARKER_KEY,
    ])
    return rows[0]?.marker ?? null
  } finally {
    await client.end()
  }
}

/**
 * The seeded suppliers' owner logins as the database has them (empty before the seed ran);
 * they all use the demo password SUPPLIER_PASSWORD.
 */
export async function readSupplierLogins(databaseUrl: string, password: string): Promise<SupplierLogin[]> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    const exists = await client.query("select to_regclass('public.supplier_member') as t")
    if (!exists.rows[0].t) return []
    const { rows } = await client.query<{ code: string; company_name: string; email: string }>(
      `select s.code, s.company_name, m.email
         from supplier s join supplier_member m on m.supplier_id = s.id and m.deleted_at is null and m.role = 'owner'
        where s.deleted_at is null and m.email like $1
        order by s.code, m.email`,
      [`%@${SUPPLIER_LOGIN_DOMAIN}`]
    )
    return rows.map((row) => ({ code: row.code, company_name: row.company_name, email: row.email, password }))
  } finally {
    await client.end()
  }
}

/**
 * The seeded experience centre and its kiosks as the database has them (empty before the seed
 * ran). A kiosk's demo key is given only while its stored hash still matches it: a rotated or
 * revoked kiosk shows `key: null`.
 */
export async function readShowroomFacts(databaseUrl: string, password: string): Promise<ShowroomFacts> {
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    const exists = await client.query("select to_regclass('public.showroom_centre') as t")
    if (!exists.rows[0].t) return { centre_id: null, kiosks: [] }
    const centre = await client.query<{ id: string }>(
      "select id from showroom_centre where name = $1 and deleted_at is null order by created_at limit 1",
      [SHOWROOM_CENTRE.name]
    )
    const centreId = centre.rows[0]?.id ?? null
    if (!centreId) return { centre_id: null, kiosks: [] }
    const { rows } = await client.query<{ id: string; name: string; zone_code: string; key_hash: string; revoked_at: Date | null }>(
      `select k.id, k.name, z.code as zone_code, k.key_hash, k.revoked_at
         from showroom_kiosk k join showroom_zone z on z.id = k.zone_id
        where k.centre_id = $1 and k.deleted_at is null
        order by z.code, k.name`,
      [centreId]
    )
    return {
      centre_id: centreId,
      kiosks: rows.map((row) => {
        const demo = demoKioskKey(password, row.name)
        const key = !row.revoked_at && kioskKeyMatches(demo.key, row.key_hash) ? demo.key : null
        return { id: row.id, name: row.name, zone_code: row.zone_code, key }
      }),
    }
  } finally {
    await client.end()
  }
}

export async function adminToken(baseUrl: string, admin: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${baseUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(admin),
  })
  if (!response.ok) throw new Error(`admin login failed: HTTP ${response.status} ${await response.text()}`)
  return ((await response.json()) as { token: string }).token
}

/** Reads the publishable keys through the Admin API, as any operator could. */
export async function publishableKeys(baseUrl: string, token: string): Promise<StackFacts["publishable_keys"]> {
  const response = await fetch(
    `${baseUrl}/admin/api-keys?type=publishable&limit=50&fields=id,title,token,revoked_at,*sales_channels`,
    { headers: { authorization: `Bearer ${token}` } }
  )
  if (!response.ok) throw new Error(`listing API keys failed: HTTP ${response.status}`)
  const { api_keys } = (await response.json()) as {
    api_keys: { title: string; token: string; revoked_at: string | null; sales_channels: { name: string }[] }[]
  }
  const keys: Partial<StackFacts["publishable_keys"]> = {}
  for (const key of api_keys) {
    if (key.revoked_at || key.sales_channels.length !== 1) continue
    const channel = key.sales_channels[0].name as keyof typeof CHANNEL_KEYS
    const slot = CHANNEL_KEYS[channel]
    if (slot && !keys[slot]) keys[slot] = { title: key.title, token: key.token, sales_channel: channel }
  }
  for (const slot of Object.values(CHANNEL_KEYS)) {
    if (!keys[slot]) throw new Error(`no publishable key for the ${slot} channel — has the seed run?`)
  }
  return keys as StackFacts["publishable_keys"]
}

export function writeStackFile(file: string, facts: StackFacts) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, `${JSON.stringify(facts, null, 2)}\n`, { mode: 0o600 })
}
