import QRCode from "qrcode"
import { useMemo } from "react"

/** A QR code drawn as one SVG path (qrcode's matrix, rendered synchronously so the page paints in one go). */
export function QrCode({ url, label }: { url: string; label: string }) {
  const { size, path } = useMemo(() => {
    const matrix = QRCode.create(url, { errorCorrectionLevel: "M" }).modules
    const parts: string[] = []
    for (let row = 0; row < matrix.size; row++) {
      for (let col = 0; col < matrix.size; col++) {
        if (matrix.get(row, col)) parts.push(`M${col + 4} ${row + 4}h1v1h-1z`)
      }
    }
    return { size: matrix.size + 8, path: parts.join("") }
  }, [url])
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      data-qr-url={url}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
      xmlns="http://www.w3.org/2000/svg"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#111" />
    </svg>
  )
}

export function scanUrl(storefrontUrl: string, kioskId: string, exhibitIds: string[]): string {
  return `${storefrontUrl.replace(/\/+$/, "")}/showroom/scan?k=${kioskId}&e=${exhibitIds.join(",")}`
}
