import { z } from "@medusajs/framework/zod"

const Items = z
  .array(z.object({ id: z.string().trim().min(1).max(100), quantity: z.number().int().min(1).max(100_000) }).strict())
  .min(1)
  .max(200)

export const SupplierListOrders = z
  .object({
    limit: z.coerce.number().int().min(1).max(100).default(20),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict()
export type SupplierListOrders = z.infer<typeof SupplierListOrders>

export const SupplierShipOrder = z
  .object({
    carrier: z.string().trim().min(1).max(100),
    tracking_number: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 \-_/]*$/, "tracking_number: 运单号只能包含字母、数字、空格和 -_/ / letters, digits, spaces and -_/ only"),
    /** Lines to ship (and how many); all the supplier's unshipped goods lines when omitted. */
    items: Items.optional(),
  })
  .strict()
export type SupplierShipOrder = z.infer<typeof SupplierShipOrder>

export const SupplierDeliverService = z
  .object({
    note: z.string().trim().max(500).optional(),
    /** Service lines to mark delivered; all the supplier's open service lines when omitted. */
    items: Items.optional(),
  })
  .strict()
export type SupplierDeliverService = z.infer<typeof SupplierDeliverService>

export const SupplierMarkDelivered = z
  .object({
    /** One shipment; all the supplier's shipped, undelivered shipments when omitted. */
    fulfillment_id: z.string().trim().min(1).max(100).optional(),
  })
  .strict()
export type SupplierMarkDelivered = z.infer<typeof SupplierMarkDelivered>
