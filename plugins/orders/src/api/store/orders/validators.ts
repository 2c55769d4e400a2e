import { z } from "@medusajs/framework/zod"

export const StoreAcceptOrder = z.object({
  note: z.string().max(500).nullish(),
})
export type StoreAcceptOrderType = z.infer<typeof StoreAcceptOrder>

export const StoreCancelOrder = z.object({}).strict()
