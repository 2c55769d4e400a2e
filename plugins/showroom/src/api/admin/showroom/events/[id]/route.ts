import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { showroom } from "../../../../../lib/showroom-service"
import { eventView } from "../../../../../lib/showroom-views"
import { deleteEventWorkflow, seatsTaken, updateEventWorkflow } from "../../../../../workflows"
import type { UpdateEventType } from "../../validators"

/** POST /admin/showroom/events/:id — changes the event (capacity below seats taken → 409). */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<UpdateEventType>, res: MedusaResponse) => {
  const { result } = await updateEventWorkflow(req.scope).run({ input: { id: req.params.id, data: req.validatedBody } })
  const taken = await seatsTaken(showroom(req.scope), [result.id])
  res.json({ event: eventView(result, taken.get(result.id) ?? 0) })
})

/** DELETE /admin/showroom/events/:id — deletes the event and its sign-ups. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  await deleteEventWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "showroom_theme_event", deleted: true })
}
