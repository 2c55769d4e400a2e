import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withConflictMessage } from "@gongwucang/platform/http"
import { tagView } from "../../../../../../lib/showroom-views"
import { addExhibitTagsWorkflow } from "../../../../../../workflows/exhibits"
import type { TagInputType } from "../../../validators"

/**
 * POST /admin/showroom/exhibits/:id/tags — {epc} (any hex the reader reports, normalised) or
 * {gtin, serial?} (SGTIN-96; serial defaults to the next free one). EPC taken → 409.
 */
export const POST = withConflictMessage(async (req: AuthenticatedMedusaRequest<TagInputType>, res: MedusaResponse) => {
  const { result } = await addExhibitTagsWorkflow(req.scope).run({ input: { exhibit_id: req.params.id, tags: [req.validatedBody] } })
  res.status(201).json({ tag: tagView(result[0]) })
})
