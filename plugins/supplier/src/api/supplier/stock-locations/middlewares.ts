import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { validateBody } from "../../../lib/listing-http"
import { requireApprovedSupplier } from "../../../lib/supplier-context"

const text = (max: number) => z.string().trim().min(1).max(max)

export const CreateSupplierStockLocation = z
  .object({
    name: text(100),
    address: z
      .object({
        address_1: text(200),
        address_2: z.string().trim().max(200).optional(),
        city: text(100),
        province: text(100),
        postal_code: z.string().trim().regex(/^[0-9]{6}$/, "邮编为 6 位数字 / postal_code is 6 digits").optional(),
        phone: z.string().trim().regex(/^[0-9+\- ]{7,20}$/, "电话格式不正确 / invalid phone number").optional(),
        country_code: z.string().trim().length(2).toLowerCase().default("cn"),
      })
      .strict(),
  })
  .strict()
export type CreateSupplierStockLocation = z.infer<typeof CreateSupplierStockLocation>

export const supplierStockLocationMiddlewares: MiddlewareRoute[] = [
  { matcher: "/supplier/stock-locations", methods: ["POST"], middlewares: [requireApprovedSupplier, validateBody(CreateSupplierStockLocation)] },
]
