import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { withConflictMessage } from "@gongwucang/platform/http"
import { exhibitViews } from "../../../../../lib/showroom-exhibits"
import { SHOWROOM_MESSAGES } from "../../../../../lib/showroom-messages"
import { updateExhibitWorkflow, withdrawExhibitWorkflow } from "../../../../../workflows/exhibits"
import type { UpdateExhibitType } from "../../validators"

/** GET /admin/showroom/exhibits/:id — the exhibit with its active tags and product. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [exhibit] = await exhibitViews(req.scope, [req.params.id])
  if (!exhibit) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.exhibit_not_found(req.params.id))
  res.json({ exhibit })
}

/** POST /admin/showroom/exhibits/:id — moves it, changes plinth / antenna / rank / variant. */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<UpdateExhibitType>, res: MedusaResponse) => {
  await updateExhibitWorkflow(req.scope).run({ input: { id: req.params.id, data: req.validatedBody } })
  const [exhibit] = await exhibitViews(req.scope, [req.params.id])
  res.json({ exhibit })
})

/** DELETE /admin/showroom/exhibits/:id — withdraws it (撤展): status withdrawn, tags retired. Kept for analytics. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { result } = await withdrawExhibitWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "showroom_exhibit", status: result.exhibit.status, retired_tag_ids: result.retired_tag_ids })
}
