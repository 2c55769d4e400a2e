import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { shanghaiDay, shanghaiDayStart } from "../../lib/showroom-dates"
import { SHOWROOM_MESSAGES } from "../../lib/showroom-messages"
import { showroom } from "../../lib/showroom-service"
import { resolveTags, type ResolvedTag, type TagRequest } from "../../lib/showroom-tags"

// ---------------------------------------------------------------- exhibits and tags

export interface ExhibitTarget {
  zone_id?: string
  product_id?: string
  variant_id?: string
  /** For an update: the exhibit whose current product / variant fill in what is not given. */
  exhibit_id?: string
}

/** The zone exists (404), the product exists (400) and the variant is one of its variants (400). */
export const validateExhibitTargetStep = createStep("showroom-validate-exhibit-target", async (input: ExhibitTarget, { container }) => {
  const service = showroom(container)
  let { zone_id, product_id, variant_id } = input
  if (input.exhibit_id) {
    const [exhibit] = await service.listExhibits({ id: input.exhibit_id }, { take: 1 })
    if (!exhibit) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(input.exhibit_id))
    product_id ??= exhibit.product_id
    variant_id ??= exhibit.variant_id
  }
  if (zone_id) {
    const [zone] = await service.listZones({ id: zone_id }, { select: ["id"], take: 1 })
    if (!zone) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.zone_not_found(zone_id))
  }
  if (product_id && variant_id && (input.product_id || input.variant_id || !input.exhibit_id)) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({ entity: "product", fields: ["id", "variants.id"], filters: { id: product_id } })
    if (!data[0]) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.product_not_found(product_id))
    if (!(data[0].variants ?? []).some((v: { id: string } | null) => v?.id === variant_id)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.variant_not_of_product(variant_id, product_id))
    }
  }
  return new StepResponse(true)
})

export interface ExhibitData {
  zone_id: string
  product_id: string
  variant_id: string
  plinth?: string | null
  antenna?: string | null
  rank?: number
}

/** Puts the exhibit on display; undone by deleting it. */
export const createExhibitStep = createStep(
  "showroom-create-exhibit",
  async (input: ExhibitData, { container }) => {
    const exhibit = await showroom(container).createExhibits({ ...input, status: "on_display" })
    return new StepResponse(exhibit, exhibit.id)
  },
  async (id, { container }) => {
    if (id) await showroom(container).deleteExhibits(id)
  }
)

/** Changes an exhibit; undone by writing its previous values back. */
export const updateExhibitStep = createStep(
  "showroom-update-exhibit",
  async (input: { id: string; data: Partial<ExhibitData> }, { container }) => {
    const service = showroom(container)
    const [before] = await service.listExhibits({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(input.id))
    const updated = await service.updateExhibits({ id: input.id, ...input.data })
    const previous: Record<string, unknown> = { id: before.id }
    for (const key of Object.keys(input.data)) previous[key] = (before as Record<string, unknown>)[key]
    return new StepResponse(updated, previous)
  },
  async (previous, { container }) => {
    if (previous) await showroom(container).updateExhibits(previous as { id: string })
  }
)

/** Normalises / encodes the requested tags and refuses EPCs already registered (409). */
export const resolveTagsStep = createStep("showroom-resolve-tags", async (input: { tags: TagRequest[] }, { container }) => {
  return new StepResponse(await resolveTags(showroom(container), input.tags))
})

/** Inserts the exhibit's tags (active); undone by deleting them. */
export const createTagsStep = createStep(
  "showroom-create-tags",
  async (input: { exhibit_id: string; tags: ResolvedTag[] }, { container }) => {
    if (!input.tags.length) return new StepResponse([], [] as string[])
    const service = showroom(container)
    try {
      const tags = await service.createRfidTags(input.tags.map((tag) => ({ ...tag, exhibit_id: input.exhibit_id, status: "active" as const })))
      return new StepResponse(tags, tags.map((t) => t.id))
    } catch (error) {
      // Another request registered one of them in between: the unique index answers.
      const [taken] = await service.listRfidTags({ epc: input.tags.map((t) => t.epc) }, { select: ["epc"], take: 1 })
      if (taken) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.epc_taken(taken.epc))
      throw error
    }
  },
  async (ids, { container }) => {
    if (ids?.length) await showroom(container).deleteRfidTags(ids)
  }
)

