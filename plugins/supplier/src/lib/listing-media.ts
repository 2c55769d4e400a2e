import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { MedusaError } from "@medusajs/framework/utils"
import sharp from "sharp"

/**
 * Images suppliers upload for their listings (商品图片). Each upload is checked to be a real
 * JPEG, PNG or WebP (by its content, not its name), then resized by sharp into WebP at the
 * seeded catalogue's widths (240 / 800 / 1600 px, plus 480 px) and stored under
 * `GWC_DATA_DIR/media/uploads/<supplier id>/<image id>-<size>.webp`, with `<image id>.json`
 * describing the set. The public GET route serves them; a listing may use only its own
 * supplier's uploads.
 */

export const IMAGE_WIDTHS = { thumb: 240, small: 480, medium: 800, large: 1600 } as const
export type ImageSize = keyof typeof IMAGE_WIDTHS
export const IMAGE_SIZES = Object.keys(IMAGE_WIDTHS) as ImageSize[]
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024
export const MAX_IMAGES_PER_UPLOAD = 10
export const UPLOAD_ROUTE = "/media/uploads"
const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"])
const WEBP_OPTIONS = { quality: 82, effort: 2 } as const

export const SUPPLIER_ID_PATTERN = /^sup_[0-9A-Za-z]{10,40}$/
export const IMAGE_FILE_PATTERN = /^([a-f0-9]{32})-(thumb|small|medium|large)\.webp$/

export interface SizedImage {
  url: string
  width: number
  height: number
}

export interface UploadedImage {
  id: string
  /** The URL to give a listing's `image_urls` (the medium size). */
  url: string
  sizes: Record<ImageSize, SizedImage>
}

export function uploadsRoot(): string {
  return path.join(process.env.GWC_DATA_DIR || path.resolve(".data"), "media", "uploads")
}

export function supplierUploadDir(supplierId: string): string {
  if (!SUPPLIER_ID_PATTERN.test(supplierId)) throw new MedusaError(MedusaError.Types.INVALID_DATA, "Invalid supplier id")
  return path.join(uploadsRoot(), supplierId)
}

function imageUrl(supplierId: string, id: string, size: ImageSize): string {
  // Relative like the seeded images' URLs, so they survive a change of host or port.
  return `${UPLOAD_ROUTE}/${supplierId}/${id}-${size}.webp`
}

export interface IncomingFile {
  originalname: string
  buffer: Buffer
  size: number
}

/** Reads what the file really is; a file sharp cannot read, or of another format, is refused. */
async function checkImage(file: IncomingFile): Promise<{ width: number; height: number; format: string }> {
  const name = file.originalname || "file"
  if (file.size > MAX_IMAGE_BYTES) throw new MedusaError(MedusaError.Types.INVALID_DATA, `图片 “${name}” 超过 10 MB / image "${name}" is larger than 10 MB`)
  const meta = await sharp(file.buffer, { failOn: "error" })
    .metadata()
    .catch(() => null)
  if (!meta?.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `“${name}” 不是 JPEG、PNG 或 WebP 图片 / "${name}" is not a JPEG, PNG or WebP image`)
  }
  if ((meta.pages ?? 1) > 1) throw new MedusaError(MedusaError.Types.INVALID_DATA, `“${name}” 是动图 / "${name}" is animated; upload a still image`)
  return { width: meta.width, height: meta.height, format: meta.format }
}

/**
 * Checks every file first (so one bad file stores nothing), then writes each image's sizes.
 * Files already written are removed again if a later one fails.
 */
