import { model } from "@medusajs/framework/utils"

/**
 * OrderAcceptance (验收): the buyer's confirmation that a delivered order arrived complete and
 * as ordered. One per order — the unique index on order_id is what keeps two simultaneous
 * submissions from both succeeding. The order itself is reached through the order↔acceptance
 * module link; order_id is kept here for that index.
 */
export const OrderAcceptance = model
  .define("order_acceptance", {
    id: model.id({ prefix: "oacc" }).primaryKey(),
    order_id: model.text().unique(),
    customer_id: model.text().index(),
    accepted_at: model.dateTime(),
    note: model.text().nullable(),
  })
