import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { eventView } from "../../../../../../lib/showroom-views"
import { createEventWorkflow } from "../../../../../../workflows/themes"
import type { CreateEventType } from "../../../validators"

/** POST /admin/showroom/themes/:id/events — a public event (主题活动) of the theme (404 unknown theme). */
export async function POST(req: AuthenticatedMedusaRequest<CreateEventType>, res: MedusaResponse) {
  const { result } = await createEventWorkflow(req.scope).run({ input: { theme_id: req.params.id, data: req.validatedBody } })
  res.status(201).json({ event: eventView(result) })
}
