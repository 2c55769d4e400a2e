import QRCode from "qrcode"

/** A QR code as an SVG document (drawn on the server: no QR library in the page's JavaScript). */
export function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, width: 240 })
}
