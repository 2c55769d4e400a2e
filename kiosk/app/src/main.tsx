import { createRoot } from "react-dom/client"
import { App } from "./App"

declare global {
  interface Window {
    /** Paint marks for the lift → product-page benchmark: one per lift whose product page was committed. */
    __gwcPaints: { event_id: string; epoch_ms: number }[]
  }
}

window.__gwcPaints = window.__gwcPaints ?? []

// No pinch zoom, no double-tap zoom, no context menu on long press: this is a kiosk.
document.addEventListener("gesturestart", (event) => event.preventDefault())
document.addEventListener("contextmenu", (event) => event.preventDefault())
document.addEventListener(
  "touchmove",
  (event) => {
    if (event.touches.length > 1) event.preventDefault()
  },
  { passive: false }
)

if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/sw.js").catch(() => undefined)
}

createRoot(document.getElementById("root")!).render(<App />)
