import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

export interface InvoiceCart {
  id: string
  customer_id: string | null
  completed_at: Date | string | null
  metadata: Record<string, unknown> | null
}

/**
 * The cart, if the caller may use it: a registered customer's cart only by that customer;
 * a guest cart (no customer, or a guest customer without an account) by anyone who has its id,
 * as Medusa's own cart routes allow.
 */
export async function loadInvoiceCart(
  container: MedusaContainer,
  input: { cart_id: string; customer_id?: string | null }
): Promise<InvoiceCart> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at", "metadata", "customer.id", "customer.has_account"],
    filters: { id: input.cart_id },
  })
  const cart = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `购物车不存在 / Cart ${input.cart_id} was not found`)
  }
  const ownedByAccount = Boolean(cart.customer_id && cart.customer?.has_account)
  if (ownedByAccount && cart.customer_id !== input.customer_id) {
    if (!input.customer_id) {
      throw new MedusaError(
        MedusaError.Types.UNAUTHORIZED,
        "请以该购物车的买家身份登录 / Log in as the cart's customer to use its invoice details"
      )
    }
    throw new MedusaError(MedusaError.Types.FORBIDDEN, "这是其他买家的购物车 / This cart belongs to another customer")
  }
  return {
    id: cart.id,
    customer_id: cart.customer_id ?? null,
    completed_at: (cart.completed_at as Date | string | null) ?? null,
    metadata: (cart.metadata as Record<string, unknown> | null) ?? null,
  }
}
