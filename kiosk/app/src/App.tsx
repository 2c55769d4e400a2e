import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react"
import { flushSync } from "react-dom"
import type { KioskBundle, KioskExhibit, KioskTagEvent } from "../../shared/types"
import { t, type Lang } from "./i18n"
import { AttractScreen, CompareScreen, LockedScreen, ProductScreen } from "./screens"
import { loadCachedBundle, prefetchImages, saveBundle } from "./store"

export type View =
  | { screen: "attract" }
  | { screen: "product"; exhibitId: string; eventId: string | null; lifted: boolean }
  | { screen: "compare"; exhibitIds: string[]; liftedId: string | null }

const ATTRACT: View = { screen: "attract" }
const RETRY_MS = 30_000
const SSE_REOPEN_MS = 1000

export function App() {
  const [bundle, setBundle] = useState<KioskBundle | null>(null)
  const [loaded, setLoaded] = useState(false)
  const [lang, setLang] = useState<Lang>("zh")
  const [view, setView] = useState<View>(ATTRACT)
  const [locked, setLocked] = useState(false)
  const [online, setOnline] = useState(true)

  const bundleRef = useRef<KioskBundle | null>(null)
  const viewRef = useRef<View>(view)
  viewRef.current = view
  const seenEvents = useRef(new Set<string>())

  /** EPC (upper-case hex) → exhibit, from the bundle: lifts resolve locally, with or without the backend. */
  const epcMap = useMemo(() => {
    const map = new Map<string, KioskExhibit>()
    for (const exhibit of bundle?.exhibits ?? []) for (const epc of exhibit.epcs) map.set(epc.toUpperCase(), exhibit)
    return map
  }, [bundle])
  const epcMapRef = useRef(epcMap)
  epcMapRef.current = epcMap

  const applyBundle = useCallback((next: KioskBundle) => {
    if (bundleRef.current?.version === next.version) return
    bundleRef.current = next
    setBundle(next)
  }, [])

  const refreshBundle = useCallback(async (): Promise<boolean> => {
    try {
      const response = await fetch("/api/bundle", { cache: "no-store", headers: { accept: "application/json" } })
      if (response.status === 401 || response.status === 403) {
        setLocked(true)
        return false
      }
      if (!response.ok) {
        setOnline(false)
        return false
      }
      const next = (await response.json()) as KioskBundle
      setLocked(false)
      setOnline(true)
      applyBundle(next)
      await saveBundle(next).catch(() => undefined)
      void prefetchImages(next)
      return true
    } catch {
      setOnline(false)
      return false
    }
  }, [applyBundle])

  // IndexedDB first (instant, offline), then the agent's fresh copy.
  useEffect(() => {
    let cancelled = false
    void (async () => {
      const cached = await loadCachedBundle()
      if (cancelled) return
      if (cached && !bundleRef.current) applyBundle(cached)
      if (cached) setLoaded(true)
      await refreshBundle()
      if (!cancelled) setLoaded(true)
    })()
    const retry = setInterval(() => {
      if (!navigator.onLine || document.hidden) return
      void refreshBundle()
    }, RETRY_MS)
    return () => {
      cancelled = true
      clearInterval(retry)
    }
  }, [applyBundle, refreshBundle])

  const resetToAttract = useCallback(() => {
    setView(ATTRACT)
    setLang("zh")
    window.scrollTo(0, 0)
  }, [])

  const onTagEvent = useCallback(
    (event: KioskTagEvent) => {
      if (!event || typeof event.id !== "string" || typeof event.epc !== "string") return
      const key = `${event.type}:${event.id}`
      if (seenEvents.current.has(key)) return
      seenEvents.current.add(key)
      if (seenEvents.current.size > 5000) seenEvents.current = new Set([...seenEvents.current].slice(-1000))
      // Resolved locally from the bundle's EPC map; events relayed from the backend may also name the exhibit.
      const relayedExhibitId = (event as KioskTagEvent & { exhibit_id?: string | null }).exhibit_id
      const exhibit =
        epcMapRef.current.get(event.epc.toUpperCase()) ??
        (relayedExhibitId ? bundleRef.current?.exhibits.find((e) => e.id === relayedExhibitId) : undefined)
      if (!exhibit) return // not one of this centre's exhibits
      if (event.type === "lift") {
        // Commit synchronously: the product page is on screen by the next frame.
        flushSync(() => setView({ screen: "product", exhibitId: exhibit.id, eventId: event.id, lifted: true }))
      } else if (event.type === "replace") {
        const current = viewRef.current
        const shown =
          current.screen === "product" ? current.exhibitId : current.screen === "compare" ? current.liftedId : null
        if (shown === exhibit.id) resetToAttract()
      }
    },
    [resetToAttract]
  )

  // The agent's event stream (same origin): tag events, bundle changes, revocation, backend status.
  // EventSource retries dropped connections itself (with Last-Event-ID, so the agent replays what was missed) but
  // gives up on an error response (agent restarting behind a proxy, 5xx): then open a new one after a pause.
  useEffect(() => {
    let source: EventSource | null = null
    let reopen: ReturnType<typeof setTimeout> | undefined
    let stopped = false
    const parse = (message: Event) => {
      try {
        return JSON.parse((message as MessageEvent).data as string)
      } catch {
        return null
      }
    }
    const open = () => {
      if (stopped) return
      const es = new EventSource("/agent/events")
      source = es
      es.addEventListener("tag", (message) => onTagEvent(parse(message)))
      for (const type of ["lift", "replace"] as const) {
        es.addEventListener(type, (message) => {
          const data = parse(message)
          if (data) onTagEvent({ ...data, type })
        })
      }
      es.addEventListener("bundle-changed", () => void refreshBundle())
      es.addEventListener("revoked", () => {
        setLocked(true)
        setView(ATTRACT)
      })
      es.addEventListener("status", (message) => {
        const data = parse(message) as { backend_online?: boolean } | null
        if (!data || typeof data.backend_online !== "boolean") return
        const nowOnline = data.backend_online
        setOnline((was) => {
          if (!was && nowOnline) void refreshBundle()
          return nowOnline
        })
      })
      es.onerror = () => {
        if (es.readyState !== EventSource.CLOSED) return
        es.close()
        clearTimeout(reopen)
        reopen = setTimeout(open, SSE_REOPEN_MS)
      }
    }
    open()
    return () => {
      stopped = true
      clearTimeout(reopen)
      source?.close()
    }
  }, [onTagEvent, refreshBundle])

  // Idle: no touch for idle_timeout_ms → back to the attract loop, visitor state cleared.
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const idleMs = bundle?.idle_timeout_ms ?? 60_000
  const armIdle = useCallback(() => {
    clearTimeout(idleTimer.current)
    if (viewRef.current.screen === "attract" && lang === "zh") return
    idleTimer.current = setTimeout(resetToAttract, idleMs)
  }, [idleMs, lang, resetToAttract])
  useEffect(() => {
    armIdle()
    return () => clearTimeout(idleTimer.current)
  }, [view, armIdle])
  useEffect(() => {
    const onInteraction = () => armIdle()
    const kinds = ["pointerdown", "touchstart", "keydown", "wheel"] as const
    for (const kind of kinds) window.addEventListener(kind, onInteraction, { passive: true, capture: true })
    return () => {
      for (const kind of kinds) window.removeEventListener(kind, onInteraction, { capture: true })
    }
  }, [armIdle])

  // An exhibit withdrawn by a bundle update cannot stay on screen: fall back to the attract loop.
  const viewShowable =
    !bundle ||
    view.screen === "attract" ||
    (view.screen === "product" && bundle.exhibits.some((e) => e.id === view.exhibitId)) ||
    (view.screen === "compare" && view.exhibitIds.some((id) => bundle.exhibits.some((e) => e.id === id)))
  useEffect(() => {
    if (!viewShowable) resetToAttract()
  }, [viewShowable, resetToAttract])
  const screen = locked ? "locked" : !bundle ? "loading" : viewShowable ? view.screen : "attract"
  useLayoutEffect(() => {
    document.body.dataset.screen = screen
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en"
  }, [screen, lang])

  const openExhibit = useCallback((exhibitId: string) => {
    setView({ screen: "product", exhibitId, eventId: null, lifted: false })
  }, [])

  if (locked) return <LockedScreen />
  if (!bundle) {
    return (
      <main className="screen loading" aria-busy={!loaded}>
        <p className="loading-text">
          {loaded ? `${t("zh", "unavailable")} · ${t("en", "unavailable")}` : `${t("zh", "loading")} ${t("en", "loading")}`}
        </p>
      </main>
    )
  }

  const toggle = (
    <button type="button" className="lang-toggle" onClick={() => setLang((l) => (l === "zh" ? "en" : "zh"))} data-testid="lang-toggle">
      {t(lang, "toggle")}
    </button>
  )
  const offline = !online ? (
    <span className="offline-badge" role="status">
      {t(lang, "offline")}
    </span>
  ) : null
  const chrome = (
    <header className="topbar">
      <div className="topbar-centre">
        <span className="centre-name">{lang === "en" && bundle.centre.name_en ? bundle.centre.name_en : bundle.centre.name}</span>
        {bundle.zone.code || bundle.zone.name ? (
          <span className="zone-name">
            {[bundle.zone.code, lang === "en" && bundle.zone.name_en ? bundle.zone.name_en : bundle.zone.name].filter(Boolean).join(" · ")}
          </span>
        ) : null}
      </div>
      {offline}
      {toggle}
    </header>
  )

  if (view.screen === "product") {
    const exhibit = bundle.exhibits.find((e) => e.id === view.exhibitId)
    if (exhibit) {
      return (
        <ProductScreen
          key={view.eventId ?? `tap:${exhibit.id}`}
          bundle={bundle}
          exhibit={exhibit}
          eventId={view.eventId}
          lang={lang}
          chrome={chrome}
          onBack={resetToAttract}
          onCompare={(otherId) => setView({ screen: "compare", exhibitIds: [exhibit.id, otherId], liftedId: view.lifted ? exhibit.id : null })}
        />
      )
    }
  }
  if (view.screen === "compare") {
    const exhibits = view.exhibitIds.map((id) => bundle.exhibits.find((e) => e.id === id)).filter((e): e is KioskExhibit => !!e)
    if (exhibits.length > 0) {
      return (
        <CompareScreen
          bundle={bundle}
          exhibits={exhibits}
          lang={lang}
          chrome={chrome}
          onBack={() => setView({ screen: "product", exhibitId: exhibits[0]!.id, eventId: null, lifted: view.liftedId === exhibits[0]!.id })}
          onChange={(ids) => setView({ ...view, exhibitIds: ids })}
        />
      )
    }
  }
  return <AttractScreen bundle={bundle} lang={lang} chrome={chrome} onOpen={openExhibit} />
}
