import { useState } from "react"

type ImageSet = Record<string, { url: string; width: number; height: number }> | null

/**
 * Responsive product image from the sharp-made WebP variants: srcset with real widths, explicit
 * width/height (no layout shift), lazy loading below the fold; a neutral box if there is none.
 */
export function ProductImage({
  images,
  fallback,
  alt,
  sizes,
  lazy = true,
  prefer = "medium",
}: {
  images: ImageSet
  fallback?: string | null
  alt: string
  sizes: string
  lazy?: boolean
  prefer?: "thumb" | "medium" | "large"
}) {
  const [failed, setFailed] = useState(false)
  const variants = images ? Object.values(images).sort((a, b) => a.width - b.width) : []
  const main = images?.[prefer] ?? variants[variants.length - 1]
  const src = main?.url ?? fallback
  if (!src || failed) {
    return <span className="image-missing" role="img" aria-label={alt} />
  }
  return (
    <img
      src={src}
      srcSet={variants.length ? variants.map((v) => `${v.url} ${v.width}w`).join(", ") : undefined}
      sizes={variants.length ? sizes : undefined}
      width={main?.width ?? 800}
      height={main?.height ?? 800}
      alt={alt}
      loading={lazy ? "lazy" : "eager"}
      decoding="async"
      onError={() => setFailed(true)}
    />
  )
}
