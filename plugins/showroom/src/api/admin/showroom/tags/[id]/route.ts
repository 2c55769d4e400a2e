import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { SHOWROOM_MESSAGES } from "../../../../../lib/showroom-messages"
import { showroom } from "../../../../../lib/showroom-service"
import { retireTagWorkflow } from "../../../../../workflows/exhibits"

/** DELETE /admin/showroom/tags/:id — retires the tag: kiosks stop resolving it; its EPC may be registered again. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const [tag] = await showroom(req.scope).listRfidTags({ id: req.params.id }, { select: ["id"], take: 1 })
  if (!tag) throw new MedusaError(MedusaError.Types.NOT_FOUND, SHOWROOM_MESSAGES.tag_not_found(req.params.id))
  await retireTagWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ id: req.params.id, object: "showroom_rfid_tag", status: "retired", deleted: true })
}
