import { model } from "@medusajs/framework/utils"
import { REVIEW_ACTIONS } from "../../../lib/comparison-rules"
import { PriceComparison } from "./price-comparison"

/** One step of a comparison's history: submitted, claimed, returned (with the reason), resubmitted, confirmed. */
export const ComparisonReview = model.define("comparison_review", {
  id: model.id({ prefix: "pcrev" }).primaryKey(),
  action: model.enum([...REVIEW_ACTIONS]),
  comment: model.text().nullable(),
  actor_type: model.text(),
  actor_id: model.text(),
  actor_name: model.text().nullable(),
  at: model.dateTime(),
  comparison: model.belongsTo(() => PriceComparison, { mappedBy: "reviews" }),
})
