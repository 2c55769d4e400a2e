import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * Checkout guards (下单前检查): checks other plugins run before an order is placed
 * (POST /store/carts/:id/complete). Medusa allows one handler per workflow hook and
 * `@gongwucang/payments` owns `completeCartWorkflow.hooks.validate`; that handler calls every
 * guard registered here first, in registration order. A guard refuses by throwing (a
 * MedusaError: its type decides the HTTP status), before the order or any payment exists.
 *
 * The registry lives on `globalThis` under a `Symbol.for` key, so two copies of this module
 * (one resolved through each plugin's node_modules) still share one list.
 */

/** The cart as completeCartWorkflow reads it (Medusa's `completeCartFields`: totals, items, customer, payment sessions…). */
export type CheckoutCart = { id: string; customer_id?: string | null; total?: unknown; currency_code?: string | null } & Record<string, unknown>

export type CheckoutGuard = (cart: CheckoutCart, container: MedusaContainer) => Promise<void>

const REGISTRY_KEY = Symbol.for("gongwucang.platform.checkout-guards")

type GlobalWithGuards = typeof globalThis & { [REGISTRY_KEY]?: Map<string, CheckoutGuard> }

function registry(): Map<string, CheckoutGuard> {
  const global = globalThis as GlobalWithGuards
  global[REGISTRY_KEY] ??= new Map()
  return global[REGISTRY_KEY]
}

/** Adds a guard; registering the same name again replaces it (a module loaded twice registers once). */
export function registerCheckoutGuard(name: string, guard: CheckoutGuard): void {
  registry().set(name, guard)
}

export function unregisterCheckoutGuard(name: string): boolean {
  return registry().delete(name)
}

/** Names of the registered guards, in the order they run. */
export function checkoutGuardNames(): string[] {
  return [...registry().keys()]
}

/** Runs every guard in turn; the first that throws stops the checkout. */
export async function runCheckoutGuards(cart: CheckoutCart, container: MedusaContainer): Promise<void> {
  for (const guard of [...registry().values()]) await guard(cart, container)
}
