import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { isThemeCurrent, shanghaiDay, shanghaiDayStart } from "../../../../lib/showroom-dates"
import { showroom } from "../../../../lib/showroom-service"
import { themesWithEvents } from "../../../../lib/showroom-themes"
import { centreView } from "../../../../lib/showroom-views"
import type { StoreListThemesType } from "../validators"

/**
 * GET /store/showroom/themes?centre_id= — the current and upcoming published monthly themes
 * (一月一主题) by start date, each with its events and seats left; `current_theme_id` names
 * today's (Asia/Shanghai). Drafts and past themes are not shown.
 */
export async function GET(req: MedusaRequest<unknown, StoreListThemesType>, res: MedusaResponse) {
  const { centre_id } = req.validatedQuery
  const service = showroom(req.scope)
  const now = new Date()
  const filters: Record<string, unknown> = { status: "published", ends_on: { $gte: shanghaiDayStart(shanghaiDay(now)) } }
  if (centre_id) filters.centre_id = centre_id
  const rows = await service.listThemes(filters, { order: { starts_on: "ASC" }, take: 24 })
  const centres = rows.length ? await service.listCentres({ id: [...new Set(rows.map((t) => t.centre_id))] }) : []
  const byId = new Map(centres.map((c) => [c.id, centreView(c)]))
  const themes = (await themesWithEvents(req.scope, rows)).map((t, i) => ({
    ...t,
    is_current: isThemeCurrent(rows[i], now),
    centre: byId.get(t.centre_id) ?? null,
  }))
  res.json({ themes, current_theme_id: themes.find((t) => t.is_current)?.id ?? null })
}
