import { model } from "@medusajs/framework/utils"
import { COMPARISON_STATUSES } from "../../../lib/comparison-rules"
import { ComparisonOffer } from "./comparison-offer"
import { ComparisonReview } from "./comparison-review"

/**
 * PriceComparison (在线比价): a buyer organisation's need (category, quantity, required specs) with
 * at least three offers from three suppliers, snapshotted when chosen, the buyer's choice and
 * reason, and the tendering agency's (招标代理机构) review. Confirmation gives it a serial number
 * and an electronic report (ComparisonReport); the selected offer can then be ordered at its
 * compared price until `prices_locked_until`.
 */
export const PriceComparison = model
  .define("price_comparison", {
    id: model.id({ prefix: "pcmp" }).primaryKey(),
    organization_id: model.text(),
    organization_name: model.text(),
    created_by_customer_id: model.text(),
    created_by_email: model.text().nullable(),
    title: model.text(),
    category_id: model.text(),
    category_name: model.text().nullable(),
    quantity: model.number(),
    required_specs: model.text().nullable(),
    status: model.enum([...COMPARISON_STATUSES]).default("draft"),
    selected_offer_id: model.text().nullable(),
    selection_reason: model.text().nullable(),
    agency_id: model.text().nullable(),
    agency_name: model.text().nullable(),
    submitted_at: model.dateTime().nullable(),
    confirmed_at: model.dateTime().nullable(),
    serial: model.text().nullable(),
    prices_locked_until: model.dateTime().nullable(),
    cart_id: model.text().nullable(),
    order_id: model.text().nullable(),
    offers: model.hasMany(() => ComparisonOffer, { mappedBy: "comparison" }),
    reviews: model.hasMany(() => ComparisonReview, { mappedBy: "comparison" }),
  })
  .cascades({ delete: ["offers", "reviews"] })
  .indexes([
    { on: ["organization_id", "status"] },
    { on: ["agency_id", "status"] },
    { on: ["serial"], unique: true, where: "serial IS NOT NULL AND deleted_at IS NULL" },
    { on: ["cart_id"] },
  ])
