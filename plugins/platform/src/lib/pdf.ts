import fs from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import PDFDocument from "pdfkit"

/**
 * PDF documents with Chinese text (imported as `@gongwucang/platform/pdf`): order receipts,
 * comparison reports. PDFKit writes the PDF; the text is set in Noto Sans SC (the Google Fonts
 * TrueType build shipped by `@expo-google-fonts/noto-sans-sc`, SIL Open Font License), which
 * PDFKit embeds as a subset of the glyphs used, with a ToUnicode map, so a receipt stays a few
 * tens of KB and its text can be searched, copied and extracted.
 */

export type PdfDocument = PDFKit.PDFDocument

/** Font names registered on every document (`doc.font(CJK_FONT)`). */
export const CJK_FONT = "NotoSansSC"
export const CJK_FONT_BOLD = "NotoSansSC-Bold"

export const PDF_CONTENT_TYPE = "application/pdf"

const FONT_PACKAGE = "@expo-google-fonts/noto-sans-sc"
const FONT_FILES = {
  regular: "400Regular/NotoSansSC_400Regular.ttf",
  bold: "700Bold/NotoSansSC_700Bold.ttf",
} as const
export type CjkFontWeight = keyof typeof FONT_FILES

/** Where the font package is; it has no entry point to resolve, so its package.json is. */
function fontPackageDir(): string {
  // Medusa runs plugins as CommonJS; vitest also provides __filename.
  const anchor = typeof __filename === "string" ? __filename : path.join(process.cwd(), "noop.js")
  return path.dirname(createRequire(anchor).resolve(`${FONT_PACKAGE}/package.json`))
}

/** The TrueType file of the weight (each is ~10 MB with every CJK glyph). */
export function cjkFontFile(weight: CjkFontWeight = "regular"): string {
  return path.join(fontPackageDir(), FONT_FILES[weight])
}

// Read once per process: parsing starts from the bytes every time, reading them need not.
const fontBytes = new Map<CjkFontWeight, Buffer>()
function fontData(weight: CjkFontWeight): Buffer {
  let bytes = fontBytes.get(weight)
  if (!bytes) {
    bytes = fs.readFileSync(cjkFontFile(weight))
    fontBytes.set(weight, bytes)
  }
  return bytes
}

export interface CjkDocumentOptions {
  title: string
  author?: string
  subject?: string
  keywords?: string
  /** The document's language for screen readers and text extraction; default zh-CN. */
  lang?: string
  /**
   * The creation date written into the file. PDFKit derives the file id from the document
   * info, so a fixed date makes the same content render to the same bytes (a report whose
   * SHA-256 is published can then be regenerated). Default: now.
   */
  createdAt?: Date
  /** Page size (PDFKit names, e.g. "A4", or [width, height] in points); default A4. */
  size?: string | [number, number]
  /** Page margin in points; default 50. */
  margin?: number
  /** Keep pages open until the end, e.g. to write "page 1 of 3" footers (`doc.switchToPage`). */
  bufferPages?: boolean
}

/**
 * A PDFKit document with Noto Sans SC registered as CJK_FONT and CJK_FONT_BOLD and the
 * regular weight selected. Draw on it, then pass it to `pdfBuffer`.
 */
export function createCjkDocument(options: CjkDocumentOptions): PdfDocument {
  const doc = new PDFDocument({
    size: options.size ?? "A4",
    margin: options.margin ?? 50,
    lang: options.lang ?? "zh-CN",
    displayTitle: true,
    bufferPages: options.bufferPages ?? false,
    // /Lang and DisplayDocTitle are PDF 1.4 features (PDFKit declares 1.3 by default).
    pdfVersion: "1.7",
    info: {
      Title: options.title,
      ...(options.author ? { Author: options.author } : {}),
      ...(options.subject ? { Subject: options.subject } : {}),
      ...(options.keywords ? { Keywords: options.keywords } : {}),
      Creator: "现代公物仓 Gongwucang",
      CreationDate: options.createdAt ?? new Date(),
    },
  })
  doc.registerFont(CJK_FONT, fontData("regular"))
  doc.registerFont(CJK_FONT_BOLD, fontData("bold"))
  doc.font(CJK_FONT)
  return doc
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: PdfDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on("data", (chunk: Buffer) => chunks.push(chunk))
    doc.on("end", () => resolve(Buffer.concat(chunks)))
    doc.on("error", reject)
    doc.end()
  })
}

/** Creates a CJK document, lets `draw` fill it and returns the finished PDF. */
export async function renderCjkPdf(
  options: CjkDocumentOptions,
  draw: (doc: PdfDocument) => void | Promise<void>
): Promise<Buffer> {
  const doc = createCjkDocument(options)
  try {
    await draw(doc)
  } catch (error) {
    // Close the stream so a failed drawing does not leave it open; the drawing error wins.
    doc.end()
    throw error
  }
  return pdfBuffer(doc)
}

/**
 * `Content-Disposition: attachment` for a download, with an ASCII fallback name and the
 * RFC 5987 UTF-8 name, so Chinese file names (比价报告-….pdf) arrive intact.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`
}

/** The headers of a PDF download (type, disposition, length, no caching of personal data). */
export function pdfDownloadHeaders(filename: string, body: Buffer): Record<string, string> {
  return {
    "Content-Type": PDF_CONTENT_TYPE,
    "Content-Disposition": attachmentDisposition(filename),
    "Content-Length": String(body.length),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  }
}

/**
 * Writes a line into the bottom margin of every page (e.g. "第 1 / 2 页"). Needs a document
 * created with `bufferPages: true`; call it after the content, before `pdfBuffer`.
 */
export function addPageFooters(doc: PdfDocument, footer: (page: number, pages: number) => string, fontSize = 8): void {
  const range = doc.bufferedPageRange()
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index)
    const { margins, width, height } = doc.page
    // Text below the bottom margin would make PDFKit start a new page; lift the margin meanwhile.
    const bottom = margins.bottom
    margins.bottom = 0
    doc
      .font(CJK_FONT)
      .fontSize(fontSize)
      .fillColor("#666666")
      .text(footer(index - range.start + 1, range.count), margins.left, height - bottom / 2 - fontSize, {
        width: width - margins.left - margins.right,
        align: "center",
        lineBreak: false,
      })
    margins.bottom = bottom
  }
}