/**
 * Retires tags (status retired, then soft-deleted so the EPC may be registered again elsewhere);
 * kiosks stop resolving them. Undone by restoring them active.
 */
export const retireTagsStep = createStep(
  "showroom-retire-tags",
  async (input: { exhibit_id?: string; tag_ids?: string[] }, { container }) => {
    const service = showroom(container)
    const filters: Record<string, unknown> = { status: "active" }
    if (input.exhibit_id) filters.exhibit_id = input.exhibit_id
    if (input.tag_ids) filters.id = input.tag_ids
    const tags = await service.listRfidTags(filters, { select: ["id"] })
    const ids = tags.map((t) => t.id)
    if (ids.length) {
      await service.updateRfidTags(ids.map((id) => ({ id, status: "retired" as const })))
      await service.softDeleteRfidTags(ids)
    }
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service = showroom(container)
    await service.restoreRfidTags(ids)
    await service.updateRfidTags(ids.map((id) => ({ id, status: "active" as const })))
  }
)

/** Takes the exhibit off display (撤展); undone by putting it back. */
export const withdrawExhibitStep = createStep(
  "showroom-withdraw-exhibit",
  async (input: { id: string }, { container }) => {
    const service = showroom(container)
    const [before] = await service.listExhibits({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(input.id))
    const exhibit = await service.updateExhibits({ id: input.id, status: "withdrawn" })
    return new StepResponse(exhibit, { id: input.id, status: before.status })
  },
  async (previous, { container }) => {
    if (previous) await showroom(container).updateExhibits(previous)
  }
)

/** The exhibit exists and is on display (a withdrawn one takes no new tags: 409). */
export const requireExhibitOnDisplayStep = createStep("showroom-require-exhibit", async (input: { id: string }, { container }) => {
  const [exhibit] = await showroom(container).listExhibits({ id: input.id }, { take: 1 })
  if (!exhibit) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(input.id))
  if (exhibit.status !== "on_display") throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.exhibit_withdrawn(input.id))
  return new StepResponse(exhibit)
})

// ---------------------------------------------------------------- themes

export interface ThemeInput {
  centre_id?: string
  title?: string
  title_en?: string | null
  story?: string | null
  story_en?: string | null
  hero_media?: { url: string; kind: "image" | "video"; alt?: string | null }[]
  starts_on?: string
  ends_on?: string
  featured_product_ids?: string[]
  featured_exhibit_ids?: string[]
  status?: "draft" | "published"
}

/** Model columns for a theme's fields (dates as 00:00 Shanghai, lists wrapped in objects). */
export function themeColumns(input: ThemeInput): Record<string, unknown> {
  const row: Record<string, unknown> = {}
  for (const key of ["centre_id", "title", "title_en", "story", "story_en", "status"] as const) {
    if (input[key] !== undefined) row[key] = input[key]
  }
  if (input.hero_media) row.hero_media = { items: input.hero_media.map((m) => ({ url: m.url, kind: m.kind, alt: m.alt ?? null })) }
  if (input.starts_on) row.starts_on = shanghaiDayStart(input.starts_on)
  if (input.ends_on) row.ends_on = shanghaiDayStart(input.ends_on)
  if (input.featured_product_ids) row.featured_product_ids = { ids: input.featured_product_ids }
  if (input.featured_exhibit_ids) row.featured_exhibit_ids = { ids: input.featured_exhibit_ids }
  return row
}

/**
 * Checks a new theme or a change: the centre exists (404), start ≤ end (400), featured products
 * exist (400) and exhibits are in the centre (400), and — when the result is published — no
 * other published theme of the centre overlaps its days (409 naming it). Run under the theme lock.
 */
