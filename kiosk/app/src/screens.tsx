import { useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from "react"
import type { KioskBundle, KioskExhibit, KioskTheme, LocalizedRow } from "../../shared/types"
import { formatDateRange, formatEventTime, formatPrice, kindLabel, t, type Lang } from "./i18n"
import { QrCode, scanUrl } from "./qr"
import { mediaUrl } from "./store"

const HERO_CYCLE_MS = 7000
const MAX_COMPARE = 4

function pick(lang: Lang, zh: string | null | undefined, en: string | null | undefined): string {
  return (lang === "en" && en ? en : zh) ?? ""
}

function Img({ src, alt, className }: { src: string | null | undefined; alt: string; className?: string }) {
  const url = mediaUrl(src)
  if (!url) return <div className={`img-placeholder ${className ?? ""}`} aria-hidden="true" />
  return <img className={className} src={url} alt={alt} draggable={false} decoding="async" />
}

// ---------------------------------------------------------------------------
// Attract loop
// ---------------------------------------------------------------------------

function featuredExhibits(bundle: KioskBundle, theme: KioskTheme | null): KioskExhibit[] {
  const byId = new Map(bundle.exhibits.map((e) => [e.id, e]))
  const out: KioskExhibit[] = []
  const add = (e: KioskExhibit | undefined) => {
    if (e && !out.includes(e)) out.push(e)
  }
  for (const id of theme?.featured_exhibit_ids ?? []) add(byId.get(id))
  for (const productId of theme?.featured_product_ids ?? []) add(bundle.exhibits.find((e) => e.product.id === productId))
  if (out.length === 0) for (const e of bundle.exhibits.filter((e) => e.zone_id === bundle.zone.id).slice(0, 6)) add(e)
  return out.slice(0, 6)
}

export function AttractScreen(props: { bundle: KioskBundle; lang: Lang; chrome: ReactNode; onOpen: (exhibitId: string) => void }) {
  const { bundle, lang } = props
  const theme = bundle.theme
  const hero = theme?.hero_media ?? []
  const [slide, setSlide] = useState(0)
  useEffect(() => {
    if (hero.length < 2) return
    const timer = setInterval(() => setSlide((s) => (s + 1) % hero.length), HERO_CYCLE_MS)
    return () => clearInterval(timer)
  }, [hero.length])
  const featured = useMemo(() => featuredExhibits(bundle, theme), [bundle, theme])
  const now = Date.now()
  const events = [...(theme?.events ?? []), ...(bundle.next_theme?.events ?? [])]
    .filter((e) => Date.parse(e.ends_at) > now)
    .sort((a, b) => Date.parse(a.starts_at) - Date.parse(b.starts_at))
    .slice(0, 4)

  return (
    <main className="screen attract" data-theme-id={theme?.id ?? ""}>
      {props.chrome}
      <section className="hero" aria-roledescription="carousel">
        {hero.map((media, index) => (
          <div key={`${media.url}-${index}`} className={`hero-slide${index === slide % Math.max(hero.length, 1) ? " active" : ""}`}>
            {media.kind === "video" ? (
              <video src={mediaUrl(media.url) ?? undefined} autoPlay muted loop playsInline />
            ) : (
              <Img src={media.url} alt={media.alt ?? theme?.title ?? ""} />
            )}
          </div>
        ))}
        <div className="hero-text">
          {theme ? (
            <>
              <p className="theme-dates">{formatDateRange(lang, theme.starts_on, theme.ends_on)}</p>
              <h1 className="theme-title">{pick(lang, theme.title, theme.title_en)}</h1>
              {pick(lang, theme.story, theme.story_en) ? <p className="theme-story">{pick(lang, theme.story, theme.story_en)}</p> : null}
            </>
          ) : (
            <h1 className="theme-title">{t(lang, "noTheme")}</h1>
          )}
        </div>
        {hero.length > 1 ? (
          <div className="hero-dots" aria-hidden="true">
            {hero.map((_, index) => (
              <span key={index} className={index === slide ? "dot active" : "dot"} />
            ))}
          </div>
        ) : null}
      </section>

      <p className="prompt" data-testid="attract-prompt">
        <span className="prompt-icon" aria-hidden="true">
          ↑
        </span>
        <span>
          <strong>{t("zh", "prompt")}</strong>
          <span className="prompt-en">{t("en", "prompt")}</span>
        </span>
      </p>

      <div className="attract-body">
        <section className="featured" aria-labelledby="featured-h">
          <h2 id="featured-h">{t(lang, "featured")}</h2>
          <div className="featured-grid">
            {featured.map((exhibit) => (
              <button key={exhibit.id} type="button" className="card" onClick={() => props.onOpen(exhibit.id)} data-exhibit-id={exhibit.id}>
                <Img src={exhibit.product.thumbnail ?? exhibit.product.images[0]} alt="" className="card-img" />
                <span className="card-title">{exhibit.product.title}</span>
                <span className="card-price">{formatPrice(exhibit.product.price) ?? t(lang, "priceOnRequest")}</span>
              </button>
            ))}
          </div>
        </section>
        <section className="events" aria-labelledby="events-h">
          <h2 id="events-h">{t(lang, "events")}</h2>
          {events.length === 0 ? <p className="muted">{t(lang, "noEvents")}</p> : null}
          <ul>
            {events.map((event) => (
              <li key={event.id} className="event" data-event-id={event.id}>
                <span className="event-title">{pick(lang, event.title, event.title_en)}</span>
                <span className="event-time">{formatEventTime(lang, event.starts_at, event.ends_at)}</span>
                {event.location ? <span className="event-location">{event.location}</span> : null}
                <span className={event.seats_left > 0 ? "event-seats" : "event-seats full"}>
                  {event.seats_left > 0 ? `${t(lang, "seatsLeft")} ${event.seats_left} / ${event.capacity}` : t(lang, "full")}
                </span>
              </li>
            ))}
          </ul>
          {bundle.next_theme ? (
            <p className="next-theme">
              {t(lang, "nextTheme")}：{pick(lang, bundle.next_theme.title, bundle.next_theme.title_en)}
            </p>
          ) : null}
        </section>
      </div>
    </main>
  )
}

// ---------------------------------------------------------------------------
// Product page
// ---------------------------------------------------------------------------

function Rows({ rows, lang, className }: { rows: LocalizedRow[]; lang: Lang; className: string }) {
  return (
    <dl className={className}>
      {rows.map((row, index) => (
        <div key={`${row.label_zh}-${index}`} className="row">
          <dt>{lang === "en" ? row.label_en : row.label_zh}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Records the paint mark the lift → product page benchmark reads (exactly this shape). */
function usePaintMark(eventId: string | null) {
  useLayoutEffect(() => {
    if (!eventId) return
    requestAnimationFrame(() => {
      window.__gwcPaints.push({ event_id: eventId, epoch_ms: performance.timeOrigin + performance.now() })
      performance.mark(`gwc:painted:${eventId}`)
    })
  }, [eventId])
}

export function ProductScreen(props: {
  bundle: KioskBundle
  exhibit: KioskExhibit
  eventId: string | null
  lang: Lang
  chrome: ReactNode
  onBack: () => void
  onCompare: (exhibitId: string) => void
}) {
  const { bundle, exhibit, lang } = props
  const product = exhibit.product
  usePaintMark(props.eventId)
  const images = product.images.length > 0 ? product.images : product.thumbnail ? [product.thumbnail] : []
  const [imageIndex, setImageIndex] = useState(0)
  const others = bundle.exhibits.filter((e) => e.zone_id === exhibit.zone_id && e.id !== exhibit.id)
  const price = formatPrice(product.price)
  const qr = scanUrl(bundle.storefront_url, bundle.kiosk.id, [exhibit.id])

  return (
    <main className="screen product" data-exhibit-id={exhibit.id} data-event-id={props.eventId ?? ""}>
      {props.chrome}
      <div className="product-layout">
        <section className="gallery">
          <Img src={images[imageIndex]} alt={product.title} className="gallery-main" />
          {images.length > 1 ? (
            <div className="gallery-thumbs">
              {images.slice(0, 5).map((src, index) => (
                <button
                  key={`${src}-${index}`}
                  type="button"
                  className={index === imageIndex ? "thumb active" : "thumb"}
                  onClick={() => setImageIndex(index)}
                  aria-label={`${index + 1}`}
                >
                  <Img src={src} alt="" />
                </button>
              ))}
            </div>
          ) : null}
        </section>
        <section className="details">
          <p className="kind-badge">
            {kindLabel(lang, product.kind)}
            {exhibit.plinth ? ` · ${t(lang, "plinth")} ${exhibit.plinth}` : ""}
          </p>
          <h1 className="product-title">{product.title}</h1>
          {product.subtitle ? <p className="product-subtitle">{product.subtitle}</p> : null}
          <p className="product-price" data-testid="price">
            {price ?? t(lang, "priceOnRequest")}
          </p>
          {product.variant.title && product.variant.title !== "Default variant" ? <p className="variant">{product.variant.title}</p> : null}
          {product.supplier ? (
            <p className="supplier" data-testid="supplier">
              <span className="label">{t(lang, "supplier")}</span> {product.supplier.name}
            </p>
          ) : null}
          {product.specs.length > 0 ? (
            <>
              <h2>{t(lang, "specs")}</h2>
              <Rows rows={product.specs} lang={lang} className="specs" />
            </>
          ) : null}
          {product.terms.length > 0 ? (
            <>
              <h2>{t(lang, "terms")}</h2>
              <Rows rows={product.terms} lang={lang} className="terms" />
            </>
          ) : null}
        </section>
        <aside className="side">
          <div className="qr-card">
            <QrCode url={qr} label={t(lang, "scan")} />
            <p>{t(lang, "scan")}</p>
          </div>
          {others.length > 0 ? (
            <div className="compare-with">
              <h2>{t(lang, "compareWith")}</h2>
              <div className="compare-options">
                {others.slice(0, 6).map((other) => (
                  <button key={other.id} type="button" className="compare-option" onClick={() => props.onCompare(other.id)} data-exhibit-id={other.id}>
                    <Img src={other.product.thumbnail ?? other.product.images[0]} alt="" />
                    <span>{other.product.title}</span>
                  </button>
                ))}
              </div>
            </div>
          ) : null}
        </aside>
      </div>
      <footer className="bottombar">
        <button type="button" className="back" onClick={props.onBack}>
          ← {t(lang, "back")}
        </button>
      </footer>
    </main>
  )
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

export function CompareScreen(props: {
  bundle: KioskBundle
  exhibits: KioskExhibit[]
  lang: Lang
  chrome: ReactNode
  onBack: () => void
  onChange: (exhibitIds: string[]) => void
}) {
  const { bundle, exhibits, lang } = props
  const ids = exhibits.map((e) => e.id)
  const zoneId = exhibits[0]!.zone_id
  const candidates = bundle.exhibits.filter((e) => e.zone_id === zoneId && !ids.includes(e.id))
  const qr = scanUrl(bundle.storefront_url, bundle.kiosk.id, ids)
  const rowLabels = (pickRows: (e: KioskExhibit) => LocalizedRow[]) => {
    const labels: LocalizedRow[] = []
    for (const e of exhibits) for (const row of pickRows(e)) if (!labels.some((l) => l.label_zh === row.label_zh)) labels.push(row)
    return labels
  }
  const specLabels = rowLabels((e) => e.product.specs)
  const termLabels = rowLabels((e) => e.product.terms)
  const cell = (e: KioskExhibit, rows: LocalizedRow[], label: string) => rows.find((r) => r.label_zh === label)?.value ?? "—"

  return (
    <main className="screen compare" data-exhibit-ids={ids.join(",")}>
      {props.chrome}
      <h1 className="compare-title">{t(lang, "comparison")}</h1>
      <div className="compare-scroll">
        <table className="compare-table" style={{ ["--cols" as string]: exhibits.length }}>
          <thead>
            <tr>
              <th scope="row" />
              {exhibits.map((e, index) => (
                <th key={e.id} scope="col" data-exhibit-id={e.id}>
                  <Img src={e.product.thumbnail ?? e.product.images[0]} alt="" className="compare-img" />
                  <span className="compare-name">{e.product.title}</span>
                  {index > 0 ? (
                    <button type="button" className="remove" onClick={() => props.onChange(ids.filter((id) => id !== e.id))}>
                      {t(lang, "remove")}
                    </button>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t(lang, "price")}</th>
              {exhibits.map((e) => (
                <td key={e.id} className="compare-price">
                  {formatPrice(e.product.price) ?? t(lang, "priceOnRequest")}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(lang, "kind")}</th>
              {exhibits.map((e) => (
                <td key={e.id}>{kindLabel(lang, e.product.kind)}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t(lang, "supplier")}</th>
              {exhibits.map((e) => (
                <td key={e.id}>{e.product.supplier?.name ?? "—"}</td>
              ))}
            </tr>
            {[...specLabels.map((l) => ({ l, pick: (e: KioskExhibit) => e.product.specs })), ...termLabels.map((l) => ({ l, pick: (e: KioskExhibit) => e.product.terms }))].map(
              ({ l, pick: rows }) => (
                <tr key={`${l.label_zh}`}>
                  <th scope="row">{lang === "en" ? l.label_en : l.label_zh}</th>
                  {exhibits.map((e) => (
                    <td key={e.id}>{cell(e, rows(e), l.label_zh)}</td>
                  ))}
                </tr>
              )
            )}
          </tbody>
        </table>
      </div>
      <div className="compare-footer">
        <div className="qr-card">
          <QrCode url={qr} label={t(lang, "scanCompare")} />
          <p>{t(lang, "scanCompare")}</p>
        </div>
        {exhibits.length < MAX_COMPARE && candidates.length > 0 ? (
          <div className="compare-with">
            <h2>{t(lang, "compareWith")}</h2>
            <p className="muted">{t(lang, "comparisonHint")}</p>
            <div className="compare-options">
              {candidates.slice(0, 6).map((other) => (
                <button key={other.id} type="button" className="compare-option" onClick={() => props.onChange([...ids, other.id])} data-exhibit-id={other.id}>
                  <Img src={other.product.thumbnail ?? other.product.images[0]} alt="" />
                  <span>{other.product.title}</span>
                </button>
              ))}
            </div>
          </div>
        ) : null}
      </div>
      <footer className="bottombar">
        <button type="button" className="back" onClick={props.onBack}>
          ← {t(lang, "back")}
        </button>
      </footer>
    </main>
  )
}

export function LockedScreen() {
  return (
    <main className="screen locked" role="alert">
      <div className="lock-icon" aria-hidden="true">
        ⛔
      </div>
      <h1>{t("zh", "locked")}</h1>
      <p className="locked-en">{t("en", "locked")}</p>
      <p>
        {t("zh", "lockedHint")} · {t("en", "lockedHint")}
      </p>
    </main>
  )
}
