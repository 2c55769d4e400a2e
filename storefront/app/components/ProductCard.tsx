import { Link, useLocation } from "@remix-run/react"
import { useTranslation } from "~/i18n/react"
import type { Language } from "~/i18n/languages"
import { formatMoney } from "~/lib/format"
import { CompareButton } from "./CompareButton"
import { ProductImage } from "./ProductImage"

export interface CardProduct {
  handle: string
  title: string
  subtitle: string | null
  thumbnail: string | null
  images: Record<string, { url: string; width: number; height: number }> | null
  fromPrice: number | null
  kind: string | null
  supplierName: string | null
}

export function ProductCard({ product, lazy }: { product: CardProduct; lazy?: boolean }) {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  return (
    <li className="card">
      <Link to={`/products/${product.handle}`} className="card-link">
        <ProductImage images={product.images} fallback={product.thumbnail} alt={product.title} sizes="(max-width: 600px) 50vw, 240px" lazy={lazy} />
        <span className="card-title">{product.title}</span>
      </Link>
      {product.kind ? <span className="chip">{t(`product.kind.${product.kind}`)}</span> : null}
      <span className="card-price">{formatMoney(product.fromPrice, i18n.language as Language)}</span>
      {product.supplierName ? <span className="card-supplier">{product.supplierName}</span> : null}
      <CompareButton handle={product.handle} title={product.title} redirectTo={`${location.pathname}${location.search}`} />
    </li>
  )
}
