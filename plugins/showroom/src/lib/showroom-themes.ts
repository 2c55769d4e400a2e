import type { MedusaContainer } from "@medusajs/framework/types"
import { seatsTaken } from "../workflows/steps"
import { showroom } from "./showroom-service"
import { eventView, themeView } from "./showroom-views"

/** Themes with their events (by start), each event with seats taken / left. */
export async function themesWithEvents(container: MedusaContainer, themes: Record<string, any>[]) {
  const service = showroom(container)
  const ids = themes.map((t) => t.id)
  const events = ids.length ? await service.listThemeEvents({ theme_id: ids }, { order: { starts_at: "ASC" } }) : []
  const taken = await seatsTaken(service, events.map((e) => e.id))
  const now = Date.now()
  return themes.map((theme) => ({
    ...themeView(theme),
    events: events.filter((e) => e.theme_id === theme.id).map((e) => eventView(e, taken.get(e.id) ?? 0, now)),
  }))
}