export const validateThemeStep = createStep("showroom-validate-theme", async (input: { theme_id?: string; data: ThemeInput }, { container }) => {
  const service = showroom(container)
  let current: ThemeInput = {}
  if (input.theme_id) {
    const [theme] = await service.listThemes({ id: input.theme_id }, { take: 1 })
    if (!theme) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.theme_not_found(input.theme_id))
    current = { centre_id: theme.centre_id, starts_on: shanghaiDay(theme.starts_on), ends_on: shanghaiDay(theme.ends_on), status: theme.status }
  }
  const merged = { ...current, ...input.data }
  const centreId = merged.centre_id!
  const [centre] = await service.listCentres({ id: centreId }, { select: ["id"], take: 1 })
  if (!centre) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.centre_not_found(centreId))
  if (merged.ends_on! < merged.starts_on!) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.theme_dates)
  if (input.data.featured_product_ids?.length) {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const wanted = [...new Set(input.data.featured_product_ids)]
    const { data } = await query.graph({ entity: "product", fields: ["id"], filters: { id: wanted } })
    const found = new Set(data.map((p: { id: string }) => p.id))
    const missing = wanted.filter((id) => !found.has(id))
    if (missing.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.products_not_found(missing))
  }
  if (input.data.featured_exhibit_ids?.length) {
    const wanted = [...new Set(input.data.featured_exhibit_ids)]
    const exhibits = await service.listExhibits({ id: wanted }, { relations: ["zone"] })
    const inCentre = new Set(exhibits.filter((e) => e.zone?.centre_id === centreId).map((e) => e.id))
    const outside = wanted.filter((id) => !inCentre.has(id))
    if (outside.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.exhibits_not_in_centre(outside))
  }
  if (merged.status === "published") {
    const others = await service.listThemes({
      centre_id: centreId,
      status: "published",
      starts_on: { $lte: shanghaiDayStart(merged.ends_on!) },
      ends_on: { $gte: shanghaiDayStart(merged.starts_on!) },
      ...(input.theme_id ? { id: { $ne: input.theme_id } } : {}),
    })
    const other = others[0]
    if (other) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        SHOWROOM_MESSAGES.theme_overlap(other.title, other.id, shanghaiDay(other.starts_on), shanghaiDay(other.ends_on))
      )
    }
  }
  return new StepResponse(true)
})

/** Inserts the theme; undone by deleting it. */
export const createThemeStep = createStep(
  "showroom-create-theme",
  async (input: ThemeInput, { container }) => {
    const theme = await showroom(container).createThemes(themeColumns(input) as never)
    return new StepResponse(theme, theme.id)
  },
  async (id, { container }) => {
    if (id) await showroom(container).deleteThemes(id)
  }
)

/** Changes the theme; undone by writing its previous columns back. */
export const updateThemeStep = createStep(
  "showroom-update-theme",
  async (input: { id: string; data: ThemeInput }, { container }) => {
    const service = showroom(container)
    const [before] = await service.listThemes({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.theme_not_found(input.id))
    const columns = themeColumns(input.data)
    const theme = await service.updateThemes({ id: input.id, ...columns } as never)
    const previous: Record<string, unknown> = { id: before.id }
    for (const key of Object.keys(columns)) previous[key] = (before as Record<string, unknown>)[key]
    return new StepResponse(theme, previous)
  },
  async (previous, { container }) => {
    if (previous) await showroom(container).updateThemes(previous as never)
  }
)

/** Soft-deletes a theme with its events and their sign-ups; undone by restoring them. */
export const deleteThemeStep = createStep(
  "showroom-delete-theme",
  async (input: { id: string }, { container }) => {
    const service = showroom(container)
    const [theme] = await service.listThemes({ id: input.id }, { select: ["id"], take: 1 })
    if (!theme) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.theme_not_found(input.id))
    const events = await service.listThemeEvents({ theme_id: input.id }, { select: ["id"] })
    const eventIds = events.map((e) => e.id)
    const signups = eventIds.length ? await service.listEventSignups({ event_id: eventIds }, { select: ["id"] }) : []
    const signupIds = signups.map((s) => s.id)
    if (signupIds.length) await service.softDeleteEventSignups(signupIds)
    if (eventIds.length) await service.softDeleteThemeEvents(eventIds)
    await service.softDeleteThemes([input.id])
    return new StepResponse({ id: input.id, deleted: true }, { themeId: input.id, eventIds, signupIds })
  },
  async (done, { container }) => {
    if (!done) return
    const service = showroom(container)
    await service.restoreThemes([done.themeId])
    if (done.eventIds.length) await service.restoreThemeEvents(done.eventIds)
    if (done.signupIds.length) await service.restoreEventSignups(done.signupIds)
  }
)