export async function storeUploadedImages(supplierId: string, files: IncomingFile[], uploadedBy: string): Promise<UploadedImage[]> {
  if (!files.length) throw new MedusaError(MedusaError.Types.INVALID_DATA, "请选择图片（字段 files）/ no images: send them as multipart field \"files\"")
  const checked = []
  for (const file of files) checked.push({ file, meta: await checkImage(file) })
  const dir = supplierUploadDir(supplierId)
  await fs.promises.mkdir(dir, { recursive: true })
  const written: string[] = []
  const images: UploadedImage[] = []
  try {
    for (const { file, meta } of checked) {
      const id = randomBytes(16).toString("hex")
      const sizes = {} as Record<ImageSize, SizedImage>
      for (const size of IMAGE_SIZES) {
        const target = path.join(dir, `${id}-${size}.webp`)
        const info = await sharp(file.buffer)
          .rotate() // honour EXIF orientation from phone cameras
          .resize({ width: IMAGE_WIDTHS[size], withoutEnlargement: true })
          .webp(WEBP_OPTIONS)
          .toFile(target)
        written.push(target)
        sizes[size] = { url: imageUrl(supplierId, id, size), width: info.width, height: info.height }
      }
      const record = { id, supplier_id: supplierId, uploaded_by: uploadedBy, original: { name: file.originalname, format: meta.format, width: meta.width, height: meta.height, bytes: file.size }, sizes, created_at: new Date().toISOString() }
      const sidecar = path.join(dir, `${id}.json`)
      await fs.promises.writeFile(sidecar, JSON.stringify(record))
      written.push(sidecar)
      images.push({ id, url: sizes.medium.url, sizes })
    }
  } catch (error) {
    await Promise.all(written.map((f) => fs.promises.rm(f, { force: true })))
    throw error
  }
  return images
}

const URL_PATTERN = /^(?:https?:\/\/[^/]+)?\/media\/uploads\/(sup_[0-9A-Za-z]{10,40})\/([a-f0-9]{32})-(?:thumb|small|medium|large)\.webp$/

/**
 * Resolves a listing's `image_urls` (any size URL of an upload, relative or absolute) to the
 * supplier's stored image sets. Another supplier's upload, an outside URL or a missing file is
 * refused with a reason naming the URL.
 */
export async function resolveListingImages(supplierId: string, urls: string[], cache = new Map<string, UploadedImage | null>()): Promise<{ images: UploadedImage[] } | { error: string }> {
  const images: UploadedImage[] = []
  for (const url of urls) {
    const match = URL_PATTERN.exec(url.trim())
    if (!match || match[1] !== supplierId) {
      return { error: `图片须先通过 /supplier/uploads 上传 / image_urls must come from your own uploads (POST /supplier/uploads): ${url.slice(0, 120)}` }
    }
    const id = match[2]
    if (!cache.has(id)) cache.set(id, await readUpload(supplierId, id))
    const image = cache.get(id)
    if (!image) return { error: `找不到上传的图片 / uploaded image not found: ${url.slice(0, 120)}` }
    if (!images.some((i) => i.id === id)) images.push(image)
  }
  return { images }
}

async function readUpload(supplierId: string, id: string): Promise<UploadedImage | null> {
  const file = path.join(supplierUploadDir(supplierId), `${id}.json`)
  const text = await fs.promises.readFile(file, "utf8").catch(() => null)
  if (!text) return null
  const record = JSON.parse(text) as { sizes: Record<ImageSize, SizedImage> }
  return { id, url: record.sizes.medium.url, sizes: record.sizes }
}

/** The product fields for a listing's images, shaped like the seeded products' (first image leads). */
export function productImageFields(images: UploadedImage[]): { thumbnail: string | null; images: { url: string }[]; metadataImages: Record<string, SizedImage> | null } {
  if (!images.length) return { thumbnail: null, images: [], metadataImages: null }
  return { thumbnail: images[0].sizes.thumb.url, images: images.map((i) => ({ url: i.sizes.medium.url })), metadataImages: images[0].sizes }
}

/** The path of a served upload, or null when the name could escape the uploads folder. */
export function uploadFilePath(supplier: string, file: string): string | null {
  if (!SUPPLIER_ID_PATTERN.test(supplier) || !IMAGE_FILE_PATTERN.test(file)) return null
  const root = uploadsRoot()
  const full = path.resolve(root, supplier, file)
  return full.startsWith(root + path.sep) ? full : null
}
