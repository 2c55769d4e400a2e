import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Catalogue } from "../catalogue/types"
import {
  SHOWROOM_CENTRE,
  SHOWROOM_KIOSKS,
  SHOWROOM_ZONES,
  demoKioskKeyFor,
  planExhibits,
  planThemes,
  type ZoneCode,
} from "./showroom-data"

/**
 * The demo experience centre (plugins/showroom): one centre, zones A/B/C, 30 exhibits of
 * showroom-channel products with SGTIN-96 tags, a kiosk per zone with a demo key, and the current
 * and next month's published themes with two events each. Like the rest of the seed it looks
 * first and creates only what is missing; what an operator changed (a withdrawn exhibit, a
 * rotated kiosk key, an edited theme) is left alone. The module service is reached by its
 * container name; the seed does not import the plugin.
 */

type Count = (what: string, n: number) => void
type Row = { id: string } & Record<string, any>

interface Service {
  [method: string]: (...args: any[]) => Promise<any>
}

export interface ShowroomSeedOptions {
  container: MedusaContainer
  catalogue: Pick<Catalogue, "products">
  /** The demo password (SUPPLIER_PASSWORD); kiosk keys derive from it. */
  password: string
  /** "Today" for the monthly themes (default: now). */
  seedDate?: Date
  count: Count
}

export async function ensureShowroomDemo(options: ShowroomSeedOptions) {
  const { container, count } = options
  const showroom = container.resolve<Service>("showroom")
  const query = container.resolve(ContainerRegistrationKeys.QUERY)

  // Centre
  let [centre] = (await showroom.listCentres({ name: SHOWROOM_CENTRE.name }, { take: 1 })) as Row[]
  if (!centre) {
    centre = await showroom.createCentres({ ...SHOWROOM_CENTRE })
    count("showroom_centres", 1)
  }

  // Zones
  const zoneIds = new Map<ZoneCode, string>()
  const zones = (await showroom.listZones({ centre_id: centre.id })) as Row[]
  for (const [rank, seed] of SHOWROOM_ZONES.entries()) {
    let zone = zones.find((z) => z.code === seed.code)
    if (!zone) {
      zone = await showroom.createZones({ centre_id: centre.id, code: seed.code, name: seed.name, name_en: seed.name_en, description: seed.description, rank })
      count("showroom_zones", 1)
    }
    zoneIds.set(seed.code, zone!.id)
  }

  // Exhibits and their tags
  const plan = planExhibits(options.catalogue)
  const { data: products } = await query.graph({
    entity: "product",
    fields: ["id", "handle", "variants.id", "variants.sku"],
    filters: { handle: plan.map((e) => e.product_handle) },
  })
  const productByHandle = new Map(products.map((p) => [p.handle, p]))
  const existing = (await showroom.listExhibits({ zone_id: [...zoneIds.values()] }, { relations: ["tags"] })) as Row[]
  const exhibitIdByNumber = new Map<number, string>()
  const productIdByNumber = new Map<number, string>()
  for (const seed of plan) {
    const product = productByHandle.get(seed.product_handle)
    if (!product) throw new Error(`showroom exhibit ${seed.plinth}: product ${seed.product_handle} is missing`)
    const variant = [...(product.variants ?? [])].filter(Boolean).sort((a, b) => String(a!.sku).localeCompare(String(b!.sku)))[0]
    if (!variant) throw new Error(`showroom exhibit ${seed.plinth}: product ${seed.product_handle} has no variant`)
    const zoneId = zoneIds.get(seed.zone)!
    // Found by plinth and product whatever its status, so a withdrawn exhibit stays withdrawn.
    let exhibit = existing.find((e) => e.zone_id === zoneId && e.plinth === seed.plinth && e.product_id === product.id)
    if (!exhibit) {
      exhibit = await showroom.createExhibits({
        zone_id: zoneId,
        product_id: product.id,
        variant_id: variant.id,
        plinth: seed.plinth,
        antenna: seed.antenna,
        rank: seed.position,
        status: "on_display",
      })
      exhibit!.tags = []
      count("showroom_exhibits", 1)
    }
    exhibitIdByNumber.set(seed.number, exhibit!.id)
    productIdByNumber.set(seed.number, product.id)
    const epcs = seed.tags.map((t) => t.epc)
    const known = new Set(((await showroom.listRfidTags({ epc: epcs })) as Row[]).map((t) => t.epc))
    const missing = seed.tags.filter((t) => !known.has(t.epc))
    if (missing.length) {
      await showroom.createRfidTags(missing.map((t) => ({ exhibit_id: exhibit!.id, epc: t.epc, scheme: "sgtin-96", gtin: t.gtin, serial: t.serial, status: "active" })))
      count("showroom_tags", missing.length)
    }
  }

  // Kiosks: one per zone, watching that zone's antennas. An existing kiosk keeps its key.
  const kiosks = (await showroom.listKiosks({ centre_id: centre.id })) as Row[]
  for (const seed of SHOWROOM_KIOSKS) {
    if (kiosks.some((k) => k.name === seed.name)) continue
    const { key_id, key_hash } = demoKioskKeyFor(options.password, seed)
    await showroom.createKiosks({
      centre_id: centre.id,
      zone_id: zoneIds.get(seed.zone)!,
      name: seed.name,
      antennas: { ids: plan.filter((e) => e.zone === seed.zone).map((e) => e.antenna) },
      key_id,
      key_hash,
    })
    count("showroom_kiosks", 1)
  }

  // Themes of this month and the next, published, with their events
  const themes = (await showroom.listThemes({ centre_id: centre.id })) as Row[]
  const { data: imageRows } = await query.graph({ entity: "product", fields: ["id", "metadata"], filters: { id: [...productIdByNumber.values()] } })
  const imageOf = new Map(imageRows.map((p) => [p.id, (p.metadata as any)?.images?.medium?.url ?? null]))
  for (const themePlan of planThemes(options.seedDate ?? new Date())) {
    let theme = themes.find((t) => new Date(t.starts_on).getTime() === themePlan.starts_on.getTime())
    if (!theme) {
      const featured = plan.filter((e) => themePlan.zones.includes(e.zone) && e.position <= Math.ceil(8 / themePlan.zones.length))
      const productIds = [...new Set(featured.map((e) => productIdByNumber.get(e.number)!))]
      const hero = featured
        .slice(0, 3)
        .map((e) => imageOf.get(productIdByNumber.get(e.number)!))
        .filter((url): url is string => Boolean(url))
        .map((url) => ({ url, kind: "image", alt: themePlan.title }))
      theme = await showroom.createThemes({
        centre_id: centre.id,
        title: themePlan.title,
        title_en: themePlan.title_en,
        story: themePlan.story,
        story_en: themePlan.story_en,
        hero_media: { items: hero },
        starts_on: themePlan.starts_on,
        ends_on: themePlan.ends_on,
        featured_product_ids: { ids: productIds },
        featured_exhibit_ids: { ids: featured.map((e) => exhibitIdByNumber.get(e.number)!) },
        status: "published",
      })
      count("showroom_themes", 1)
    }
    const events = (await showroom.listThemeEvents({ theme_id: theme!.id })) as Row[]
    const missing = themePlan.events.filter((e) => !events.some((x) => x.title === e.title))
    if (missing.length) {
      await showroom.createThemeEvents(missing.map((e) => ({ ...e, theme_id: theme!.id })))
      count("showroom_events", missing.length)
    }
  }
}