// ---------------------------------------------------------------- events and sign-ups

export interface EventInput {
  title?: string
  title_en?: string | null
  description?: string | null
  location?: string | null
  starts_at?: Date | string
  ends_at?: Date | string
  capacity?: number
  signup_closes_at?: Date | string | null
}

/** Seats taken by confirmed sign-ups, per event. */
export async function seatsTaken(service: ReturnType<typeof showroom>, eventIds: string[]): Promise<Map<string, number>> {
  const taken = new Map<string, number>()
  if (!eventIds.length) return taken
  const signups = await service.listEventSignups({ event_id: eventIds, status: "confirmed" }, { select: ["event_id", "party_size"] })
  for (const s of signups) taken.set(s.event_id, (taken.get(s.event_id) ?? 0) + s.party_size)
  return taken
}

/** Adds an event to a theme (404 unknown theme); undone by deleting it. */
export const createEventStep = createStep(
  "showroom-create-event",
  async (input: { theme_id: string; data: EventInput }, { container }) => {
    const service = showroom(container)
    const [theme] = await service.listThemes({ id: input.theme_id }, { select: ["id"], take: 1 })
    if (!theme) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.theme_not_found(input.theme_id))
    const event = await service.createThemeEvents({ ...input.data, theme_id: input.theme_id } as never)
    return new StepResponse(event, event.id)
  },
  async (id, { container }) => {
    if (id) await showroom(container).deleteThemeEvents(id)
  }
)

/** Changes an event: times stay ordered (400) and capacity stays ≥ seats taken (409). Undone by writing the old values back. */
export const updateEventStep = createStep(
  "showroom-update-event",
  async (input: { id: string; data: EventInput }, { container }) => {
    const service = showroom(container)
    const [before] = await service.listThemeEvents({ id: input.id }, { take: 1 })
    if (!before) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.event_not_found(input.id))
    const startsAt = new Date(input.data.starts_at ?? before.starts_at)
    const endsAt = new Date(input.data.ends_at ?? before.ends_at)
    if (endsAt.getTime() <= startsAt.getTime()) throw new MedusaError(MedusaError.Types.INVALID_DATA, SHOWROOM_MESSAGES.event_times)
    if (input.data.capacity !== undefined) {
      const taken = (await seatsTaken(service, [input.id])).get(input.id) ?? 0
      if (input.data.capacity < taken) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.event_capacity_below_signups(taken))
    }
    const event = await service.updateThemeEvents({ id: input.id, ...input.data } as never)
    const previous: Record<string, unknown> = { id: before.id }
    for (const key of Object.keys(input.data)) previous[key] = (before as Record<string, unknown>)[key]
    return new StepResponse(event, previous)
  },
  async (previous, { container }) => {
    if (previous) await showroom(container).updateThemeEvents(previous as never)
  }
)

