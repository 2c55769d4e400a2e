import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  acquireLockStep,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  markOrderFulfillmentAsDeliveredWorkflow,
  releaseLockStep,
} from "@medusajs/medusa/core-flows"
import { recordAuditStep } from "./steps/audit"
import { fulfilmentLocation, loadSupplierOrder, type SupplierOrderLine } from "./utils/supplier-orders"

/**
 * Fulfilment by the supplier (发货 / 服务交付 / 送达): Medusa's own order fulfillments, created
 * for the supplier's lines only, so the buyer's timeline (plugins/orders) moves with them.
 * Each workflow holds a lock on the order while it decides what to fulfil, so two clicks on
 * "ship" cannot fulfil the same lines twice.
 */

export interface FulfilItem {
  id: string
  quantity: number
}

interface PlanInput {
  order_id: string
  supplier_id: string
  /** Lines to fulfil; all the supplier's open lines of this kind when omitted. */
  items?: FulfilItem[]
  kind: "goods" | "service"
}

interface Plan {
  items: FulfilItem[]
  location_id?: string
}

const isService = (line: SupplierOrderLine) => line.kind === "service"

const lockKey = (orderId: string) => `supplier-order-fulfilment:${orderId}`

/** Which of the supplier's lines to fulfil now, how many of each, and from where (read-only). */
export const planSupplierFulfilmentStep = createStep("supplier-plan-fulfilment", async (input: PlanInput, { container }) => {
  const order = await loadSupplierOrder(container, input.supplier_id, input.order_id)
  if (order.status === "canceled") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "订单已取消 / The order has been cancelled")
  const wanted = input.kind === "service" ? isService : (line: SupplierOrderLine) => !isService(line)
  const open = (line: SupplierOrderLine) => line.quantity - line.fulfilled_quantity
  let items: FulfilItem[]
  if (input.items?.length) {
    const lines = new Map(order.items.map((line) => [line.id, line]))
    const seen = new Set<string>()
    items = input.items.map((item) => {
      const line = lines.get(item.id)
      // Another supplier's line in the same order is as unknown here as one that does not exist.
      if (!line) throw new MedusaError(MedusaError.Types.NOT_FOUND, `订单行不存在 / Line item ${item.id} is not one of your lines in this order`)
      if (seen.has(item.id)) throw new MedusaError(MedusaError.Types.INVALID_DATA, `订单行重复 / Line item ${item.id} is listed twice`)
      seen.add(item.id)
      if (!wanted(line)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          input.kind === "service"
            ? `“${line.title}”不是服务，请用发货 / "${line.title}" is not a service; ship it instead`
            : `“${line.title}”是服务，请用服务交付 / "${line.title}" is a service; mark it delivered with deliver-service`
        )
      }
      if (item.quantity > open(line)) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `“${line.title}”最多还可处理 ${open(line)} 件 / Only ${open(line)} of "${line.title}" are left to fulfil`)
      }
      return { id: line.id, quantity: item.quantity }
    })
  } else {
    items = order.items.filter((line) => wanted(line) && open(line) > 0).map((line) => ({ id: line.id, quantity: open(line) }))
  }
  if (!items.length) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      input.kind === "service"
        ? "没有待交付的服务 / There is no service left to deliver in this order"
        : "没有待发货的商品 / There is nothing left to ship in this order"
    )
  }
  const location_id = await fulfilmentLocation(container, input.supplier_id, items.map((i) => i.id))
  return new StepResponse<Plan>({ items, ...(location_id ? { location_id } : {}) })
})

export interface ShipSupplierItemsInput {
  order_id: string
  supplier_id: string
  member_id: string
  carrier: string
  tracking_number: string
  items?: FulfilItem[]
}

/**
 * Ship (发货): a Medusa fulfillment of the supplier's goods lines at the supplier's location,
 * then a shipment with the carrier's tracking number. A failure undoes the fulfillment.
 */
