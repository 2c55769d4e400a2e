import { model } from "@medusajs/framework/utils"
import { PriceComparison } from "./price-comparison"

/**
 * One offer (报价) in a comparison, copied from the catalogue when chosen so that later edits by
 * the supplier do not change what was compared: the variant, its product and supplier, the unit
 * price in CNY (yuan), the specification attributes (功能参数) and after-sales terms (售后服务).
 */
export const ComparisonOffer = model.define("comparison_offer", {
  id: model.id({ prefix: "pcoff" }).primaryKey(),
  position: model.number(),
  variant_id: model.text(),
  product_id: model.text(),
  supplier_id: model.text(),
  supplier_name: model.text(),
  title: model.text(),
  variant_title: model.text().nullable(),
  thumbnail: model.text().nullable(),
  unit_price: model.bigNumber(),
  currency_code: model.text(),
  /** `{ specs: [{ key, label_zh, label_en, unit, value }] }` as the product's metadata lists them. */
  specs: model.json(),
  after_sales: model.text().nullable(),
  comparison: model.belongsTo(() => PriceComparison, { mappedBy: "offers" }),
})
