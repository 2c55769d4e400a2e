import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { CART_FIELDS, retrieveCart } from "~/lib/cart.server"
import { mediaUrl } from "~/lib/catalog.server"
import { formatMoney } from "~/lib/format"
import { backendMessage, medusa } from "~/lib/medusa.server"
import { getSession, languageOf } from "~/lib/session.server"

export const meta: MetaFunction = () => [{ title: "购物车 · 现代公物仓" }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const cart = await retrieveCart(session.get("cartId"))
  const added = new URL(request.url).searchParams.get("added")
  if (!cart) return { cart: null, added }
  return {
    added,
    cart: {
      id: cart.id,
      currency: cart.currency_code,
      items: (cart.items ?? [])
        .map((item) => ({
          id: item.id,
          title: item.product_title ?? item.title,
          variant: item.variant_title ?? null,
          handle: item.product_handle ?? item.variant?.product?.handle ?? null,
          thumbnail: mediaUrl(item.thumbnail),
          unitPrice: item.unit_price,
          quantity: item.quantity,
          total: item.total ?? item.unit_price * item.quantity,
        }))
        .sort((a, b) => a.id.localeCompare(b.id)),
      itemTotal: cart.item_total,
      shippingTotal: cart.shipping_total,
      taxTotal: cart.tax_total,
      total: cart.total,
    },
  }
}

const LineAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("update"), line_id: z.string().min(1), quantity: z.coerce.number().int().min(1).max(999) }),
  z.object({ intent: z.literal("remove"), line_id: z.string().min(1) }),
])

export async function action({ request }: ActionFunctionArgs) {
  const t = translator(await languageOf(request))
  const parsed = LineAction.safeParse(Object.fromEntries(await request.formData()))
  if (!parsed.success) return data({ error: t("errors.quantity") }, { status: 400 })
  const cartId = (await getSession(request)).get("cartId")
  if (!cartId) return redirect("/cart")
  try {
    if (parsed.data.intent === "remove") await medusa().store.cart.deleteLineItem(cartId, parsed.data.line_id)
    else await medusa().store.cart.updateLineItem(cartId, parsed.data.line_id, { quantity: parsed.data.quantity }, { fields: CART_FIELDS })
  } catch (error) {
    return data({ error: backendMessage(error) }, { status: 400 })
  }
  return redirect("/cart")
}

export default function CartPage() {
  const { cart, added } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const money = (amount: number | null | undefined) => formatMoney(amount, lang, cart?.currency ?? "cny")
  return (
    <section aria-labelledby="cart-title" className="cart">
      <h1 id="cart-title">{t("cart.title")}</h1>
      {added ? <p role="status" className="notice">{t("product.added")}</p> : null}
      {actionData?.error ? <p role="alert" className="form-error">{actionData.error}</p> : null}
      {!cart || cart.items.length === 0 ? (
        <p className="empty">
          {t("cart.empty")} <Link to="/categories">{t("cart.continue")}</Link>
        </p>
      ) : (
        <>
          <table className="cart-table">
            <thead>
              <tr>
                <th scope="col">{t("cart.item")}</th>
                <th scope="col">{t("cart.price")}</th>
                <th scope="col">{t("cart.quantity")}</th>
                <th scope="col">{t("cart.total")}</th>
              </tr>
            </thead>
            <tbody>
              {cart.items.map((item) => (
                <tr key={item.id} data-testid="cart-line">
                  <td>
                    {item.handle ? <Link to={`/products/${item.handle}`}>{item.title}</Link> : item.title}
                    {item.variant ? <span className="variant-title">{item.variant}</span> : null}
                  </td>
                  <td>{money(item.unitPrice)}</td>
                  <td>
                    <Form method="post" className="qty-form">
                      <input type="hidden" name="line_id" value={item.id} />
                      <label className="visually-hidden" htmlFor={`qty-${item.id}`}>{`${t("cart.quantity")} ${item.title}`}</label>
                      <input id={`qty-${item.id}`} name="quantity" type="number" inputMode="numeric" min={1} max={999} defaultValue={item.quantity} />
                      <button type="submit" name="intent" value="update">{t("cart.update")}</button>
                      <button type="submit" name="intent" value="remove" className="link-button">{t("cart.remove")}</button>
                    </Form>
                  </td>
                  <td>{money(item.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <dl className="totals">
            <dt>{t("cart.subtotal")}</dt>
            <dd>{money(cart.itemTotal)}</dd>
            <dt>{t("cart.shipping")}</dt>
            <dd>{money(cart.shippingTotal)}</dd>
            <dt>{t("cart.tax")}</dt>
            <dd data-testid="tax-total">{money(cart.taxTotal)}</dd>
            <dt>{t("cart.grandTotal")}</dt>
            <dd data-testid="grand-total">{money(cart.total)}</dd>
          </dl>
          <p className="hint">{t("cart.taxIncluded")}</p>
          <p className="cart-actions">
            <Link to="/checkout" className="button">{t("cart.checkout")}</Link>
          </p>
        </>
      )}
    </section>
  )
}
