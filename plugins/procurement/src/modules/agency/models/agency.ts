import { model } from "@medusajs/framework/utils"
import { AgencyUser } from "./agency-user"

/** Agency (招标代理机构): a tendering agency that reviews and confirms buyers' price comparisons. */
export const Agency = model
  .define("agency", {
    id: model.id({ prefix: "agcy" }).primaryKey(),
    name: model.text().searchable(),
    credit_code: model.text().nullable(),
    status: model.enum(["active", "suspended"]).default("active"),
    users: model.hasMany(() => AgencyUser, { mappedBy: "agency" }),
  })
  .indexes([{ on: ["credit_code"], unique: true, where: "credit_code IS NOT NULL AND deleted_at IS NULL" }])
