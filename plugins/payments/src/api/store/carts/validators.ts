import { z } from "@medusajs/framework/zod"

/** GET /store/carts/:id/payment-methods takes no query parameters. */
export const StoreCartPaymentMethodsQuery = z.object({}).strict()
export type StoreCartPaymentMethodsQueryType = z.infer<typeof StoreCartPaymentMethodsQuery>
