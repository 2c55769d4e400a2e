/**
 * The specification attributes (规格参数) listings use: the same 41 keys, labels and units as the
 * seeded catalogue (`seed/src/catalogue/vocabulary.ts` ATTRIBUTES; plugins share no source, and
 * `tests/unit/supplier-listing.test.ts` checks the two stay equal). A supplier's spec whose key
 * (or Chinese/English label) is one of these is stored with these labels, so comparison, facets
 * and search treat it like a seeded product's; other keys are kept as the supplier wrote them.
 */
export interface SpecAttribute {
  key: string
  label_zh: string
  label_en: string
  unit?: string
  type: "text" | "number" | "boolean"
}

export const SPEC_ATTRIBUTES: readonly SpecAttribute[] = [
  { key: "brand", label_zh: "品牌", label_en: "Brand", type: "text" },
  { key: "model", label_zh: "型号", label_en: "Model", type: "text" },
  { key: "dimensions", label_zh: "尺寸", label_en: "Dimensions", unit: "mm", type: "text" },
  { key: "power", label_zh: "功率", label_en: "Power", unit: "W", type: "number" },
  { key: "warranty_months", label_zh: "质保期", label_en: "Warranty", unit: "月", type: "number" },
  { key: "energy_label", label_zh: "节能认证", label_en: "Energy label", type: "text" },
  { key: "origin_region", label_zh: "产地", label_en: "Origin", type: "text" },
  { key: "after_sales_response_hours", label_zh: "售后响应时间", label_en: "After-sales response", unit: "小时", type: "number" },
  { key: "weight_kg", label_zh: "重量", label_en: "Weight", unit: "kg", type: "number" },
  { key: "material", label_zh: "材质", label_en: "Material", type: "text" },
  { key: "color", label_zh: "颜色", label_en: "Colour", type: "text" },
  { key: "carbon_neutral", label_zh: "双碳标识", label_en: "Carbon-neutral label", type: "boolean" },
  { key: "xinchuang", label_zh: "信创适配", label_en: "Domestic IT (Xinchuang) certified", type: "boolean" },
  { key: "print_speed_ppm", label_zh: "打印速度", label_en: "Print speed", unit: "页/分钟", type: "number" },
  { key: "screen_size_inch", label_zh: "屏幕尺寸", label_en: "Screen size", unit: "英寸", type: "number" },
  { key: "cpu", label_zh: "处理器", label_en: "Processor", type: "text" },
  { key: "memory_gb", label_zh: "内存", label_en: "Memory", unit: "GB", type: "number" },
  { key: "storage_gb", label_zh: "存储容量", label_en: "Storage", unit: "GB", type: "number" },
  { key: "luminous_flux_lm", label_zh: "光通量", label_en: "Luminous flux", unit: "lm", type: "number" },
  { key: "min_rental_period", label_zh: "最短租期", label_en: "Minimum rental period", type: "text" },
  { key: "deposit_cny", label_zh: "押金", label_en: "Deposit", unit: "元", type: "number" },
  { key: "delivery_included", label_zh: "含送装", label_en: "Delivery and set-up included", type: "boolean" },
  { key: "seats", label_zh: "座位数", label_en: "Seats", unit: "座", type: "number" },
  { key: "fuel_type", label_zh: "能源类型", label_en: "Energy type", type: "text" },
  { key: "insurance_included", label_zh: "含保险", label_en: "Insurance included", type: "boolean" },
  { key: "driver_included", label_zh: "含驾驶员", label_en: "Driver included", type: "boolean" },
  { key: "capacity_people", label_zh: "容纳人数", label_en: "Capacity", unit: "人", type: "number" },
  { key: "area_sqm", label_zh: "面积", label_en: "Floor area", unit: "㎡", type: "number" },
  { key: "av_included", label_zh: "含音视频设备", label_en: "AV equipment included", type: "boolean" },
  { key: "service_area", label_zh: "服务区域", label_en: "Service area", type: "text" },
  { key: "team_size", label_zh: "服务团队人数", label_en: "Team size", unit: "人", type: "number" },
  { key: "service_hours", label_zh: "服务时段", label_en: "Service hours", type: "text" },
  { key: "certification", label_zh: "资质认证", label_en: "Certification", type: "text" },
  { key: "energy_saving_rate", label_zh: "节能率", label_en: "Energy saving rate", unit: "%", type: "number" },
  { key: "coverage_amount", label_zh: "保额", label_en: "Sum insured", unit: "万元", type: "number" },
  { key: "shelf_life_days", label_zh: "保质期", label_en: "Shelf life", unit: "天", type: "number" },
  { key: "net_content", label_zh: "净含量", label_en: "Net content", type: "text" },
  { key: "storage_method", label_zh: "储存方式", label_en: "Storage", type: "text" },
  { key: "craft", label_zh: "工艺", label_en: "Craft", type: "text" },
  { key: "patent_count", label_zh: "专利数量", label_en: "Patents", unit: "项", type: "number" },
  { key: "battery_wh", label_zh: "电池容量", label_en: "Battery capacity", unit: "Wh", type: "number" },
]
