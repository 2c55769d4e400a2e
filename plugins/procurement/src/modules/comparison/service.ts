import { MedusaService } from "@medusajs/framework/utils"
import { ComparisonOffer } from "./models/comparison-offer"
import { ComparisonReport } from "./models/comparison-report"
import { ComparisonReview } from "./models/comparison-review"
import { PriceComparison } from "./models/price-comparison"

/** CRUD for comparisons, their offers, reviews and reports; the rules live in workflows. */
export default class ComparisonModuleService extends MedusaService({
  PriceComparison,
  ComparisonOffer,
  ComparisonReview,
  ComparisonReport,
}) {}
