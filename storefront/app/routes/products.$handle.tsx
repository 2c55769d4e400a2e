import type { HttpTypes } from "@medusajs/types"
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node"
import { Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "@remix-run/react"
import { useState } from "react"
import { useTranslation } from "~/i18n/react"
import { z } from "zod"
import { ProductImage } from "~/components/ProductImage"
import { translator } from "~/i18n/i18n.server"
import type { Language } from "~/i18n/languages"
import { CART_FIELDS, ensureCart } from "~/lib/cart.server"
import { cnyRegion, imageSet, mediaUrl, PRODUCT_FIELDS } from "~/lib/catalog.server"
import { formatMoney } from "~/lib/format"
import { backendMessage, medusa } from "~/lib/medusa.server"
import { cachedProduct } from "~/lib/product-cache.server"
import { commitSession, getSession, languageOf } from "~/lib/session.server"
import type { loader as rootLoader } from "~/root"

interface Spec {
  key: string
  label_zh: string
  label_en: string
  unit: string | null
  value: string | number | boolean
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.product.title} · 现代公物仓` : "现代公物仓" },
  { name: "description", content: data?.product.subtitle ?? "" },
]

async function loadProduct(handle: string): Promise<HttpTypes.StoreProduct | null> {
  const region = await cnyRegion()
  const { products } = await medusa().store.product.list({ handle, region_id: region.id, fields: PRODUCT_FIELDS, limit: 1 })
  return products[0] ?? null
}

/** Pages use the cache; the add-to-cart action checks stock against the backend itself. */
function findProduct(handle: string, fresh = false): Promise<HttpTypes.StoreProduct | null> {
  return fresh ? loadProduct(handle) : cachedProduct(handle, loadProduct)
}

export async function loader({ params }: LoaderFunctionArgs) {
  const product = await findProduct(params.handle ?? "")
  if (!product) throw new Response("Not found", { status: 404 })
  const metadata = (product.metadata ?? {}) as Record<string, unknown>
  return {
    product: {
      id: product.id,
      handle: product.handle,
      title: product.title,
      subtitle: product.subtitle ?? null,
      description: product.description ?? null,
      kind: (metadata.offer_kind as string) ?? null,
      category: product.categories?.[0] ? { name: product.categories[0].name, handle: product.categories[0].handle } : null,
      images: imageSet(metadata),
      thumbnail: mediaUrl(product.thumbnail),
      specs: (Array.isArray(metadata.specs) ? metadata.specs : []) as Spec[],
      rental: (metadata.rental ?? null) as { period_unit: "day" | "week" | "month"; min_periods: number; deposit_cny: number } | null,
      service: (metadata.service ?? null) as { response_hours: number; coverage: string; delivery_mode: "onsite" | "remote" | "both" } | null,
      supplier: { code: (metadata.supplier_code as string) ?? null, name: (metadata.supplier_name as string) ?? null },
      options: (product.options ?? []).map((o) => ({ id: o.id, title: o.title, values: (o.values ?? []).map((v) => v.value) })),
      variants: (product.variants ?? []).map((v) => ({
        id: v.id,
        title: v.title,
        options: Object.fromEntries((v.options ?? []).map((o) => [o.option_id, o.value])),
        price: v.calculated_price?.calculated_amount ?? null,
        // Medusa reports stock only for variants whose inventory it manages.
        stock: v.manage_inventory ? (v.inventory_quantity ?? 0) : null,
      })),
    },
  }
}

const AddToCart = z.object({
  variant_id: z.string().min(1),
  quantity: z.coerce.number().int().min(1).max(999),
})

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = await languageOf(request)
  const t = translator(lang)
  const form = Object.fromEntries(await request.formData())
  const parsed = AddToCart.safeParse(form)
  if (!parsed.success) {
    const field = parsed.error.issues[0].path[0]
    return data({ error: field === "quantity" ? t("errors.quantity") : t("errors.variant") }, { status: 400 })
  }
  const product = await findProduct(params.handle ?? "", true)
  const variant = product?.variants?.find((v) => v.id === parsed.data.variant_id)
  if (!product || !variant) return data({ error: t("errors.variant") }, { status: 400 })
  if (variant.manage_inventory && !variant.allow_backorder && (variant.inventory_quantity ?? 0) < parsed.data.quantity) {
    return data({ error: t("errors.outOfStock") }, { status: 409 })
  }
  const session = await getSession(request)
  try {
    const cart = await ensureCart(session, request)
    await medusa().store.cart.createLineItem(cart.id, parsed.data, { fields: CART_FIELDS })
  } catch (error) {
    return data({ error: backendMessage(error) }, { status: 400, headers: { "Set-Cookie": await commitSession(session) } })
  }
  return redirect(`/cart?added=${encodeURIComponent(product.handle)}`, { headers: { "Set-Cookie": await commitSession(session) } })
}

export default function ProductPage() {
  const { product } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const { t, i18n } = useTranslation()
  const lang = i18n.language as Language
  const inCompare = useRouteLoaderData<typeof rootLoader>("root")?.compare.includes(product.handle)
  const [variantId, setVariantId] = useState(product.variants.find((v) => v.stock === null || v.stock > 0)?.id ?? product.variants[0]?.id)
  const variant = product.variants.find((v) => v.id === variantId)
  const stockText =
    variant?.stock === null || variant?.stock === undefined
      ? t("product.inStock")
      : variant.stock <= 0
        ? t("product.outOfStock")
        : variant.stock < 10
          ? t("product.lowStock", { count: variant.stock })
          : t("product.inStock")
  const specValue = (spec: Spec) =>
    typeof spec.value === "boolean" ? (spec.value ? t("product.yes") : t("product.no")) : `${spec.value}${spec.unit ? ` ${spec.unit}` : ""}`

  return (
    <article className="product" aria-labelledby="product-title">
      <section className="gallery" aria-label={t("product.gallery")}>
        <ProductImage images={product.images} fallback={product.thumbnail} alt={product.title} sizes="(max-width: 800px) 100vw, 50vw" lazy={false} prefer="large" />
      </section>
      <section className="buy-box">
        {product.category ? <a href={`/categories/${product.category.handle}`} className="crumb">{product.category.name}</a> : null}
        <h1 id="product-title">{product.title}</h1>
        {product.subtitle ? <p className="subtitle">{product.subtitle}</p> : null}
        <p className="price" data-testid="price">{formatMoney(variant?.price ?? null, lang)}</p>
        <p className={`stock ${variant?.stock === 0 ? "out" : ""}`} data-testid="stock">{stockText}</p>
        <Form method="post" className="add-form">
          <fieldset>
            <legend>{t("product.variant")}</legend>
            {product.variants.map((v) => (
              <label key={v.id} className="variant-option">
                <input type="radio" name="variant_id" value={v.id} checked={v.id === variantId} onChange={() => setVariantId(v.id)} />
                <span>{v.title}</span>
                <span className="variant-price">{formatMoney(v.price, lang)}</span>
              </label>
            ))}
          </fieldset>
          <label htmlFor="quantity">{t("product.quantity")}</label>
          <input id="quantity" name="quantity" type="number" inputMode="numeric" min={1} max={999} defaultValue={1} required />
          <button type="submit" disabled={navigation.state === "submitting"}>{t("product.addToCart")}</button>
          {actionData && "error" in actionData ? (
            <p role="alert" className="form-error">{actionData.error}</p>
          ) : null}
        </Form>
        {/* The listing cards' <CompareButton>, written out here: as a shared chunk it would cost this
            page ~270 bytes more of its 100 kB script budget. */}
        <Form method="post" action="/compare" preventScrollReset className="compare-form">
          <input type="hidden" name="handle" value={product.handle} />
          <input type="hidden" name="redirectTo" value={`/products/${product.handle}`} />
          <button type="submit" name="intent" value={inCompare ? "remove" : "add"} className="link-button" aria-label={t(inCompare ? "compare.removeNamed" : "compare.addNamed", { title: product.title })}>
            {t(inCompare ? "compare.remove" : "compare.add")}
          </button>
        </Form>
        {product.supplier.name ? (
          <aside className="supplier-card" aria-label={t("product.supplier")}>
            <h2>{t("product.supplier")}</h2>
            <p>{product.supplier.name}</p>
          </aside>
        ) : null}
      </section>
      {product.rental ? (
        <section className="terms" aria-labelledby="rental-title">
          <h2 id="rental-title">{t("product.rental")}</h2>
          <dl>
            <dt>{t("product.rentalPeriod")}</dt>
            <dd>{t(`product.periods.${product.rental.period_unit}`)}</dd>
            <dt>{t("product.rentalMin")}</dt>
            <dd>{product.rental.min_periods}</dd>
            <dt>{t("product.deposit")}</dt>
            <dd>{formatMoney(product.rental.deposit_cny, lang)}</dd>
          </dl>
        </section>
      ) : null}
      {product.service ? (
        <section className="terms" aria-labelledby="service-title">
          <h2 id="service-title">{t("product.service")}</h2>
          <dl>
            <dt>{t("product.responseHours")}</dt>
            <dd>{t("product.hours", { count: product.service.response_hours })}</dd>
            <dt>{t("product.coverage")}</dt>
            <dd>{product.service.coverage}</dd>
            <dt>{t("product.deliveryMode")}</dt>
            <dd>{t(`product.modes.${product.service.delivery_mode}`)}</dd>
          </dl>
        </section>
      ) : null}
      {product.description ? <section className="description"><p>{product.description}</p></section> : null}
      <section aria-labelledby="specs-title">
        <h2 id="specs-title">{t("product.specs")}</h2>
        <table className="specs">
          <tbody>
            {product.specs.map((spec) => (
              <tr key={spec.key}>
                <th scope="row">{lang === "en" ? spec.label_en : spec.label_zh}</th>
                <td>{specValue(spec)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  )
}