export const shipSupplierItemsWorkflow = createWorkflow("supplier-ship-order-items", (input: ShipSupplierItemsInput) => {
  const lock = transform({ input }, ({ input }) => ({ key: lockKey(input.order_id), timeout: 10, ttl: 60 }))
  acquireLockStep(lock)
  const plan = planSupplierFulfilmentStep(
    transform({ input }, ({ input }) => ({ order_id: input.order_id, supplier_id: input.supplier_id, items: input.items, kind: "goods" as const }))
  )
  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({
      order_id: input.order_id,
      items: plan.items,
      location_id: plan.location_id,
      created_by: input.member_id,
      metadata: { supplier_id: input.supplier_id, kind: "shipment", carrier: input.carrier },
    })),
  })
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ input, plan, fulfillment }, ({ input, plan, fulfillment }) => ({
      order_id: input.order_id,
      fulfillment_id: fulfillment.id,
      items: plan.items,
      created_by: input.member_id,
      labels: [{ tracking_number: input.tracking_number, tracking_url: "", label_url: "" }],
    })),
  })
  recordAuditStep(
    transform({ input, plan, fulfillment }, ({ input, plan, fulfillment }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "order_shipped",
      subject_type: "order",
      subject_id: input.order_id,
      data: { fulfillment_id: fulfillment.id, carrier: input.carrier, tracking_number: input.tracking_number, items: plan.items },
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: lockKey(input.order_id) })))
  return new WorkflowResponse(transform({ fulfillment }, ({ fulfillment }) => ({ fulfillment_id: fulfillment.id })))
})

export interface DeliverSupplierServiceInput {
  order_id: string
  supplier_id: string
  member_id: string
  note?: string | null
  items?: FulfilItem[]
}

/**
 * Service delivered (服务已交付): a Medusa fulfillment of the supplier's service lines, marked
 * delivered at once (there is nothing to ship). A failure undoes the fulfillment.
 */
export const deliverSupplierServiceWorkflow = createWorkflow("supplier-deliver-service", (input: DeliverSupplierServiceInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: lockKey(input.order_id), timeout: 10, ttl: 60 })))
  const plan = planSupplierFulfilmentStep(
    transform({ input }, ({ input }) => ({ order_id: input.order_id, supplier_id: input.supplier_id, items: input.items, kind: "service" as const }))
  )
  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ input, plan }, ({ input, plan }) => ({
      order_id: input.order_id,
      items: plan.items,
      location_id: plan.location_id,
      created_by: input.member_id,
      metadata: { supplier_id: input.supplier_id, kind: "service", ...(input.note ? { note: input.note } : {}) },
    })),
  })
  markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
    input: transform({ input, fulfillment }, ({ input, fulfillment }) => ({ orderId: input.order_id, fulfillmentId: fulfillment.id })),
  })
  recordAuditStep(
    transform({ input, plan, fulfillment }, ({ input, plan, fulfillment }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "order_service_delivered",
      subject_type: "order",
      subject_id: input.order_id,
      data: { fulfillment_id: fulfillment.id, items: plan.items, note: input.note ?? null },
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: lockKey(input.order_id) })))
  return new WorkflowResponse(transform({ fulfillment }, ({ fulfillment }) => ({ fulfillment_id: fulfillment.id })))
})

export interface MarkSupplierDeliveredInput {
  order_id: string
  supplier_id: string
  member_id: string
  fulfillment_id: string
}

/** The supplier's own shipped fulfillment, not yet delivered (read-only). */
export const validateSupplierDeliveryStep = createStep("supplier-validate-delivery", async (input: MarkSupplierDeliveredInput, { container }) => {
  const order = await loadSupplierOrder(container, input.supplier_id, input.order_id)
  const fulfillment = order.fulfillments.find((f) => f.id === input.fulfillment_id && f.own)
  if (!fulfillment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `发货记录不存在 / Fulfillment ${input.fulfillment_id} was not found`)
  if (fulfillment.canceled_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "该发货已取消 / This fulfillment was cancelled")
  if (fulfillment.delivered_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "已标记为送达 / This fulfillment has already been delivered")
  if (!fulfillment.shipped_at) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "尚未发货，不能标记送达 / This fulfillment has not been shipped yet")
  return new StepResponse({ fulfillment_id: fulfillment.id })
})

/** Delivered (已送达): the supplier marks one of its shipments delivered, through Medusa's own workflow. */
export const markSupplierDeliveredWorkflow = createWorkflow("supplier-mark-delivered", (input: MarkSupplierDeliveredInput) => {
  acquireLockStep(transform({ input }, ({ input }) => ({ key: lockKey(input.order_id), timeout: 10, ttl: 60 })))
  const checked = validateSupplierDeliveryStep(input)
  markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
    input: transform({ input, checked }, ({ input, checked }) => ({ orderId: input.order_id, fulfillmentId: checked.fulfillment_id })),
  })
  recordAuditStep(
    transform({ input }, ({ input }) => ({
      supplier_id: input.supplier_id,
      actor_type: "supplier" as const,
      actor_id: input.member_id,
      action: "order_delivered",
      subject_type: "order",
      subject_id: input.order_id,
      data: { fulfillment_id: input.fulfillment_id },
    }))
  )
  releaseLockStep(transform({ input }, ({ input }) => ({ key: lockKey(input.order_id) })))
  return new WorkflowResponse(transform({ checked }, ({ checked }) => checked))
})