/** Soft-deletes an event and its sign-ups; undone by restoring them. */
export const deleteEventStep = createStep(
  "showroom-delete-event",
  async (input: { id: string }, { container }) => {
    const service = showroom(container)
    const [event] = await service.listThemeEvents({ id: input.id }, { select: ["id"], take: 1 })
    if (!event) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.event_not_found(input.id))
    const signups = await service.listEventSignups({ event_id: input.id }, { select: ["id"] })
    const signupIds = signups.map((s) => s.id)
    if (signupIds.length) await service.softDeleteEventSignups(signupIds)
    await service.softDeleteThemeEvents([input.id])
    return new StepResponse({ id: input.id, deleted: true }, { eventId: input.id, signupIds })
  },
  async (done, { container }) => {
    if (!done) return
    const service = showroom(container)
    await service.restoreThemeEvents([done.eventId])
    if (done.signupIds.length) await service.restoreEventSignups(done.signupIds)
  }
)

export interface SignupInput {
  event_id: string
  name: string
  phone: string
  email?: string | null
  organization_name?: string | null
  party_size: number
  customer_id?: string | null
}

/**
 * Signs a visitor up (报名) under the event's lock: the event exists and its theme is published
 * (404), it has not started (409), sign-up has not closed (409), the phone is not signed up
 * already (409) and enough seats are left (409). Undone by deleting the sign-up.
 */
export const createSignupStep = createStep(
  "showroom-create-signup",
  async (input: SignupInput, { container }) => {
    const service = showroom(container)
    const [event] = await service.listThemeEvents({ id: input.event_id }, { relations: ["theme"], take: 1 })
    if (!event || event.theme?.status !== "published") throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.event_not_found(input.event_id))
    const now = Date.now()
    if (new Date(event.starts_at).getTime() <= now) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.event_past)
    if (event.signup_closes_at && new Date(event.signup_closes_at).getTime() <= now) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.event_closed)
    const [same] = await service.listEventSignups({ event_id: input.event_id, phone: input.phone, status: "confirmed" }, { select: ["id"], take: 1 })
    if (same) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.event_already_signed_up)
    const left = event.capacity - ((await seatsTaken(service, [event.id])).get(event.id) ?? 0)
    if (left < input.party_size) throw new MedusaError(MedusaError.Types.CONFLICT, SHOWROOM_MESSAGES.event_full(Math.max(0, left)))
    const signup = await service.createEventSignups({ ...input, status: "confirmed" })
    return new StepResponse({ signup, seats_left: left - input.party_size }, signup.id)
  },
  async (id, { container }) => {
    if (id) await showroom(container).deleteEventSignups(id)
  }
)

// ---------------------------------------------------------------- attribution

/**
 * Records that a placed order came through a kiosk QR scan: once per order (a second run finds
 * the first and makes nothing). Undone by deleting what it made.
 */
export interface AttributionResult {
  attribution: { id: string; order_id: string } | null
  created: boolean
}

export const createOrderAttributionStep = createStep(
  "showroom-create-order-attribution",
  async (input: { order_id: string; scan_id: string; total: number; currency_code: string }, { container }) => {
    const service = showroom(container)
    const [existing] = await service.listOrderAttributions({ order_id: input.order_id }, { take: 1 })
    if (existing) return new StepResponse<AttributionResult, string | null>({ attribution: { id: existing.id, order_id: existing.order_id }, created: false }, null)
    const [scan] = await service.listQrScans({ id: input.scan_id }, { take: 1 })
    if (!scan) return new StepResponse<AttributionResult, string | null>({ attribution: null, created: false }, null)
    const attribution = await service.createOrderAttributions({
      order_id: input.order_id,
      scan_id: scan.id,
      kiosk_id: scan.kiosk_id,
      centre_id: scan.centre_id,
      exhibit_id: scan.exhibit_id,
      total: input.total,
      currency_code: input.currency_code,
    })
    return new StepResponse<AttributionResult, string | null>({ attribution: { id: attribution.id, order_id: attribution.order_id }, created: true }, attribution.id)
  },
  async (id, { container }) => {
    if (id) await showroom(container).deleteOrderAttributions(id)
  }
)
