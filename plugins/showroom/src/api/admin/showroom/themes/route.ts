import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { showroom } from "../../../../lib/showroom-service"
import { themesWithEvents } from "../../../../lib/showroom-themes"
import { createThemeWorkflow } from "../../../../workflows/themes"
import type { CreateThemeType, ListThemesType } from "../validators"

/** GET /admin/showroom/themes?centre_id=&status= — monthly themes (月度主题), newest dates first, with events. */
export async function GET(req: AuthenticatedMedusaRequest<unknown, ListThemesType>, res: MedusaResponse) {
  const { centre_id, status, limit, offset } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (centre_id) filters.centre_id = centre_id
  if (status) filters.status = status
  const [rows, count] = await showroom(req.scope).listAndCountThemes(filters, { take: limit, skip: offset, order: { starts_on: "DESC" } })
  res.json({ themes: await themesWithEvents(req.scope, rows), count, limit, offset })
}

/** POST /admin/showroom/themes — a theme; a published one must not overlap another published theme of the centre (409). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<CreateThemeType>, res: MedusaResponse) => {
  const { result } = await createThemeWorkflow(req.scope).run({ input: req.validatedBody })
  const [theme] = await themesWithEvents(req.scope, [result])
  res.status(201).json({ theme })
})
