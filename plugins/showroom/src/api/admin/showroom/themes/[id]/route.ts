import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { SHOWROOM_MESSAGES } from "../../../../../lib/showroom-messages"
import { showroom } from "../../../../../lib/showroom-service"
import { themesWithEvents } from "../../../../../lib/showroom-themes"
import { deleteThemeWorkflow, updateThemeWorkflow } from "../../../../../workflows/themes"
import type { UpdateThemeType } from "../../validators"

/** GET /admin/showroom/themes/:id — the theme with its events. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [row] = await showroom(req.scope).listThemes({ id: req.params.id }, { take: 1 })
  if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.theme_not_found(req.params.id))
  const [theme] = await themesWithEvents(req.scope, [row])
  res.json({ theme })
}

/** POST /admin/showroom/themes/:id — changes it (publishing checks overlap: 409). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<UpdateThemeType>, res: MedusaResponse) => {
  const { result } = await updateThemeWorkflow(req.scope).run({ input: { id: req.params.id, data: req.validatedBody } })
  const [theme] = await themesWithEvents(req.scope, [result])
  res.json({ theme })
})

/** DELETE /admin/showroom/themes/:id — deletes it with its events and their sign-ups. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await deleteThemeWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "showroom_theme", deleted: true })
}
