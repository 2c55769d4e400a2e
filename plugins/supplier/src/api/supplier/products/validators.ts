import { z } from "@medusajs/framework/zod"

export { ListingInput as CreateSupplierProduct, ListingUpdate as UpdateSupplierProduct } from "../../../lib/listing"

export const ListSupplierProducts = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).default(0),
    status: z.enum(["draft", "proposed", "published", "rejected"]).optional(),
    q: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type ListSupplierProducts = z.infer<typeof ListSupplierProducts>

export const SetSupplierStock = z
  .object({
    variant_id: z.string().trim().min(1).max(100),
    location_id: z.string().trim().min(1).max(100),
    quantity: z.number().int().min(0).max(10_000_000),
  })
  .strict()
export type SetSupplierStock = z.infer<typeof SetSupplierStock>
