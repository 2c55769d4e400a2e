// Vocabulary tables for the demo catalogue: data only. `generate.ts` combines them
// deterministically into suppliers, categories and products.

import type { OfferKind, SpecAttributeSeed } from "./types"

// ---------------------------------------------------------------------------
// Shapes of the tables
// ---------------------------------------------------------------------------

/** Where a spec value comes from: pick one of a list, or draw from a numeric range. */
export type SpecSource =
  | readonly string[]
  | readonly number[]
  | readonly boolean[]
  | { readonly range: readonly [number, number]; readonly step?: number }

/** A distinguishing descriptor used in titles; may tweak specs and the price. */
export type StyleDef =
  | string
  | { readonly label: string; readonly mult?: number; readonly specs?: Readonly<Record<string, string | number | boolean>> }

export interface OptionValueDef {
  readonly value: string
  /** Price factor relative to the first value. */
  readonly mult: number
}

export interface VariantDef {
  readonly title: string
  readonly values: readonly OptionValueDef[]
}

export type PeriodUnit = "day" | "week" | "month"

/** A vehicle or other fixed make/model pair with its own specs. */
export interface ModelDef {
  readonly brand: string
  readonly model: string
  readonly specs?: Readonly<Record<string, string | number | boolean>>
}

/**
 * One kind of product within a leaf category. Fields not relevant to a kind are left
 * out; generate.ts reads them per kind.
 */
export interface ProductTemplate {
  /** Product noun used in the title, e.g. "人体工学办公椅". */
  readonly noun: string
  /** ASCII noun for the handle, e.g. "ergonomic-chair". */
  readonly slug: string
  /** Price range (yuan) of the first variant: per item, per base rental period or per basic package. */
  readonly price: readonly [number, number]
  readonly styles: readonly StyleDef[]
  /** Selling points for the description (Chinese clauses without final punctuation). */
  readonly features: readonly string[]
  /** Kind-specific specs; keys must be declared in ATTRIBUTES. */
  readonly specs?: Readonly<Record<string, SpecSource>>
  /** Overrides the category's brand list. */
  readonly brands?: readonly string[]
  /** Fixed make/model pairs (vehicles) instead of brand + generated model number. */
  readonly models?: readonly ModelDef[]
  /** Suffixes appended to generated model numbers, e.g. "DN". */
  readonly modelSuffixes?: readonly string[]
  /** Width × depth × height ranges in mm. */
  readonly dims?: readonly [readonly [number, number], readonly [number, number], readonly [number, number]]
  readonly weight?: readonly [number, number]
  /** Rated power in W; only for electrical products. */
  readonly power?: readonly [number, number]
  readonly materials?: readonly string[]
  readonly colors?: readonly string[]
  /** Variant axis; "color" means one variant per colour drawn from `colors`. */
  readonly variant?: VariantDef | "color"
  /** Warranty choices in months; omitted for consumables. */
  readonly warranty?: readonly number[]
  readonly energyLabels?: readonly string[]
  /** Probability that the product carries the 双碳 label. */
  readonly carbonShare?: number
  readonly responseHours?: readonly number[]
  readonly tags?: readonly string[]
  // Specialty products
  /** Fixed place of origin, e.g. "四川省成都市郫都区". */
  readonly origin?: string
  /** Province whose suppliers are preferred, e.g. "四川省". */
  readonly province?: string
  /** The first variant value is the net content (净含量). */
  readonly variantIsNetContent?: boolean
  // Rentals
  readonly periodUnit?: PeriodUnit
  readonly periods?: readonly PeriodUnit[]
  readonly minPeriods?: readonly number[]
  readonly deposit?: readonly [number, number]
  /** Units available for rent. */
  readonly stock?: readonly [number, number]
  // Services
  /** How the package is billed, e.g. "按次", "按月". */
  readonly billing?: string
  readonly delivery?: "onsite" | "remote" | "both"
  readonly coverage?: "city" | "province" | "national"
  readonly teamSize?: readonly [number, number]
  readonly certifications?: readonly string[]
  readonly serviceHours?: readonly string[]
}

export interface LeafCategoryDef {
  readonly handle: string
  readonly name_zh: string
  readonly name_en: string
  /** Default brands for templates that do not list their own. */
  readonly brands: readonly string[]
  readonly templates: readonly ProductTemplate[]
}

export interface TopCategoryDef {
  readonly handle: string
  readonly name_zh: string
  readonly name_en: string
  readonly kind: OfferKind
  readonly color: string
  /** How many products of this kind to generate (spread evenly over the leaves). */
  readonly productCount: number
  readonly children: readonly LeafCategoryDef[]
}

export interface BrandDef {
  /** Where the brand's products are made (产地). */
  readonly origin: string
  /** Prefix of generated model numbers. */
  readonly prefix: string
}

export interface SupplierDef {
  readonly name: string
  /** Short trade name used in service titles. */
  readonly short: string
  readonly province: string
  /** City or, for municipalities, the district. */
  readonly city: string
  /** 6-digit administrative region code of the registering authority. */
  readonly regionCode: string
  /** Leaf category handles this supplier lists products in. */
  readonly categories: readonly string[]
}

// ---------------------------------------------------------------------------
// Spec attributes
// ---------------------------------------------------------------------------

export const ATTRIBUTES: readonly SpecAttributeSeed[] = [
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

// ---------------------------------------------------------------------------
// Brands
// ---------------------------------------------------------------------------

export const BRANDS: Readonly<Record<string, BrandDef>> = {
  得力: { origin: "浙江省宁波市", prefix: "DL" },
  晨光: { origin: "上海市", prefix: "MG" },
  齐心: { origin: "广东省深圳市", prefix: "QX" },
  真彩: { origin: "天津市", prefix: "ZC" },
  广博: { origin: "浙江省宁波市", prefix: "GB" },
  三木: { origin: "浙江省台州市", prefix: "SM" },
  圣奥: { origin: "浙江省杭州市", prefix: "SA" },
  永艺: { origin: "浙江省湖州市", prefix: "YY" },
  震旦: { origin: "上海市", prefix: "AD" },
  恒林: { origin: "浙江省湖州市", prefix: "HL" },
  黑白调: { origin: "浙江省湖州市", prefix: "HBT" },
  奔图: { origin: "广东省珠海市", prefix: "BP" },
  联想: { origin: "北京市", prefix: "LX" },
  华为: { origin: "广东省东莞市", prefix: "HW" },
  浪潮: { origin: "山东省济南市", prefix: "NF" },
  长城: { origin: "湖南省长沙市", prefix: "GW" },
  同方: { origin: "北京市", prefix: "TF" },
  紫光: { origin: "北京市", prefix: "UN" },
  曙光: { origin: "天津市", prefix: "SG" },
  汉光: { origin: "河北省邯郸市", prefix: "HG" },
  光电通: { origin: "天津市", prefix: "GDT" },
  立思辰: { origin: "北京市", prefix: "LSC" },
  海信: { origin: "山东省青岛市", prefix: "HX" },
  科达: { origin: "江苏省苏州市", prefix: "KD" },
  鸿合: { origin: "北京市", prefix: "HHT" },
  皓丽: { origin: "广东省广州市", prefix: "HRL" },
  小鱼易连: { origin: "北京市", prefix: "XY" },
  极米: { origin: "四川省成都市", prefix: "XM" },
  海尔: { origin: "山东省青岛市", prefix: "HR" },
  格力: { origin: "广东省珠海市", prefix: "GR" },
  美的: { origin: "广东省佛山市", prefix: "MD" },
  欧普照明: { origin: "江苏省苏州市", prefix: "OP" },
  雷士照明: { origin: "广东省惠州市", prefix: "NVC" },
  三雄极光: { origin: "广东省广州市", prefix: "SX" },
  佛山照明: { origin: "广东省佛山市", prefix: "FSL" },
  洲明: { origin: "广东省深圳市", prefix: "ZM" },
  宗申: { origin: "重庆市", prefix: "ZS" },
  大疆: { origin: "广东省深圳市", prefix: "DJ" },
  科大讯飞: { origin: "安徽省合肥市", prefix: "XF" },
  创想三维: { origin: "广东省深圳市", prefix: "CR" },
  正浩: { origin: "广东省深圳市", prefix: "EF" },
  比亚迪: { origin: "广东省深圳市", prefix: "BYD" },
  广汽埃安: { origin: "广东省广州市", prefix: "AION" },
  红旗: { origin: "吉林省长春市", prefix: "HQ" },
  上汽大通: { origin: "上海市", prefix: "SAIC" },
  吉利: { origin: "浙江省杭州市", prefix: "GL" },
  长安: { origin: "重庆市", prefix: "CA" },
  宇通: { origin: "河南省郑州市", prefix: "ZK" },
  // Local specialty producers: origin comes from the template, not the brand.
  鹃城: { origin: "四川省成都市郫都区", prefix: "JC" },
  丹丹: { origin: "四川省成都市郫都区", prefix: "DD" },
  蜀郫: { origin: "四川省成都市郫都区", prefix: "SP" },
  蒙顶山: { origin: "四川省雅安市名山区", prefix: "MDS" },
  雅茗: { origin: "四川省雅安市名山区", prefix: "YM" },
  竹叶青: { origin: "四川省乐山市峨眉山市", prefix: "ZYQ" },
  峨眉雪芽: { origin: "四川省乐山市峨眉山市", prefix: "EMX" },
  汉源贡椒: { origin: "四川省雅安市汉源县", prefix: "HYG" },
  椒乡: { origin: "四川省雅安市汉源县", prefix: "JX" },
  苍溪红: { origin: "四川省广元市苍溪县", prefix: "CXH" },
  诺水河: { origin: "四川省巴中市通江县", prefix: "NSH" },
  金乡蒜业: { origin: "山东省济宁市金乡县", prefix: "JXS" },
  蒜都: { origin: "山东省济宁市金乡县", prefix: "SD" },
  微山湖: { origin: "山东省济宁市微山县", prefix: "WSH" },
  湖韵: { origin: "山东省济宁市微山县", prefix: "HY" },
  鱼台香: { origin: "山东省济宁市鱼台县", prefix: "YTX" },
  孝贤: { origin: "山东省济宁市鱼台县", prefix: "XX" },
  泗水源: { origin: "山东省济宁市泗水县", prefix: "SSY" },
  凤牌: { origin: "云南省临沧市凤庆县", prefix: "FP" },
  滇红: { origin: "云南省临沧市凤庆县", prefix: "DH" },
  普洱古道: { origin: "云南省普洱市", prefix: "PEG" },
  保山咖语: { origin: "云南省保山市", prefix: "BSK" },
  熊猫邮礼: { origin: "四川省成都市", prefix: "XMY" },
  古蜀印记: { origin: "四川省德阳市广汉市", prefix: "GSY" },
  蜀韵: { origin: "四川省成都市", prefix: "SY" },
  尼山书院: { origin: "山东省济宁市曲阜市", prefix: "NSS" },
  孔府文创: { origin: "山东省济宁市曲阜市", prefix: "KFW" },
  运河记忆: { origin: "山东省济宁市", prefix: "YHJ" },
  蜀绣坊: { origin: "四川省成都市", prefix: "SXF" },
  锦官城: { origin: "四川省成都市", prefix: "JGC" },
  道明竹艺: { origin: "四川省成都市崇州市", prefix: "DMZ" },
  鲁锦坊: { origin: "山东省济宁市嘉祥县", prefix: "LJF" },
  嘉祥石艺: { origin: "山东省济宁市嘉祥县", prefix: "JXS" },
  尼山砚艺: { origin: "山东省济宁市曲阜市", prefix: "NSY" },
}

// ---------------------------------------------------------------------------
// Shared value lists
// ---------------------------------------------------------------------------

const POWERED_LABELS = ["中国节能认证", "能效1级", "能效2级", "中国节能认证"] as const
const FURNITURE_LABELS = ["中国环境标志", "中国环境标志", "无"] as const
const PLAIN_LABELS = ["无", "无", "中国环境标志"] as const
const DOMESTIC_CPUS = ["飞腾 D2000", "鲲鹏 920", "龙芯 3A6000", "海光 C86-3250", "兆芯 KX-7000"] as const
const FOOD_STORAGE = ["常温避光", "阴凉干燥处"] as const

/** CPU families on the 信创 (domestic IT innovation) list; a product with one of them is 信创-certified. */
export const DOMESTIC_CPU_FAMILIES: readonly string[] = ["飞腾", "鲲鹏", "龙芯", "海光", "兆芯"]

// ---------------------------------------------------------------------------
// Categories and product templates
// ---------------------------------------------------------------------------

export const CATEGORY_TREE: readonly TopCategoryDef[] = [
  {
    handle: "office-goods",
    name_zh: "办公用品与设备",
    name_en: "Office supplies & equipment",
    kind: "goods",
    color: "#2B6CB0",
    productCount: 168,
    children: [
      {
        handle: "office-stationery",
        name_zh: "办公文具",
        name_en: "Stationery",
        brands: ["得力", "晨光", "齐心", "真彩", "广博", "三木"],
        templates: [
          {
            noun: "中性笔", slug: "gel-pen", price: [2, 6],
            styles: ["0.5mm 子弹头", "0.38mm 全针管", "0.5mm 按动式", "0.7mm 大容量"],
            features: ["低粘度速干墨水，书写顺滑不断墨", "握笔区防滑软胶设计，久写不累", "墨水符合档案书写标准，字迹长期保存不褪色"],
            dims: [[140, 150], [9, 12], [9, 12]], weight: [0.01, 0.02], materials: ["ABS塑料"],
            colors: ["黑色", "蓝色", "红色"],
            variant: { title: "规格", values: [{ value: "单支", mult: 1 }, { value: "12支/盒", mult: 10.5 }, { value: "48支/桶", mult: 38 }] },
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "商务签字笔", slug: "signing-pen", price: [9, 30],
            styles: ["金属笔杆", "磨砂笔杆", "旋转出芯", "礼盒装"],
            features: ["金属笔身配重均衡，签批文件稳重大方", "可替换笔芯，降低长期使用成本", "适合会议签到与合同签署"],
            dims: [[138, 145], [10, 13], [10, 13]], weight: [0.02, 0.04], materials: ["铝合金", "黄铜"],
            colors: ["黑色", "深蓝色", "枪灰色"], variant: "color",
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "A4复印纸", slug: "a4-copy-paper", price: [18, 32],
            styles: ["70g 500张/包", "80g 500张/包", "70g 再生纸", "80g 高白"],
            features: ["纸面平滑挺度好，高速复印不卡纸", "采用FSC认证纸浆，绿色采购适用", "双面打印不透印"],
            dims: [[210, 210], [297, 297], [48, 55]], weight: [2.2, 2.6], materials: ["木浆纸", "再生纤维纸"],
            colors: ["白色"],
            variant: { title: "包装", values: [{ value: "单包", mult: 1 }, { value: "5包/箱", mult: 4.8 }, { value: "8包/箱", mult: 7.5 }] },
            energyLabels: ["中国环境标志", "无"], carbonShare: 0.3, responseHours: [24, 48],
          },
          {
            noun: "档案盒", slug: "archive-box", price: [3, 15],
            styles: [
              { label: "A4 35mm", specs: { dimensions: "240×35×315" } },
              { label: "A4 55mm", mult: 1.2, specs: { dimensions: "240×55×315" } },
              { label: "A4 75mm", mult: 1.4, specs: { dimensions: "240×75×315" } },
              "加厚防潮",
            ],
            features: ["符合机关档案装具标准，侧面可填写卷宗信息", "加厚材质防潮防尘", "可折叠收纳，节省库房空间"],
            dims: [[235, 240], [35, 75], [310, 320]], weight: [0.1, 0.3], materials: ["PP塑料", "无酸纸板"],
            colors: ["蓝色", "白色", "牛皮色"], variant: "color",
            energyLabels: PLAIN_LABELS, carbonShare: 0.2, responseHours: [24, 48],
          },
          {
            noun: "重型订书机", slug: "heavy-stapler", price: [12, 45],
            styles: ["可订100页", "可订50页", "省力型", "旋转式"],
            features: ["杠杆省力结构，厚叠文件一次订透", "全金属机身，经久耐用", "附带起钉器与订书钉"],
            dims: [[250, 320], [60, 80], [120, 160]], weight: [0.8, 1.6], materials: ["钢", "锌合金"],
            colors: ["黑色", "灰色"], warranty: [6, 12],
            variant: { title: "规格", values: [{ value: "标准装", mult: 1 }, { value: "含5000枚订书钉", mult: 1.3 }] },
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "财务计算器", slug: "calculator", price: [25, 90],
            styles: ["12位大屏", "语音型", "双电源", "商务型"],
            features: ["太阳能与电池双电源供电", "大按键大屏幕，适合财务日常核算", "具备税率与复核功能"],
            dims: [[150, 200], [100, 150], [25, 40]], weight: [0.15, 0.3], materials: ["ABS塑料"],
            colors: ["黑色", "白色", "香槟金"], variant: "color", warranty: [12, 24],
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "碎纸机", slug: "shredder", price: [380, 1800],
            styles: ["5级保密", "4级保密", "大容量 30L", "静音型"],
            features: ["颗粒状碎纸，满足涉密文件销毁要求", "可碎光盘与信用卡", "过热与满纸自动保护"],
            dims: [[350, 450], [250, 330], [500, 680]], weight: [8, 22], power: [180, 420], materials: ["ABS塑料", "钢"],
            colors: ["黑色", "银灰色"], warranty: [12, 24],
            variant: { title: "规格", values: [{ value: "标准版", mult: 1 }, { value: "加大纸箱版", mult: 1.25 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.2, responseHours: [8, 24],
          },
          {
            noun: "皮面笔记本", slug: "notebook", price: [6, 35],
            styles: ["A5 120页", "B5 100页", "A5 活页", "党政会议记录本"],
            features: ["道林纸书写不洇墨", "磨砂皮面耐磨易清洁", "可定制单位名称与徽标"],
            dims: [[148, 182], [210, 257], [12, 20]], weight: [0.2, 0.45], materials: ["PU皮", "道林纸"],
            colors: ["黑色", "深蓝色", "酒红色"], variant: "color",
            energyLabels: PLAIN_LABELS, carbonShare: 0.15, responseHours: [24, 48],
          },
        ],
      },
      {
        handle: "office-furniture",
        name_zh: "办公家具",
        name_en: "Office furniture",
        brands: ["圣奥", "永艺", "震旦", "恒林", "黑白调"],
        templates: [
          {
            noun: "人体工学办公椅", slug: "ergonomic-chair", price: [680, 2800],
            styles: ["网布", "高背", "4D扶手", "带头枕"],
            features: ["腰托随动贴合，久坐不累", "4D可调扶手与座深调节", "通过BIFMA耐久测试"],
            dims: [[620, 700], [600, 680], [1100, 1280]], weight: [14, 22], materials: ["网布+铝合金脚架", "网布+尼龙脚架"],
            colors: ["黑色", "灰色", "蓝色"], variant: "color", warranty: [36, 60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.3, responseHours: [24, 48],
          },
          {
            noun: "职员办公桌", slug: "staff-desk", price: [520, 1600],
            styles: ["带副柜", "钢木结构", "简约款", "带线盒"],
            features: ["E1级环保板材，甲醛释放量达标", "桌面线盒设计，走线整洁", "钢制桌腿承重稳固"],
            dims: [[1200, 1600], [600, 700], [740, 760]], weight: [28, 55], materials: ["三聚氰胺板+钢架", "实木贴皮"],
            colors: ["胡桃木色", "白橡木色", "暖白色"], variant: "color", warranty: [36, 60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.3, responseHours: [24, 48],
          },
          {
            noun: "主管办公桌", slug: "executive-desk", price: [1800, 5200],
            styles: ["带侧柜", "实木贴皮", "稳重款", "新中式"],
            features: ["胡桃木实木贴皮，稳重大气", "配侧柜与活动柜，收纳分区", "符合党政机关办公家具配置标准"],
            dims: [[1800, 2200], [800, 950], [750, 760]], weight: [80, 140], materials: ["实木贴皮", "中纤板+实木封边"],
            colors: ["胡桃木色", "樱桃木色"], variant: "color", warranty: [60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.2, responseHours: [24, 48],
          },
          {
            noun: "会议桌", slug: "meeting-table", price: [2400, 4800],
            styles: [
              { label: "8人位", specs: { dimensions: "2400×1200×760" } },
              { label: "12人位", mult: 1.5, specs: { dimensions: "3600×1500×760" } },
              { label: "20人位", mult: 2.4, specs: { dimensions: "6000×1800×760" } },
              { label: "椭圆形10人位", mult: 1.3, specs: { dimensions: "3200×1400×760" } },
            ],
            features: ["桌面嵌入式电源与信息插座", "分体拼装，便于搬运", "环保板材，边角圆润防磕碰"],
            dims: [[2400, 6000], [1200, 1800], [750, 760]], weight: [90, 320], materials: ["实木贴皮", "三聚氰胺板+钢架"],
            colors: ["胡桃木色", "白橡木色"], variant: "color", warranty: [60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.25, responseHours: [24, 48],
          },
          {
            noun: "钢制文件柜", slug: "steel-cabinet", price: [450, 1600],
            styles: ["对开门", "上玻下铁", "五节柜", "带保险箱"],
            features: ["0.7mm冷轧钢板，静电喷塑", "层板高度可调", "密码锁与钥匙双重保护"],
            dims: [[850, 900], [390, 450], [1850, 2000]], weight: [35, 70], materials: ["冷轧钢板"],
            colors: ["灰白色", "深灰色"], variant: "color", warranty: [36, 60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.2, responseHours: [24, 48],
          },
          {
            noun: "屏风工位", slug: "workstation", price: [2200, 4200],
            styles: [
              { label: "4人位", specs: { dimensions: "2400×1200×1100" } },
              { label: "6人位", mult: 1.45, specs: { dimensions: "3600×1200×1100" } },
              { label: "8人位双排", mult: 1.9, specs: { dimensions: "4800×1200×1100" } },
              { label: "4人位带吊柜", mult: 1.3, specs: { dimensions: "2400×1200×1600" } },
            ],
            features: ["模块化设计，可按办公面积组合", "屏风板隔音降噪", "预留强弱电走线槽"],
            dims: [[2400, 4200], [1200, 2800], [1050, 1200]], weight: [120, 260], materials: ["铝合金+布艺屏风", "钢架+三聚氰胺板"],
            colors: ["浅灰色", "暖白色"], variant: "color", warranty: [60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.3, responseHours: [24, 48],
          },
          {
            noun: "会客沙发", slug: "reception-sofa", price: [1200, 2400],
            styles: [
              { label: "单人位", specs: { dimensions: "950×850×800" } },
              { label: "三人位", mult: 2, specs: { dimensions: "2100×850×800" } },
              { label: "1+1+3组合", mult: 3.6, specs: { dimensions: "2100×850×800（三人位）" } },
              "简约商务",
            ],
            features: ["高回弹海绵坐感舒适", "皮面耐磨易清洁", "适合接待室与休息区"],
            dims: [[900, 2100], [800, 900], [780, 850]], weight: [30, 110], materials: ["西皮", "科技布"],
            colors: ["黑色", "咖啡色", "米白色"], variant: "color", warranty: [36, 60],
            energyLabels: FURNITURE_LABELS, carbonShare: 0.15, responseHours: [24, 48],
          },
        ],
      },
      {
        handle: "printing-copying",
        name_zh: "打印与复印设备",
        name_en: "Printers & copiers",
        brands: ["奔图", "联想", "华为", "汉光", "光电通", "立思辰"],
        templates: [
          {
            noun: "黑白激光打印机", slug: "mono-laser-printer", price: [800, 2400], modelSuffixes: ["DN", "DW", "D"],
            styles: ["自动双面", "无线网络", "A4高速", { label: "国产化主控", specs: { xinchuang: true } }],
            features: ["支持自动双面打印，节约纸张", "兼容统信UOS与麒麟操作系统", "首页输出时间低于7秒"],
            dims: [[340, 400], [330, 380], [190, 240]], weight: [7, 11], power: [450, 650], materials: ["ABS塑料"],
            colors: ["白色", "黑白色"], warranty: [12, 24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "加配高容硒鼓", mult: 1.15 }] },
            specs: { print_speed_ppm: { range: [28, 40] }, xinchuang: [true, false] },
            energyLabels: POWERED_LABELS, carbonShare: 0.25, responseHours: [4, 8, 24],
          },
          {
            noun: "彩色激光打印机", slug: "color-laser-printer", price: [1800, 4800], modelSuffixes: ["CDN", "CDW", "C"],
            styles: ["自动双面", "无线网络", "A4彩色", { label: "国产化主控", specs: { xinchuang: true } }],
            features: ["色彩还原准确，适合宣传材料与图表", "支持自动双面打印，节约纸张", "兼容统信UOS与麒麟操作系统"],
            dims: [[400, 440], [440, 480], [300, 340]], weight: [17, 24], power: [500, 900], materials: ["ABS塑料"],
            colors: ["白色", "灰白色"], warranty: [12, 24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "加配四色高容粉盒", mult: 1.18 }] },
            specs: { print_speed_ppm: { range: [18, 33] }, xinchuang: [true, false] },
            energyLabels: POWERED_LABELS, carbonShare: 0.25, responseHours: [4, 8, 24],
          },
          {
            noun: "彩色激光多功能一体机", slug: "color-mfp", price: [2600, 6000], modelSuffixes: ["ADN", "FDW", "DN"],
            styles: ["打印复印扫描", "传真四合一", "双面输稿器", { label: "国产化主控", specs: { xinchuang: true } }],
            features: ["打印、复印、扫描一机完成", "支持身份证一键复印", "兼容国产操作系统与办公软件"],
            dims: [[420, 480], [460, 520], [420, 500]], weight: [22, 32], power: [600, 1100], materials: ["ABS塑料"],
            colors: ["白色", "灰白色"], warranty: [12, 24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "加配纸盒", mult: 1.12 }, { value: "含三年上门保", mult: 1.22 }] },
            specs: { print_speed_ppm: { range: [20, 35] }, xinchuang: [true, false] },
            energyLabels: POWERED_LABELS, carbonShare: 0.25, responseHours: [4, 8, 24],
          },
          {
            noun: "A3数码复合机", slug: "a3-copier", price: [9800, 36000], modelSuffixes: ["", "C", "S"],
            styles: ["彩色", "黑白", "高速", "含工作台"],
            features: ["A3幅面复印打印扫描", "支持部门用量统计与刷卡打印", "大容量纸盒适合集中文印"],
            dims: [[585, 650], [650, 700], [900, 1200]], weight: [65, 110], power: [1300, 1800], materials: ["金属框架+ABS外壳"],
            colors: ["白色"], warranty: [12, 24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "加装装订器", mult: 1.15 }] },
            specs: { print_speed_ppm: { range: [30, 65] }, xinchuang: [true, false] },
            energyLabels: POWERED_LABELS, carbonShare: 0.2, responseHours: [4, 8],
          },
          {
            noun: "高速文档扫描仪", slug: "document-scanner", price: [1800, 5600], modelSuffixes: ["", "S", "N"],
            styles: ["双面", "A4馈纸式", "A3平板", "档案数字化"],
            features: ["双面同步扫描，适合档案数字化", "自动纠偏与空白页剔除", "支持国产操作系统驱动"],
            dims: [[290, 480], [180, 420], [160, 260]], weight: [3, 12], power: [30, 60], materials: ["ABS塑料"],
            colors: ["黑色", "白色"], warranty: [12, 24],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "含OCR软件", mult: 1.1 }] },
            specs: { print_speed_ppm: { range: [40, 80] }, xinchuang: [true, false] },
            energyLabels: POWERED_LABELS, carbonShare: 0.2, responseHours: [8, 24],
          },
          {
            noun: "针式票据打印机", slug: "dot-matrix-printer", price: [1200, 2600], modelSuffixes: ["", "K", "H"],
            styles: ["24针", "平推式", "发票专用", "多联打印"],
            features: ["平推式进纸，适合发票与多联单据", "打印头寿命长，故障率低", "支持税控系统"],
            dims: [[380, 450], [320, 380], [180, 220]], weight: [6, 9], power: [40, 70], materials: ["ABS塑料"],
            colors: ["米白色"], warranty: [12, 24],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }] },
            specs: { print_speed_ppm: { range: [5, 12] } },
            energyLabels: POWERED_LABELS, carbonShare: 0.1, responseHours: [8, 24],
          },
          {
            noun: "原装硒鼓", slug: "toner-cartridge", price: [180, 680], modelSuffixes: ["", "H", "X"],
            styles: ["标准容量", "高容量", "黑色", "彩色四色套装"],
            features: ["原装芯片，打印清晰不漏粉", "可回收再制造，减少废弃物", "适配同品牌多款机型"],
            dims: [[330, 360], [100, 130], [90, 120]], weight: [0.8, 1.6], materials: ["ABS塑料"],
            colors: ["黑色"],
            variant: { title: "规格", values: [{ value: "单支", mult: 1 }, { value: "两支装", mult: 1.9 }] },
            energyLabels: ["中国环境标志", "无"], carbonShare: 0.3, responseHours: [24, 48],
          },
        ],
      },
      {
        handle: "computers-peripherals",
        name_zh: "计算机与外设",
        name_en: "Computers & peripherals",
        brands: ["联想", "华为", "浪潮", "长城", "同方", "紫光"],
        templates: [
          {
            noun: "台式计算机", slug: "desktop-pc", price: [3800, 7800], modelSuffixes: ["", "D", "M"],
            styles: ["商用", "高性能", "23.8英寸套机", "小机箱"],
            features: ["预装国产操作系统，满足信创替代要求", "免工具拆装机箱，运维便捷", "整机三年上门保修"],
            dims: [[160, 190], [360, 420], [320, 380]], weight: [5.5, 9], power: [180, 300], materials: ["钢+ABS塑料"],
            colors: ["黑色"], warranty: [36],
            variant: { title: "配置", values: [{ value: "8GB+512GB", mult: 1 }, { value: "16GB+512GB", mult: 1.12 }, { value: "16GB+1TB", mult: 1.22 }] },
            specs: { cpu: [...DOMESTIC_CPUS, "Intel 酷睿 i5-13500"], memory_gb: [8, 16], storage_gb: [512, 1024] },
            energyLabels: POWERED_LABELS, carbonShare: 0.25, responseHours: [4, 8, 24],
          },
          {
            noun: "笔记本电脑", slug: "laptop", price: [4500, 9800], modelSuffixes: ["", "S", " Pro"],
            styles: [
              { label: "14英寸", specs: { screen_size_inch: 14 } },
              { label: "16英寸", mult: 1.1, specs: { screen_size_inch: 16 } },
              { label: "14英寸轻薄", mult: 1.05, specs: { screen_size_inch: 14 } },
              { label: "16英寸商务", mult: 1.12, specs: { screen_size_inch: 16 } },
            ],
            features: ["金属机身轻薄便携", "指纹识别与人脸登录", "长续航，适合外勤办公"],
            dims: [[310, 360], [220, 250], [15, 19]], weight: [1.2, 1.9], power: [45, 100], materials: ["铝合金"],
            colors: ["深空灰", "银色"], warranty: [24, 36],
            variant: { title: "配置", values: [{ value: "16GB+512GB", mult: 1 }, { value: "16GB+1TB", mult: 1.1 }, { value: "32GB+1TB", mult: 1.28 }] },
            specs: { cpu: [...DOMESTIC_CPUS, "Intel 酷睿 Ultra 5"], memory_gb: [16, 32], storage_gb: [512, 1024] },
            energyLabels: POWERED_LABELS, carbonShare: 0.25, responseHours: [4, 8, 24],
          },
          {
            noun: "液晶显示器", slug: "monitor", price: [700, 1500], modelSuffixes: ["", "Q", "U"],
            styles: [
              { label: "23.8英寸", specs: { screen_size_inch: 23.8 } },
              { label: "27英寸", mult: 1.3, specs: { screen_size_inch: 27 } },
              { label: "23.8英寸护眼", mult: 1.1, specs: { screen_size_inch: 23.8 } },
              { label: "27英寸升降旋转", mult: 1.45, specs: { screen_size_inch: 27 } },
            ],
            features: ["IPS面板广视角", "德国莱茵低蓝光认证", "支架可升降旋转"],
            dims: [[540, 620], [180, 230], [400, 520]], weight: [3.5, 7], power: [18, 40], materials: ["ABS塑料+金属支架"],
            colors: ["黑色"], warranty: [36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "含双屏支架", mult: 1.18 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.3, responseHours: [8, 24],
          },
          {
            noun: "机架式服务器", slug: "rack-server", price: [18000, 58000], modelSuffixes: ["", "M6", "G5"],
            brands: ["浪潮", "华为", "曙光", "长城"],
            styles: ["2U双路", "1U双路", "国产化", "存储型"],
            features: ["冗余电源与风扇，7×24小时稳定运行", "支持国产CPU与操作系统", "带外管理远程运维"],
            dims: [[435, 447], [700, 790], [43, 88]], weight: [18, 32], power: [800, 1600], materials: ["镀锌钢板"],
            colors: ["黑色"], warranty: [36, 60],
            variant: { title: "配置", values: [{ value: "标准配置", mult: 1 }, { value: "增强配置", mult: 1.35 }] },
            specs: { cpu: DOMESTIC_CPUS, memory_gb: [64, 128, 256], storage_gb: [4000, 8000, 16000], xinchuang: [true] },
            energyLabels: POWERED_LABELS, carbonShare: 0.3, responseHours: [2, 4],
          },
          {
            noun: "无线键鼠套装", slug: "keyboard-mouse", price: [59, 299], modelSuffixes: ["", "W"],
            styles: ["静音", "防泼溅", "人体工学", "超薄"],
            features: ["2.4G无线连接稳定", "静音按键适合开放办公", "一节电池长效续航"],
            dims: [[430, 460], [130, 160], [20, 35]], weight: [0.6, 0.9], materials: ["ABS塑料"],
            colors: ["黑色", "白色"], variant: "color", warranty: [12, 24],
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "二代身份证阅读器", slug: "id-card-reader", price: [260, 560], modelSuffixes: ["", "A"],
            styles: ["USB接口", "台式", "免驱", "公安部认证"],
            features: ["通过公安部检测，读卡快速准确", "免驱动即插即用", "适合政务服务窗口"],
            dims: [[140, 160], [90, 110], [30, 40]], weight: [0.3, 0.5], power: [2, 3], materials: ["ABS塑料"],
            colors: ["黑色", "白色"], warranty: [12, 24],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }] },
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [8, 24],
          },
          {
            noun: "加密移动硬盘", slug: "encrypted-hdd", price: [299, 599], modelSuffixes: ["", "S"],
            styles: [
              { label: "1TB", specs: { storage_gb: 1000 } },
              { label: "2TB", mult: 1.5, specs: { storage_gb: 2000 } },
              { label: "1TB指纹加密", mult: 1.4, specs: { storage_gb: 1000 } },
              { label: "2TB防摔", mult: 1.6, specs: { storage_gb: 2000 } },
            ],
            features: ["硬件级加密保护敏感数据", "USB 3.2高速传输", "抗震防摔外壳"],
            dims: [[110, 125], [75, 82], [12, 20]], weight: [0.15, 0.25], materials: ["铝合金"],
            colors: ["黑色", "银色"], variant: "color", warranty: [24, 36],
            energyLabels: PLAIN_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
        ],
      },
      {
        handle: "av-conference",
        name_zh: "会议与音视频设备",
        name_en: "Conference & AV equipment",
        brands: ["华为", "海信", "科达", "鸿合", "皓丽", "小鱼易连"],
        templates: [
          {
            noun: "智能会议平板", slug: "smart-meeting-board", price: [6800, 14800], modelSuffixes: ["", " Pro", "S"],
            styles: [
              { label: "65英寸", specs: { screen_size_inch: 65 } },
              { label: "75英寸", mult: 1.35, specs: { screen_size_inch: 75 } },
              { label: "86英寸", mult: 1.8, specs: { screen_size_inch: 86 } },
              { label: "75英寸双系统", mult: 1.5, specs: { screen_size_inch: 75 } },
            ],
            features: ["4K触控大屏，书写延迟低于35毫秒", "无线投屏一键共享", "内置视频会议摄像头与麦克风阵列"],
            dims: [[1480, 1960], [80, 100], [880, 1180]], weight: [38, 75], power: [200, 450], materials: ["钢化玻璃+铝合金"],
            colors: ["深空灰"], warranty: [36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "含移动支架", mult: 1.08 }, { value: "含OPS电脑", mult: 1.25 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.3, responseHours: [4, 8],
          },
          {
            noun: "会议摄像机", slug: "conference-camera", price: [1800, 6800], modelSuffixes: ["", "S", "U"],
            styles: ["4K超高清", "12倍光学变焦", "AI取景", "广角"],
            features: ["AI智能取景与发言人追踪", "USB与HDMI双输出", "兼容主流视频会议平台"],
            dims: [[150, 260], [130, 160], [60, 170]], weight: [0.8, 2.2], power: [8, 15], materials: ["铝合金"],
            colors: ["黑色", "白色"], warranty: [24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "含壁装支架", mult: 1.06 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.2, responseHours: [8, 24],
          },
          {
            noun: "会议麦克风系统", slug: "conference-mic", price: [1200, 8800], modelSuffixes: ["", "M", "W"],
            styles: ["手拉手", "无线", "全向拾音", "数字化"],
            features: ["数字抗干扰设计，无啸叫", "主席机可优先发言", "支持会议录音存档"],
            dims: [[120, 400], [120, 200], [40, 120]], weight: [0.5, 4], power: [10, 60], materials: ["ABS塑料+金属网罩"],
            colors: ["黑色", "银色"], warranty: [24, 36],
            variant: { title: "规格", values: [{ value: "1主席+4代表", mult: 1 }, { value: "1主席+10代表", mult: 1.9 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.1, responseHours: [8, 24],
          },
          {
            noun: "激光投影仪", slug: "laser-projector", price: [2800, 9800], modelSuffixes: ["", "L", "U"],
            brands: ["极米", "海信", "鸿合"],
            styles: ["商务", "高亮", "短焦", "4K"],
            features: ["激光光源寿命长达2万小时", "自动对焦与梯形校正", "亮室环境画面依然清晰"],
            dims: [[250, 420], [200, 330], [90, 150]], weight: [2.5, 7], power: [180, 380], materials: ["ABS塑料"],
            colors: ["白色", "深空灰"], warranty: [24, 36],
            variant: { title: "配置", values: [{ value: "标配", mult: 1 }, { value: "含100英寸幕布", mult: 1.1 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.2, responseHours: [8, 24],
          },
          {
            noun: "无线投屏器", slug: "wireless-presenter", price: [399, 1999], modelSuffixes: ["", "T"],
            styles: ["一键投屏", "四画面", "4K", "免驱"],
            features: ["即插即用，免安装驱动", "支持多人同屏对比", "企业级加密传输"],
            dims: [[60, 120], [60, 120], [20, 40]], weight: [0.1, 0.4], power: [5, 12], materials: ["ABS塑料"],
            colors: ["黑色", "白色"], warranty: [12, 24],
            variant: { title: "规格", values: [{ value: "1发1收", mult: 1 }, { value: "2发1收", mult: 1.45 }] },
            energyLabels: POWERED_LABELS, carbonShare: 0.1, responseHours: [24, 48],
          },
          {
            noun: "会议音箱", slug: "conference-speaker", price: [880, 4600], modelSuffixes: ["", "S", "X"],
            styles: ["壁挂式", "吸顶式", "有源", "一对装"],
            features: ["人声清晰还原，适合中小会议室", "蓝牙与有线双连接", "壁挂安装节省空间"],
            dims: [[180, 300], [160, 260], [280, 500]], weight: [3, 9], power: [40, 150], materials: ["木质箱体", "ABS塑料"],
            colors: ["黑色", "白色"], variant: "color", warranty: [24, 36],
            energyLabels: POWERED_LABELS, carbonShare: 0.1, responseHours: [8, 24],
          },
        ],
      },
      {
        handle: "energy-lighting",
        name_zh: "节能照明与电器",
        name_en: "Energy-saving lighting & appliances",
        brands: ["欧普照明", "雷士照明", "三雄极光", "佛山照明", "格力", "海尔", "美的"],
        templates: [
          {
            noun: "LED平板灯", slug: "led-panel", price: [89, 260], modelSuffixes: ["", "K"],
            brands: ["欧普照明", "雷士照明", "三雄极光", "佛山照明"],
            styles: ["无频闪", "4000K中性光", "高显色", "超薄"],
            features: ["无频闪护眼光源，显色指数Ra>90", "比传统格栅灯节电约50%", "嵌入式安装适配矿棉板吊顶"],
            dims: [[595, 600], [595, 600], [10, 12]], weight: [1.8, 3], power: [24, 48], materials: ["铝合金+PS扩散板"],
            colors: ["白色"], warranty: [36, 60],
            variant: { title: "规格", values: [{ value: "单只", mult: 1 }, { value: "10只/箱", mult: 9.5 }] },
            specs: { luminous_flux_lm: { range: [2400, 4800], step: 100 } },
            energyLabels: ["中国节能认证", "能效1级"], carbonShare: 0.7, responseHours: [24, 48],
          },
          {
            noun: "LED筒灯", slug: "led-downlight", price: [29, 89], modelSuffixes: ["", "D"],
            brands: ["欧普照明", "雷士照明", "三雄极光", "佛山照明"],
            styles: ["开孔75mm", "开孔100mm", "防眩", "三色调光"],
            features: ["深杯防眩设计，光线柔和", "替换传统节能灯节电约60%", "弹簧卡扣安装方便"],
            dims: [[90, 120], [90, 120], [40, 60]], weight: [0.15, 0.3], power: [5, 12], materials: ["压铸铝"],
            colors: ["白色", "黑色"], warranty: [24, 36],
            variant: { title: "规格", values: [{ value: "单只", mult: 1 }, { value: "20只/箱", mult: 18.5 }] },
            specs: { luminous_flux_lm: { range: [450, 1100], step: 50 } },
            energyLabels: ["中国节能认证", "能效1级"], carbonShare: 0.7, responseHours: [24, 48],
          },
          {
            noun: "壁挂式变频空调", slug: "inverter-ac", price: [2600, 4200], modelSuffixes: ["", "W", "GW"],
            brands: ["格力", "海尔", "美的"],
            styles: [
              { label: "1匹", specs: { power: 780 } },
              { label: "1.5匹", mult: 1.2, specs: { power: 1100 } },
              { label: "1.5匹自清洁", mult: 1.3, specs: { power: 1100 } },
              { label: "2匹", mult: 1.55, specs: { power: 1500 } },
            ],
            features: ["新一级能效，全年节电约30%", "智能自清洁，健康送风", "支持集中控制与远程管理"],
            dims: [[800, 1000], [200, 260], [280, 320]], weight: [9, 14], power: [780, 1500], materials: ["ABS塑料+钣金"],
            colors: ["白色"], warranty: [72, 120],
            variant: { title: "规格", values: [{ value: "标准安装", mult: 1 }, { value: "含加长铜管安装", mult: 1.06 }] },
            energyLabels: ["能效1级", "中国节能认证"], carbonShare: 0.6, responseHours: [4, 8, 24],
          },
          {
            noun: "节能电热水器", slug: "water-heater", price: [1200, 3600], modelSuffixes: ["", "H"],
            brands: ["海尔", "美的", "格力"],
            styles: ["60升", "80升", "一级能效", "速热"],
            features: ["一级能效，保温性能优异", "镁棒防垢，延长内胆寿命", "预约加热，避峰用电"],
            dims: [[700, 900], [420, 460], [420, 460]], weight: [22, 32], power: [2000, 3300], materials: ["搪瓷内胆+钢板外壳"],
            colors: ["白色"], warranty: [36, 96],
            variant: { title: "规格", values: [{ value: "标准安装", mult: 1 }] },
            energyLabels: ["能效1级", "中国节能认证"], carbonShare: 0.5, responseHours: [8, 24],
          },
          {
            noun: "太阳能路灯", slug: "solar-streetlight", price: [980, 3200], modelSuffixes: ["", "S"],
            brands: ["欧普照明", "雷士照明", "三雄极光", "佛山照明"],
            styles: ["一体化", "6米灯杆", "光控", "雷达感应"],
            features: ["光伏供电零电费，适合园区道路", "光控与雷达感应自动调光", "磷酸铁锂电池阴雨天可持续照明"],
            dims: [[500, 900], [200, 350], [60, 120]], weight: [8, 25], power: [30, 100], materials: ["压铸铝+单晶硅光伏板"],
            colors: ["灰色"], warranty: [36, 60],
            variant: { title: "规格", values: [{ value: "灯头", mult: 1 }, { value: "含灯杆安装", mult: 1.6 }] },
            specs: { luminous_flux_lm: { range: [3000, 12000], step: 500 } },
            energyLabels: ["中国节能认证"], carbonShare: 0.9, responseHours: [24, 48],
          },
          {
            noun: "节能饮水机", slug: "water-dispenser", price: [599, 2600], modelSuffixes: ["", "R"],
            brands: ["海尔", "美的"],
            styles: ["步进式", "即热式", "温热型", "过滤净饮"],
            features: ["即热即饮，避免千滚水", "夜间智能节能模式", "适合办公区与会议室"],
            dims: [[300, 420], [300, 420], [950, 1200]], weight: [12, 28], power: [500, 2200], materials: ["不锈钢+ABS塑料"],
            colors: ["白色", "银灰色"], variant: "color", warranty: [12, 24],
            energyLabels: ["能效1级", "中国节能认证"], carbonShare: 0.4, responseHours: [8, 24],
          },
        ],
      },
    ],
  },
  {
    handle: "rentals",
    name_zh: "租赁",
    name_en: "Rentals",
    kind: "rental",
    color: "#2F855A",
    productCount: 56,
    children: [
      {
        handle: "equipment-rental",
        name_zh: "设备租赁",
        name_en: "Equipment rental",
        brands: ["联想", "华为", "极米", "海信"],
        templates: [
          {
            noun: "商务投影仪租赁", slug: "projector-rental", price: [120, 380], brands: ["极米", "海信", "鸿合"],
            styles: ["会议用", "高亮", "含幕布", "便携"],
            features: ["短期会议与培训的灵活之选", "含安装调试与技术支持", "到期上门回收"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [1, 2], deposit: [800, 3000], stock: [8, 30],
            weight: [2.5, 6], power: [180, 350], responseHours: [2, 4], carbonShare: 0.2,
          },
          {
            noun: "笔记本电脑租赁", slug: "laptop-rental", price: [60, 180], brands: ["联想", "华为"],
            styles: ["培训考试用", "14英寸", "高性能", "国产化"],
            features: ["批量交付，预装办公与国产操作系统", "归还时数据安全擦除", "故障4小时内更换"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [3, 5], deposit: [2000, 5000], stock: [40, 200],
            weight: [1.2, 1.9], power: [45, 100], responseHours: [2, 4], carbonShare: 0.2,
            specs: { cpu: [...DOMESTIC_CPUS, "Intel 酷睿 i5-1340P"], memory_gb: [16], storage_gb: [512] },
          },
          {
            noun: "多功能复印机租赁", slug: "copier-rental", price: [380, 1200], brands: ["奔图", "汉光", "震旦"],
            styles: ["A3彩色", "A3黑白", "含耗材", "按印量计费"],
            features: ["含耗材与定期保养，无需一次性采购", "按月计费，降低资产闲置", "支持部门用量统计"],
            periodUnit: "month", periods: ["month"], minPeriods: [3, 6, 12], deposit: [2000, 6000], stock: [10, 40],
            weight: [65, 110], power: [1300, 1800], responseHours: [4, 8], carbonShare: 0.25,
            specs: { print_speed_ppm: { range: [30, 55] } },
          },
          {
            noun: "移动空调租赁", slug: "portable-ac-rental", price: [80, 200], brands: ["格力", "美的", "海尔"],
            styles: ["1.5匹", "2匹", "机房应急", "展会用"],
            features: ["免安装即用，适合临时场所降温", "机房应急制冷保障", "送货上门与回收"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [3, 7], deposit: [1000, 2500], stock: [10, 40],
            weight: [25, 40], power: [900, 1800], responseHours: [4, 8], carbonShare: 0.3,
          },
          {
            noun: "LED拼接屏租赁", slug: "led-wall-rental", price: [800, 3200], brands: ["洲明", "海信"],
            styles: ["P2.5室内", "P3.9户外", "舞台背景", "16平方米"],
            features: ["模块化拼装，尺寸灵活", "专业技术人员现场搭建与值守", "适合发布会、展会与大型会议"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1, 2], deposit: [5000, 20000], stock: [3, 12],
            weight: [60, 300], power: [3000, 9000], responseHours: [2, 4], carbonShare: 0.1,
          },
          {
            noun: "静音发电机租赁", slug: "generator-rental", price: [300, 900], brands: ["宗申"],
            styles: [
              { label: "10kW", specs: { power: 10000 } },
              { label: "30kW", mult: 1.9, specs: { power: 30000 } },
              { label: "20kW应急保电", mult: 1.5, specs: { power: 20000 } },
              { label: "10kW低噪音", mult: 1.1, specs: { power: 10000 } },
            ],
            features: ["低噪音设计，适合会场与户外活动保电", "含燃油加注与值守服务", "紧急需求2小时内到场"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [3000, 10000], stock: [3, 15],
            weight: [180, 900], power: [10000, 30000], responseHours: [2, 4], carbonShare: 0,
          },
        ],
      },
      {
        handle: "vehicle-rental",
        name_zh: "车辆租赁",
        name_en: "Vehicle rental",
        brands: ["比亚迪", "广汽埃安", "红旗", "吉利", "长安", "上汽大通", "宇通"],
        templates: [
          {
            noun: "新能源公务轿车租赁", slug: "ev-sedan-rental", price: [180, 360],
            models: [
              { brand: "比亚迪", model: "秦PLUS DM-i", specs: { seats: 5, fuel_type: "插电混动" } },
              { brand: "比亚迪", model: "汉 EV", specs: { seats: 5, fuel_type: "纯电动" } },
              { brand: "广汽埃安", model: "AION S Plus", specs: { seats: 5, fuel_type: "纯电动" } },
              { brand: "吉利", model: "银河L6", specs: { seats: 5, fuel_type: "插电混动" } },
            ],
            styles: [{ label: "自驾", specs: { driver_included: false } }, { label: "含驾驶员", mult: 1.7, specs: { driver_included: true } }],
            features: ["新能源车辆，助力公务出行低碳化", "含车辆保险与道路救援", "支持按日、按周、按月灵活租用"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [1, 2], deposit: [2000, 5000], stock: [5, 30],
            responseHours: [1, 2], carbonShare: 0.9, specs: { insurance_included: [true] },
          },
          {
            noun: "公务轿车租赁", slug: "sedan-rental", price: [220, 480],
            models: [
              { brand: "红旗", model: "H5", specs: { seats: 5, fuel_type: "汽油" } },
              { brand: "红旗", model: "H6", specs: { seats: 5, fuel_type: "汽油" } },
              { brand: "吉利", model: "星瑞", specs: { seats: 5, fuel_type: "汽油" } },
            ],
            styles: [{ label: "自驾", specs: { driver_included: false } }, { label: "含驾驶员", mult: 1.6, specs: { driver_included: true } }],
            features: ["国产品牌公务用车", "车况定期检测，年限不超过3年", "含车辆保险与道路救援"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [1], deposit: [3000, 6000], stock: [5, 20],
            responseHours: [1, 2], carbonShare: 0, specs: { insurance_included: [true] },
          },
          {
            noun: "商务车租赁", slug: "mpv-rental", price: [480, 980],
            models: [
              { brand: "上汽大通", model: "G20", specs: { seats: 7, fuel_type: "汽油" } },
              { brand: "比亚迪", model: "腾势D9 DM-i", specs: { seats: 7, fuel_type: "插电混动" } },
              { brand: "长安", model: "UNI-V 商务版", specs: { seats: 7, fuel_type: "汽油" } },
            ],
            styles: [{ label: "自驾", specs: { driver_included: false } }, { label: "含驾驶员", mult: 1.5, specs: { driver_included: true } }, { label: "会务接送", mult: 1.6, specs: { driver_included: true } }],
            features: ["七座宽敞空间，适合接待与会务接送", "专业驾驶员持证上岗", "含车辆保险与道路救援"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [3000, 8000], stock: [3, 15],
            responseHours: [1, 2], carbonShare: 0.3, specs: { insurance_included: [true] },
          },
          {
            noun: "中巴车租赁", slug: "minibus-rental", price: [900, 1800],
            models: [
              { brand: "宇通", model: "ZK6729D", specs: { seats: 23, fuel_type: "柴油" } },
              { brand: "宇通", model: "ZK6826BEV", specs: { seats: 31, fuel_type: "纯电动" } },
              { brand: "比亚迪", model: "C7", specs: { seats: 30, fuel_type: "纯电动" } },
            ],
            styles: [{ label: "含驾驶员", specs: { driver_included: true } }, { label: "会务专线", mult: 1.15, specs: { driver_included: true } }],
            features: ["适合培训考察、会议接送等团体出行", "驾驶员具备客运资质", "含承运人责任险"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [5000, 10000], stock: [2, 10],
            responseHours: [2, 4], carbonShare: 0.4, specs: { insurance_included: [true] },
          },
        ],
      },
      {
        handle: "venue-rental",
        name_zh: "会议场地租赁",
        name_en: "Meeting venue rental",
        brands: [],
        templates: [
          {
            noun: "多功能厅", slug: "function-hall", price: [2800, 9800],
            styles: ["会展中心", "滨江", "科创园", "市民中心"],
            features: ["可容纳大型会议、培训与发布活动", "配备专业灯光音响与LED大屏", "提供茶歇与会务接待增值服务"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [3000, 10000], stock: [1, 1],
            responseHours: [1, 2], carbonShare: 0.3,
            specs: { capacity_people: { range: [150, 400], step: 10 }, area_sqm: { range: [300, 900], step: 10 }, av_included: [true] },
          },
          {
            noun: "中型会议室", slug: "meeting-room", price: [800, 2600],
            styles: ["会展中心", "滨江", "科创园", "市民中心"],
            features: ["适合部门例会、评审会与座谈会", "配备智能会议平板与视频会议系统", "可按日或按周预订"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [1000, 3000], stock: [1, 1],
            responseHours: [1, 2], carbonShare: 0.3,
            specs: { capacity_people: { range: [20, 60], step: 2 }, area_sqm: { range: [60, 150], step: 5 }, av_included: [true] },
          },
          {
            noun: "学术报告厅", slug: "lecture-hall", price: [3800, 12000],
            styles: ["会展中心", "滨江", "科创园", "市民中心"],
            features: ["阶梯式座椅，视线无遮挡", "同声传译间与录播系统", "适合专题讲座与大型培训"],
            periodUnit: "day", periods: ["day", "week"], minPeriods: [1], deposit: [5000, 12000], stock: [1, 1],
            responseHours: [1, 2], carbonShare: 0.2,
            specs: { capacity_people: { range: [200, 600], step: 20 }, area_sqm: { range: [400, 1200], step: 20 }, av_included: [true] },
          },
          {
            noun: "培训教室", slug: "training-room", price: [600, 1800],
            styles: ["会展中心", "滨江", "科创园", "市民中心"],
            features: ["课桌式布局，可灵活调整", "每座配电源接口", "适合业务培训与考试"],
            periodUnit: "day", periods: ["day", "week", "month"], minPeriods: [1], deposit: [800, 2000], stock: [1, 1],
            responseHours: [1, 2], carbonShare: 0.3,
            specs: { capacity_people: { range: [30, 80], step: 5 }, area_sqm: { range: [80, 200], step: 5 }, av_included: [true, false] },
          },
        ],
      },
      {
        handle: "furniture-rental",
        name_zh: "办公家具租赁",
        name_en: "Office furniture rental",
        brands: ["圣奥", "永艺", "震旦", "恒林"],
        templates: [
          {
            noun: "办公工位套装租赁", slug: "workstation-rental", price: [60, 160],
            styles: ["单人位", "四人位", "临时专班", "含办公椅"],
            features: ["适合临时专班与项目组快速开工", "送货安装一站完成", "到期整体回收，避免资产闲置"],
            periodUnit: "week", periods: ["week", "month"], minPeriods: [2, 4], deposit: [500, 2000], stock: [20, 120],
            weight: [40, 160], responseHours: [4, 8], carbonShare: 0.3,
            specs: { material: ["三聚氰胺板+钢架", "铝合金+布艺屏风"] },
          },
          {
            noun: "会议桌椅套装租赁", slug: "meeting-set-rental", price: [120, 380],
            styles: ["10人位", "20人位", "课桌式", "圆桌式"],
            features: ["满足短期会议与活动布场需求", "含搬运、布场与撤场", "桌布与席卡可选配"],
            periodUnit: "week", periods: ["week", "month"], minPeriods: [1], deposit: [1000, 3000], stock: [10, 50],
            weight: [100, 400], responseHours: [4, 8], carbonShare: 0.2,
            specs: { material: ["实木贴皮", "三聚氰胺板+钢架"] },
          },
          {
            noun: "展会洽谈桌椅租赁", slug: "expo-furniture-rental", price: [40, 120],
            styles: ["洽谈桌+4椅", "吧台组合", "白色简约", "折叠式"],
            features: ["轻便易搬运，适合展会与路演", "按周计费，短租更划算", "现场安装撤场一站式服务"],
            periodUnit: "week", periods: ["week", "month"], minPeriods: [1], deposit: [300, 1200], stock: [30, 150],
            weight: [15, 40], responseHours: [4, 8], carbonShare: 0.2,
            specs: { material: ["ABS塑料+钢架", "实木"] },
          },
          {
            noun: "文件柜租赁", slug: "cabinet-rental", price: [30, 90],
            styles: ["对开门", "密码锁", "档案整理专用", "五节柜"],
            features: ["适合档案整理与临时存储", "按月计费，灵活增减", "送货上门与回收"],
            periodUnit: "month", periods: ["month"], minPeriods: [1, 3], deposit: [300, 800], stock: [30, 200],
            weight: [35, 70], responseHours: [8, 24], carbonShare: 0.2,
            specs: { material: ["冷轧钢板"] },
          },
        ],
      },
    ],
  },
  {
    handle: "services",
    name_zh: "服务",
    name_en: "Services",
    kind: "service",
    color: "#C05621",
    productCount: 60,
    children: [
      {
        handle: "vehicle-fuel-repair",
        name_zh: "车辆加油与维修",
        name_en: "Vehicle refuelling & repair",
        brands: [],
        templates: [
          {
            noun: "公务车辆定点维修保养", slug: "fleet-maintenance", price: [280, 980], billing: "按次",
            styles: ["轿车", "SUV", "新能源车", "商务车"],
            features: ["原厂标准工艺与配件，维修记录可追溯", "维修前报价审批，费用透明", "提供代步车与上门取送车"],
            delivery: "onsite", coverage: "city", teamSize: [12, 60], responseHours: [2, 4],
            certifications: ["一类机动车维修经营许可", "ISO 9001"], serviceHours: ["每日 8:00-20:00", "7×24小时救援"],
          },
          {
            noun: "公务车辆定点加油服务", slug: "fleet-refuelling", price: [30, 80], billing: "按车按月",
            styles: ["汽油车", "柴油车", "加油卡统一结算", "电子对账"],
            features: ["定点加油站网络覆盖主城区", "按车辆建立油耗台账，月度统一结算", "异常加油自动预警"],
            delivery: "onsite", coverage: "province", teamSize: [8, 30], responseHours: [2, 4],
            certifications: ["成品油零售经营许可", "ISO 9001"], serviceHours: ["7×24小时"],
          },
          {
            noun: "新能源汽车充电运维服务", slug: "ev-charging-ops", price: [1200, 3600], billing: "按桩按年",
            styles: ["直流快充", "交流慢充", "充电站托管", "有序充电"],
            features: ["充电桩巡检与故障维修", "支持谷电时段有序充电", "平台化运营数据月报"],
            delivery: "both", coverage: "city", teamSize: [6, 25], responseHours: [2, 4],
            certifications: ["电力工程施工资质", "ISO 9001"], serviceHours: ["7×24小时"], carbonShare: 0.9,
            specs: { energy_saving_rate: { range: [10, 25] } },
          },
          {
            noun: "车辆年检代办服务", slug: "vehicle-inspection", price: [200, 500], billing: "按次",
            styles: ["轿车", "客车", "批量车辆", "上门取送"],
            features: ["上门取车送检，全程不耽误用车", "年检到期提前提醒", "费用公开，按次结算"],
            delivery: "onsite", coverage: "city", teamSize: [5, 20], responseHours: [4, 8],
            certifications: ["ISO 9001"], serviceHours: ["工作日 8:30-17:30"],
          },
          {
            noun: "道路救援服务", slug: "roadside-assistance", price: [380, 1200], billing: "按车按年",
            styles: ["市内救援", "全省救援", "新能源车", "含拖车"],
            features: ["7×24小时电话受理", "搭电、换胎、拖车一站服务", "到场时间纳入考核"],
            delivery: "onsite", coverage: "province", teamSize: [20, 80], responseHours: [1, 2],
            certifications: ["道路运输经营许可", "ISO 9001"], serviceHours: ["7×24小时"],
          },
        ],
      },
      {
        handle: "property-services",
        name_zh: "物业服务",
        name_en: "Property services",
        brands: [],
        templates: [
          {
            noun: "办公楼保洁服务", slug: "office-cleaning", price: [8000, 36000], billing: "按月",
            styles: ["写字楼", "政务服务中心", "办公园区", "医院门诊楼"],
            features: ["驻场保洁团队按标准作业流程作业", "使用环保清洁剂与节水设备", "质量巡检结果月度通报"],
            delivery: "onsite", coverage: "city", teamSize: [8, 40], responseHours: [1, 2],
            certifications: ["ISO 9001", "ISO 14001", "物业服务企业一级资质"], serviceHours: ["每日 6:30-21:00"], carbonShare: 0.3,
          },
          {
            noun: "安保秩序维护服务", slug: "security-guard", price: [12000, 48000], billing: "按月",
            styles: ["机关大院", "政务服务中心", "办公园区", "会展活动"],
            features: ["持证保安员24小时值守", "门禁访客管理与消防巡查", "突发事件应急预案与演练"],
            delivery: "onsite", coverage: "city", teamSize: [10, 60], responseHours: [1],
            certifications: ["保安服务许可证", "ISO 9001"], serviceHours: ["7×24小时"],
          },
          {
            noun: "绿化养护服务", slug: "landscape-maintenance", price: [3000, 12000], billing: "按月",
            styles: ["机关庭院", "办公园区", "屋顶花园", "室内绿植"],
            features: ["修剪、施肥、病虫害防治按季节计划执行", "节水灌溉降低用水量", "枯死苗木免费补植"],
            delivery: "onsite", coverage: "city", teamSize: [4, 20], responseHours: [4, 8],
            certifications: ["城市园林绿化企业资质", "ISO 14001"], serviceHours: ["工作日 8:00-17:00"], carbonShare: 0.5,
          },
          {
            noun: "电梯维保服务", slug: "elevator-maintenance", price: [3000, 9000], billing: "按台按年",
            styles: ["乘客电梯", "货梯", "自动扶梯", "老旧电梯"],
            features: ["按特种设备安全规范每15日保养一次", "困人救援30分钟内到场", "维保记录电子化可查"],
            delivery: "onsite", coverage: "city", teamSize: [6, 30], responseHours: [1],
            certifications: ["特种设备安装改造修理许可", "ISO 9001"], serviceHours: ["7×24小时应急"],
          },
          {
            noun: "食堂托管服务", slug: "canteen-management", price: [20000, 80000], billing: "按月",
            styles: ["机关食堂", "园区食堂", "营养配餐", "中央厨房配送"],
            features: ["持证厨师与营养师团队", "食材溯源与明厨亮灶", "倡导光盘行动，减少餐厨浪费"],
            delivery: "onsite", coverage: "city", teamSize: [10, 50], responseHours: [2, 4],
            certifications: ["食品经营许可证", "ISO 22000"], serviceHours: ["每日三餐"], carbonShare: 0.3,
          },
          {
            noun: "消防设施维保服务", slug: "fire-safety-maintenance", price: [8000, 30000], billing: "按年",
            styles: ["办公楼", "档案库房", "数据机房", "综合园区"],
            features: ["按规范月度巡检与年度检测", "出具消防设施检测报告", "隐患整改闭环管理"],
            delivery: "onsite", coverage: "province", teamSize: [6, 30], responseHours: [2, 4],
            certifications: ["消防设施维护保养检测资质", "ISO 9001"], serviceHours: ["工作日 8:30-17:30", "7×24小时应急"],
          },
        ],
      },
      {
        handle: "conference-services",
        name_zh: "会议服务",
        name_en: "Conference services",
        brands: [],
        templates: [
          {
            noun: "会议策划与执行", slug: "event-planning", price: [8000, 50000], billing: "按场",
            styles: ["百人会议", "专题论坛", "新闻发布会", "年度工作会"],
            features: ["方案策划、场地布置、流程执行一站完成", "会议物料绿色可循环", "会后提供总结报告与影像资料"],
            delivery: "onsite", coverage: "national", teamSize: [8, 40], responseHours: [2, 4],
            certifications: ["ISO 9001", "会议服务等级认证"], serviceHours: ["按会议日程"],
          },
          {
            noun: "会务接待服务", slug: "reception-service", price: [3000, 15000], billing: "按场",
            styles: ["签到引导", "礼仪接待", "住宿协调", "茶歇服务"],
            features: ["礼仪人员统一着装培训上岗", "电子签到与座位引导", "住宿与交通一体协调"],
            delivery: "onsite", coverage: "city", teamSize: [6, 30], responseHours: [2, 4],
            certifications: ["ISO 9001"], serviceHours: ["按会议日程"],
          },
          {
            noun: "同声传译服务", slug: "simultaneous-interpretation", price: [6000, 16000], billing: "按天",
            styles: ["中英", "中日", "中俄", "多语种"],
            features: ["译员具备国际会议口译经验", "含同传设备与技术保障", "会前资料预习与术语对齐"],
            delivery: "both", coverage: "national", teamSize: [2, 8], responseHours: [4, 8],
            certifications: ["中国翻译协会会员单位", "ISO 17100"], serviceHours: ["按会议日程"],
          },
          {
            noun: "会议摄影摄像服务", slug: "event-photography", price: [1500, 6800], billing: "按场",
            styles: ["图文直播", "4K摄像", "航拍", "快剪短视频"],
            features: ["摄影摄像双机位全程记录", "当日交付精选照片", "短视频快剪用于新媒体推广"],
            delivery: "onsite", coverage: "city", teamSize: [2, 8], responseHours: [4, 8],
            certifications: ["ISO 9001"], serviceHours: ["按会议日程"],
          },
          {
            noun: "会议直播服务", slug: "event-livestream", price: [3000, 12000], billing: "按场",
            styles: ["多机位", "视频号直播", "内网直播", "直播回放"],
            features: ["多机位导播与实时字幕", "支持政务内网与公网同步直播", "直播回放与数据报告"],
            delivery: "both", coverage: "national", teamSize: [3, 12], responseHours: [2, 4],
            certifications: ["信息网络传播视听节目许可", "ISO 9001"], serviceHours: ["按会议日程"],
          },
        ],
      },
      {
        handle: "energy-retrofit",
        name_zh: "节能改造",
        name_en: "Energy-saving retrofit",
        brands: [],
        templates: [
          {
            noun: "LED照明节能改造", slug: "lighting-retrofit", price: [30000, 180000], billing: "按项目",
            styles: ["办公楼", "地下车库", "学校", "医院"],
            features: ["免费现场勘查与节能量测算", "改造后照度达标并提供节能量核定报告", "可采用合同能源管理模式零投入改造"],
            delivery: "onsite", coverage: "province", teamSize: [8, 30], responseHours: [4, 8],
            certifications: ["节能服务公司备案", "ISO 50001"], serviceHours: ["工作日 8:30-17:30"], carbonShare: 1,
            specs: { energy_saving_rate: { range: [45, 70] } },
          },
          {
            noun: "中央空调节能改造", slug: "hvac-retrofit", price: [80000, 480000], billing: "按项目",
            styles: ["变频改造", "群控系统", "冷源优化", "末端改造"],
            features: ["冷热源与水泵变频改造", "楼宇自控群控系统优化运行", "节能效果第三方核定"],
            delivery: "onsite", coverage: "province", teamSize: [10, 40], responseHours: [4, 8],
            certifications: ["节能服务公司备案", "机电工程施工资质"], serviceHours: ["工作日 8:30-17:30"], carbonShare: 1,
            specs: { energy_saving_rate: { range: [20, 40] } },
          },
          {
            noun: "屋顶分布式光伏", slug: "rooftop-solar", price: [120000, 260000], billing: "按项目",
            styles: [{ label: "100kW", specs: { power: 100000 } }, { label: "300kW", mult: 2.6, specs: { power: 300000 } }, "自发自用", "余电上网"],
            features: ["屋顶资源评估与并网手续代办", "自发自用降低电费支出", "25年发电量质保"],
            delivery: "onsite", coverage: "province", teamSize: [10, 50], responseHours: [8, 24],
            certifications: ["电力工程施工资质", "承装（修、试）电力设施许可"], serviceHours: ["工作日 8:30-17:30"], carbonShare: 1,
            specs: { energy_saving_rate: { range: [15, 35] } },
          },
          {
            noun: "能源审计服务", slug: "energy-audit", price: [15000, 60000], billing: "按项目",
            styles: ["公共机构", "数据中心", "园区", "医院"],
            features: ["依据国家标准开展用能诊断", "出具能源审计报告与改造建议", "协助公共机构节能考核"],
            delivery: "both", coverage: "national", teamSize: [3, 12], responseHours: [8, 24],
            certifications: ["节能服务公司备案", "ISO 50001"], serviceHours: ["工作日 8:30-17:30"], carbonShare: 1,
            specs: { energy_saving_rate: { range: [8, 20] } },
          },
          {
            noun: "合同能源管理托管", slug: "emc-contract", price: [50000, 300000], billing: "按年",
            styles: ["能源费用托管", "节能效益分享", "综合能源服务", "数据中心"],
            features: ["零投入改造，节能效益分享", "能耗在线监测平台", "年度节能量第三方核定"],
            delivery: "both", coverage: "national", teamSize: [6, 30], responseHours: [4, 8],
            certifications: ["节能服务公司备案", "ISO 50001"], serviceHours: ["7×24小时监测"], carbonShare: 1,
            specs: { energy_saving_rate: { range: [15, 30] } },
          },
        ],
      },
      {
        handle: "insurance-services",
        name_zh: "保险服务",
        name_en: "Insurance services",
        brands: [],
        templates: [
          {
            noun: "公务车辆保险", slug: "fleet-insurance", price: [2800, 9800], billing: "按车按年",
            styles: ["交强险+商业险", "新能源车专属", "车队统保", "含不计免赔"],
            features: ["车队统保费率优惠", "出险专人跟进，小额案件快速理赔", "保单电子化统一管理"],
            delivery: "remote", coverage: "national", teamSize: [5, 20], responseHours: [1, 2],
            certifications: ["保险代理业务许可证"], serviceHours: ["7×24小时报案"],
            specs: { coverage_amount: [100, 200, 300] },
          },
          {
            noun: "财产一切险", slug: "property-insurance", price: [6000, 48000], billing: "按年",
            styles: ["办公楼宇", "仓储库房", "公物仓资产", "数据机房"],
            features: ["覆盖火灾、水渍、自然灾害等风险", "资产清单按年核定", "理赔流程线上化"],
            delivery: "remote", coverage: "national", teamSize: [5, 20], responseHours: [2, 4],
            certifications: ["保险代理业务许可证"], serviceHours: ["工作日 8:30-17:30", "7×24小时报案"],
            specs: { coverage_amount: { range: [1000, 20000], step: 500 } },
          },
          {
            noun: "公众责任险", slug: "liability-insurance", price: [1500, 12000], billing: "按年",
            styles: ["政务服务大厅", "会展活动", "体验中心", "办公场所"],
            features: ["第三者人身伤害与财产损失保障", "适用办事大厅与展陈场所", "含法律费用保障"],
            delivery: "remote", coverage: "national", teamSize: [3, 15], responseHours: [2, 4],
            certifications: ["保险代理业务许可证"], serviceHours: ["工作日 8:30-17:30"],
            specs: { coverage_amount: [100, 300, 500, 1000] },
          },
          {
            noun: "团体意外险", slug: "group-accident-insurance", price: [80, 360], billing: "按人按年",
            styles: ["在职职工", "外勤人员", "会议活动", "志愿者"],
            features: ["意外身故、伤残与医疗保障", "人员名单可随时增减", "理赔材料线上提交"],
            delivery: "remote", coverage: "national", teamSize: [3, 15], responseHours: [2, 4],
            certifications: ["保险代理业务许可证"], serviceHours: ["工作日 8:30-17:30", "7×24小时报案"],
            specs: { coverage_amount: [20, 50, 100] },
          },
          {
            noun: "展品运输险", slug: "cargo-insurance", price: [800, 6000], billing: "按次",
            styles: ["展品巡展", "资产调拨", "精密仪器", "文物艺术品"],
            features: ["门到门运输全程保障", "适用公物仓资产调剂与巡展", "理赔快速定损"],
            delivery: "remote", coverage: "national", teamSize: [3, 10], responseHours: [2, 4],
            certifications: ["保险代理业务许可证"], serviceHours: ["工作日 8:30-17:30"],
            specs: { coverage_amount: { range: [50, 2000], step: 50 } },
          },
        ],
      },
      {
        handle: "it-operations",
        name_zh: "信息化运维服务",
        name_en: "IT operations services",
        brands: [],
        templates: [
          {
            noun: "桌面运维驻场服务", slug: "desktop-support", price: [6000, 18000], billing: "按月",
            styles: ["单人驻场", "双人驻场", "国产化终端", "远程+驻场"],
            features: ["驻场工程师处理终端、打印与网络故障", "信创终端适配与迁移支持", "工单系统全程留痕"],
            delivery: "onsite", coverage: "city", teamSize: [1, 6], responseHours: [1, 2],
            certifications: ["ITSS运维三级", "ISO 20000"], serviceHours: ["工作日 8:30-17:30"],
          },
          {
            noun: "机房运维服务", slug: "datacenter-ops", price: [30000, 150000], billing: "按年",
            styles: ["中小机房", "数据中心", "动环监控", "国产化改造"],
            features: ["7×24小时动环监控与巡检", "季度预防性维护与应急演练", "机房PUE优化建议"],
            delivery: "both", coverage: "province", teamSize: [4, 20], responseHours: [1, 2],
            certifications: ["ITSS运维二级", "ISO 20000", "ISO 27001"], serviceHours: ["7×24小时"], carbonShare: 0.4,
          },
          {
            noun: "网络安全等级保护测评", slug: "mlps-assessment", price: [30000, 120000], billing: "按系统",
            styles: ["二级系统", "三级系统", "政务云", "整改咨询"],
            features: ["依据等保2.0标准开展测评", "出具测评报告与整改建议", "协助完成公安机关备案"],
            delivery: "both", coverage: "national", teamSize: [3, 15], responseHours: [4, 8],
            certifications: ["网络安全等级测评机构", "ISO 27001"], serviceHours: ["工作日 8:30-17:30"],
          },
          {
            noun: "数据备份与恢复服务", slug: "backup-service", price: [8000, 60000], billing: "按年",
            styles: ["本地备份", "异地容灾", "国产数据库", "勒索病毒防护"],
            features: ["定期备份与恢复演练", "异地容灾保障业务连续性", "备份数据加密存储"],
            delivery: "remote", coverage: "national", teamSize: [3, 12], responseHours: [1, 2],
            certifications: ["ITSS运维三级", "ISO 27001"], serviceHours: ["7×24小时"],
          },
          {
            noun: "政务云迁移服务", slug: "cloud-migration", price: [50000, 280000], billing: "按项目",
            styles: ["业务系统上云", "数据库迁移", "信创云", "等保合规"],
            features: ["迁移评估、方案设计与割接演练", "业务零中断平滑迁移", "迁移后一个月驻场保障"],
            delivery: "both", coverage: "national", teamSize: [5, 25], responseHours: [2, 4],
            certifications: ["ITSS运维二级", "云计算服务能力评估"], serviceHours: ["工作日 8:30-17:30", "割接期7×24小时"],
          },
        ],
      },
    ],
  },
  {
    handle: "specialty-culture-tech",
    name_zh: "地方特色与文创科技",
    name_en: "Local specialties, cultural & high-tech products",
    kind: "specialty",
    color: "#B83280",
    productCount: 60,
    children: [
      {
        handle: "local-specialties",
        name_zh: "地方特产",
        name_en: "Local specialties",
        brands: [],
        templates: [
          {
            noun: "郫县豆瓣", slug: "pixian-douban", price: [16, 38], brands: ["鹃城", "丹丹", "蜀郫"],
            origin: "四川省成都市郫都区", province: "四川省",
            styles: ["三年陈酿", "红油", "特级", "家常"],
            features: ["国家地理标志产品，传统翻晒工艺", "酱香浓郁、色泽红亮", "川菜之魂，机关食堂常备"],
            variant: { title: "净含量", values: [{ value: "500g", mult: 1 }, { value: "1kg", mult: 1.8 }, { value: "礼盒装（500g×2）", mult: 2.6 }] },
            variantIsNetContent: true, carbonShare: 0.1, responseHours: [24, 48],
            specs: { shelf_life_days: [540, 720], storage_method: FOOD_STORAGE },
          },
          {
            noun: "蒙顶甘露", slug: "mengding-tea", price: [98, 480], brands: ["蒙顶山", "雅茗"],
            origin: "四川省雅安市名山区", province: "四川省",
            styles: ["明前特级", "雨前一级", "高山", "礼盒"],
            features: ["中国十大名茶之一，千年贡茶", "卷曲多毫、汤色碧绿", "高山云雾茶园，生态种植"],
            variant: { title: "净含量", values: [{ value: "100g", mult: 1 }, { value: "250g", mult: 2.3 }] },
            variantIsNetContent: true, carbonShare: 0.4, responseHours: [24, 48],
            specs: { shelf_life_days: [540], storage_method: ["密封冷藏", "阴凉干燥处"] },
          },
          {
            noun: "竹叶青绿茶", slug: "zhuyeqing-tea", price: [120, 680], brands: ["竹叶青", "峨眉雪芽"],
            origin: "四川省乐山市峨眉山市", province: "四川省",
            styles: ["论道", "静心", "品味", "明前"],
            features: ["峨眉高山茶区，扁平挺直", "清香持久、回味甘爽", "适合商务接待与会议用茶"],
            variant: { title: "净含量", values: [{ value: "120g", mult: 1 }, { value: "240g礼盒", mult: 2.1 }] },
            variantIsNetContent: true, carbonShare: 0.4, responseHours: [24, 48],
            specs: { shelf_life_days: [540], storage_method: ["密封冷藏", "阴凉干燥处"] },
          },
          {
            noun: "汉源花椒", slug: "hanyuan-pepper", price: [28, 88], brands: ["汉源贡椒", "椒乡"],
            origin: "四川省雅安市汉源县", province: "四川省",
            styles: ["大红袍", "特级", "青花椒", "贡椒"],
            features: ["国家地理标志产品，自古为贡椒", "麻味纯正、香气浓郁", "人工精选去籽去梗"],
            variant: { title: "净含量", values: [{ value: "250g", mult: 1 }, { value: "500g", mult: 1.9 }] },
            variantIsNetContent: true, carbonShare: 0.2, responseHours: [24, 48],
            specs: { shelf_life_days: [365, 540], storage_method: FOOD_STORAGE },
          },
          {
            noun: "红心猕猴桃", slug: "kiwifruit", price: [58, 128], brands: ["苍溪红"],
            origin: "四川省广元市苍溪县", province: "四川省",
            styles: ["特大果", "大果", "精品礼盒", "家庭装"],
            features: ["国家地理标志产品，果肉红心香甜", "产地直发，冷链配送", "助农产品，支持乡村振兴"],
            variant: { title: "净含量", values: [{ value: "2.5kg", mult: 1 }, { value: "5kg", mult: 1.85 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [12, 24], tags: ["助农"],
            specs: { shelf_life_days: [15, 20], storage_method: ["0-4℃冷藏"] },
          },
          {
            noun: "通江银耳", slug: "tongjiang-tremella", price: [68, 198], brands: ["诺水河"],
            origin: "四川省巴中市通江县", province: "四川省",
            styles: ["段木", "特级", "礼盒", "干货"],
            features: ["国家地理标志产品，段木栽培", "朵大肉厚、胶质丰富", "助农产品，支持乡村振兴"],
            variant: { title: "净含量", values: [{ value: "150g", mult: 1 }, { value: "300g礼盒", mult: 2.1 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [24, 48], tags: ["助农"],
            specs: { shelf_life_days: [720], storage_method: FOOD_STORAGE },
          },
          {
            noun: "金乡大蒜", slug: "jinxiang-garlic", price: [19, 49], brands: ["金乡蒜业", "蒜都"],
            origin: "山东省济宁市金乡县", province: "山东省",
            styles: ["紫皮", "白皮", "发酵黑蒜", "精选5cm"],
            features: ["国家地理标志产品，蒜瓣饱满", "辛香浓郁，耐储存", "产地直采，源头可追溯"],
            variant: { title: "净含量", values: [{ value: "2.5kg", mult: 1 }, { value: "5kg", mult: 1.85 }] },
            variantIsNetContent: true, carbonShare: 0.2, responseHours: [24, 48], tags: ["助农"],
            specs: { shelf_life_days: [90, 180], storage_method: FOOD_STORAGE },
          },
          {
            noun: "咸鸭蛋", slug: "weishan-salted-egg", price: [36, 88], brands: ["微山湖", "湖韵"],
            origin: "山东省济宁市微山县", province: "山东省",
            styles: ["红心", "流油", "熟咸蛋", "礼盒"],
            features: ["湖区散养麻鸭，蛋黄红亮起沙", "传统腌制工艺，咸淡适中", "独立真空包装"],
            variant: { title: "规格", values: [{ value: "20枚装", mult: 1 }, { value: "30枚礼盒", mult: 1.6 }] },
            carbonShare: 0.2, responseHours: [24, 48],
            specs: { shelf_life_days: [60, 90], storage_method: ["常温避光"], net_content: ["20枚×65g", "20枚×70g"] },
          },
          {
            noun: "鱼台大米", slug: "yutai-rice", price: [39, 89], brands: ["鱼台香", "孝贤"],
            origin: "山东省济宁市鱼台县", province: "山东省",
            styles: ["稻蟹共生", "新米", "珍珠米", "有机"],
            features: ["国家地理标志产品，稻蟹共生种植", "米粒晶莹，蒸煮清香", "当季新米，低温仓储"],
            variant: { title: "净含量", values: [{ value: "5kg", mult: 1 }, { value: "10kg", mult: 1.9 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [24, 48], tags: ["助农"],
            specs: { shelf_life_days: [180, 365], storage_method: FOOD_STORAGE },
          },
          {
            noun: "泗水地瓜干", slug: "sishui-sweet-potato", price: [19, 45], brands: ["泗水源"],
            origin: "山东省济宁市泗水县", province: "山东省",
            styles: ["原味", "倒蒸", "流心", "独立小包"],
            features: ["国家地理标志产品，沙土地种植", "不添加蔗糖，软糯香甜", "适合会议茶歇与员工福利"],
            variant: { title: "净含量", values: [{ value: "500g", mult: 1 }, { value: "1kg", mult: 1.85 }] },
            variantIsNetContent: true, carbonShare: 0.2, responseHours: [24, 48], tags: ["助农"],
            specs: { shelf_life_days: [180, 270], storage_method: FOOD_STORAGE },
          },
          {
            noun: "滇红工夫茶", slug: "dianhong-tea", price: [88, 398], brands: ["凤牌", "滇红"],
            origin: "云南省临沧市凤庆县", province: "云南省",
            styles: ["经典58", "金芽", "古树", "礼盒"],
            features: ["大叶种晒青毛茶精制，金毫显露", "汤色红艳、滋味醇厚", "适合商务接待用茶"],
            variant: { title: "净含量", values: [{ value: "250g", mult: 1 }, { value: "500g礼盒", mult: 1.9 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [24, 48],
            specs: { shelf_life_days: [1095], storage_method: ["阴凉干燥处"] },
          },
          {
            noun: "普洱茶饼", slug: "puer-tea-cake", price: [128, 880], brands: ["普洱古道"],
            origin: "云南省普洱市", province: "云南省",
            styles: ["生茶", "熟茶", "古树", "十年陈"],
            features: ["云南大叶种晒青茶紧压成饼", "越陈越香，宜收藏", "棉纸包装，可长期存放"],
            variant: { title: "净含量", values: [{ value: "357g", mult: 1 }, { value: "357g×7提装", mult: 6.5 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [24, 48],
            specs: { shelf_life_days: [3650], storage_method: ["通风干燥、无异味处"] },
          },
          {
            noun: "小粒咖啡", slug: "yunnan-coffee", price: [49, 168], brands: ["保山咖语"],
            origin: "云南省保山市", province: "云南省",
            styles: ["中度烘焙豆", "挂耳", "冻干速溶", "精品庄园"],
            features: ["国家地理标志产品，阿拉比卡小粒种", "坚果与焦糖风味", "适合办公区茶水间"],
            variant: { title: "净含量", values: [{ value: "250g", mult: 1 }, { value: "500g", mult: 1.85 }] },
            variantIsNetContent: true, carbonShare: 0.3, responseHours: [24, 48],
            specs: { shelf_life_days: [365], storage_method: FOOD_STORAGE },
          },
        ],
      },
      {
        handle: "cultural-creative",
        name_zh: "文创产品",
        name_en: "Cultural & creative products",
        brands: [],
        templates: [
          {
            noun: "熊猫文创礼盒", slug: "panda-gift-box", price: [88, 398], brands: ["熊猫邮礼", "蜀韵"],
            origin: "四川省成都市", province: "四川省",
            styles: ["会议伴手礼", "办公文具款", "茶具款", "外事礼品"],
            features: ["以大熊猫为主题的城市名片礼品", "适合外事交流与会议伴手礼", "可定制单位标识"],
            variant: { title: "规格", values: [{ value: "标准款", mult: 1 }, { value: "尊享款", mult: 1.8 }] },
            dims: [[280, 360], [200, 260], [60, 100]], weight: [0.6, 1.5], materials: ["环保纸盒+陶瓷", "帆布+金属"],
            carbonShare: 0.2, responseHours: [24, 48], specs: { craft: ["丝网印刷", "烫金", "珐琅彩"] },
          },
          {
            noun: "三星堆青铜面具摆件", slug: "sanxingdui-mask", price: [68, 520], brands: ["古蜀印记"],
            origin: "四川省德阳市广汉市", province: "四川省",
            styles: ["纵目面具", "金面罩", "青铜立人", "书立款"],
            features: ["取材三星堆博物馆馆藏文物造型", "精工铸造，细节还原", "附文物背景说明卡"],
            variant: { title: "尺寸", values: [{ value: "小号", mult: 1 }, { value: "中号", mult: 1.9 }, { value: "大号", mult: 3.2 }] },
            dims: [[80, 260], [50, 120], [120, 320]], weight: [0.3, 2.5], materials: ["黄铜", "树脂"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["失蜡铸造", "手工做旧"] },
          },
          {
            noun: "川剧变脸冰箱贴套装", slug: "sichuan-opera-magnets", price: [39, 99], brands: ["蜀韵", "熊猫邮礼"],
            origin: "四川省成都市", province: "四川省",
            styles: ["六件套", "脸谱款", "金属徽章款", "亲子款"],
            features: ["川剧脸谱元素，色彩鲜明", "体验中心热销旅游文创", "独立礼盒包装"],
            variant: { title: "规格", values: [{ value: "标准套装", mult: 1 }, { value: "礼盒套装", mult: 1.5 }] },
            dims: [[150, 220], [100, 160], [20, 40]], weight: [0.15, 0.4], materials: ["锌合金", "软磁"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["珐琅彩", "烤漆"] },
          },
          {
            noun: "孔子文化文房套装", slug: "confucius-stationery", price: [128, 680], brands: ["尼山书院", "孔府文创"],
            origin: "山东省济宁市曲阜市", province: "山东省",
            styles: ["笔墨纸砚", "论语书签", "竹简", "礼盒"],
            features: ["融合儒家文化元素，寓意崇文尚德", "适合文化交流与表彰纪念", "可定制题字"],
            variant: { title: "规格", values: [{ value: "标准款", mult: 1 }, { value: "典藏款", mult: 2.2 }] },
            dims: [[300, 420], [220, 300], [60, 110]], weight: [0.8, 2.5], materials: ["宣纸+楠竹+松烟墨", "黄铜+檀木"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["手工装帧", "激光雕刻"] },
          },
          {
            noun: "运河文创帆布包", slug: "canal-tote-bag", price: [39, 129], brands: ["运河记忆"],
            origin: "山东省济宁市", province: "山东省",
            styles: ["运河古城款", "南旺枢纽款", "手绘插画", "大容量"],
            features: ["以大运河济宁段为设计灵感", "加厚帆布环保耐用", "替代一次性塑料袋"],
            variant: "color", colors: ["米白色", "藏青色", "墨绿色"],
            dims: [[350, 420], [100, 120], [380, 420]], weight: [0.2, 0.4], materials: ["12安帆布"],
            carbonShare: 0.5, responseHours: [24, 48], specs: { craft: ["丝网印刷", "刺绣"] },
          },
          {
            noun: "城市主题丝巾", slug: "city-silk-scarf", price: [168, 598], brands: ["锦官城", "蜀韵"],
            origin: "四川省成都市", province: "四川省",
            styles: ["芙蓉花", "锦江夜景", "太阳神鸟", "宽窄巷子"],
            features: ["100%桑蚕丝，手感顺滑", "城市地标图案设计", "附礼盒与证书"],
            variant: "color", colors: ["绯红", "靛蓝", "月白"],
            dims: [[900, 900], [900, 900], [1, 1]], weight: [0.05, 0.1], materials: ["桑蚕丝"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["数码印花", "手工卷边"] },
          },
        ],
      },
      {
        handle: "high-tech-products",
        name_zh: "高新技术产品",
        name_en: "High-tech products",
        brands: ["大疆", "科大讯飞", "创想三维", "正浩", "华为"],
        templates: [
          {
            noun: "行业无人机", slug: "industrial-drone", price: [4999, 29999], brands: ["大疆"], modelSuffixes: ["", "T", "E"],
            styles: ["测绘", "巡检", "应急", "热成像"],
            features: ["厘米级RTK定位，适合国土测绘与巡检", "可挂载热成像相机", "自主航线规划"],
            variant: { title: "套装", values: [{ value: "标准套装", mult: 1 }, { value: "长续航套装", mult: 1.25 }] },
            dims: [[300, 600], [250, 600], [100, 250]], weight: [0.9, 4.5], power: [150, 500], warranty: [12, 24],
            carbonShare: 0.2, responseHours: [8, 24], specs: { patent_count: { range: [20, 120] }, battery_wh: { range: [70, 280] } },
          },
          {
            noun: "智能办公本", slug: "smart-notepad", price: [2499, 4999], brands: ["科大讯飞", "华为"], modelSuffixes: ["", " Pro", " Air"],
            styles: [
              { label: "10.3英寸", specs: { screen_size_inch: 10.3 } },
              { label: "13.3英寸", mult: 1.3, specs: { screen_size_inch: 13.3 } },
              { label: "10.3英寸会议转写", mult: 1.1, specs: { screen_size_inch: 10.3 } },
              { label: "13.3英寸墨水屏", mult: 1.35, specs: { screen_size_inch: 13.3 } },
            ],
            features: ["手写笔记实时转文字", "会议录音转写并区分发言人", "墨水屏护眼，长续航"],
            variant: { title: "配置", values: [{ value: "标准版", mult: 1 }, { value: "含键盘皮套", mult: 1.15 }] },
            dims: [[200, 300], [160, 230], [5, 8]], weight: [0.35, 0.6], power: [10, 18], warranty: [12, 24],
            carbonShare: 0.3, responseHours: [8, 24], specs: { patent_count: { range: [30, 150] } },
          },
          {
            noun: "智能录音笔", slug: "smart-recorder", price: [599, 1999], brands: ["科大讯飞"], modelSuffixes: ["", "S", "X"],
            styles: [
              { label: "会议转写 32GB", specs: { storage_gb: 32 } },
              { label: "降噪 32GB", specs: { storage_gb: 32 } },
              { label: "离线转写 64GB", mult: 1.3, specs: { storage_gb: 64 } },
              { label: "双麦阵列 64GB", mult: 1.25, specs: { storage_gb: 64 } },
            ],
            features: ["录音实时转写，准确率达98%", "多麦克风阵列降噪", "本地加密存储，适合涉敏会议"],
            variant: { title: "配置", values: [{ value: "标准版", mult: 1 }, { value: "会员版", mult: 1.2 }] },
            dims: [[100, 130], [30, 45], [10, 15]], weight: [0.05, 0.1], power: [2, 5], warranty: [12, 24],
            carbonShare: 0.2, responseHours: [8, 24], specs: { patent_count: { range: [20, 80] } },
          },
          {
            noun: "工业级3D打印机", slug: "3d-printer", price: [1599, 8999], brands: ["创想三维"], modelSuffixes: ["", "S1", "K"],
            styles: ["高速", "大尺寸", "多色", "教育"],
            features: ["高速打印，精度达0.1mm", "适合创客空间与教学", "断料续打与自动调平"],
            variant: { title: "配置", values: [{ value: "标准版", mult: 1 }, { value: "含耗材套装", mult: 1.12 }] },
            dims: [[400, 600], [400, 600], [450, 700]], weight: [9, 28], power: [350, 1000], warranty: [12, 24],
            carbonShare: 0.2, responseHours: [8, 24], specs: { patent_count: { range: [10, 60] } },
          },
          {
            noun: "户外储能电源", slug: "portable-power-station", price: [1999, 3999], brands: ["正浩"], modelSuffixes: ["", " Max", " Pro"],
            styles: [
              { label: "1度电", specs: { battery_wh: 1024 } },
              { label: "2度电", mult: 1.7, specs: { battery_wh: 2048 } },
              { label: "1度电快充", mult: 1.15, specs: { battery_wh: 1024 } },
              { label: "3.6度电应急保电", mult: 2.6, specs: { battery_wh: 3600 } },
            ],
            features: ["磷酸铁锂电芯，循环寿命3000次以上", "可接光伏板绿色充电", "应急保电与户外作业"],
            variant: { title: "配置", values: [{ value: "主机", mult: 1 }, { value: "含200W光伏板", mult: 1.35 }] },
            dims: [[300, 420], [200, 290], [250, 320]], weight: [12, 27], power: [1800, 3600], warranty: [36, 60],
            carbonShare: 0.8, responseHours: [8, 24], specs: { patent_count: { range: [30, 200] } },
          },
          {
            noun: "AI翻译机", slug: "ai-translator", price: [1999, 3999], brands: ["科大讯飞"], modelSuffixes: ["", " Pro"],
            styles: ["外事接待", "离线翻译", "多语种", "拍照翻译"],
            features: ["支持83种语言在线翻译", "中英日韩等离线翻译", "适合外事接待与出访"],
            variant: { title: "配置", values: [{ value: "标准版", mult: 1 }] },
            dims: [[120, 140], [50, 60], [10, 14]], weight: [0.1, 0.15], power: [5, 10], warranty: [12],
            carbonShare: 0.2, responseHours: [8, 24], specs: { patent_count: { range: [40, 160] } },
          },
        ],
      },
      {
        handle: "intangible-heritage",
        name_zh: "非遗手工艺品",
        name_en: "Intangible heritage crafts",
        brands: [],
        templates: [
          {
            noun: "蜀绣团扇", slug: "shu-embroidery-fan", price: [280, 1680], brands: ["蜀绣坊"],
            origin: "四川省成都市", province: "四川省",
            styles: ["熊猫", "芙蓉", "双面绣", "花鸟"],
            features: ["国家级非物质文化遗产蜀绣技艺", "绣工手工刺绣，针法细腻", "附收藏证书"],
            variant: { title: "规格", values: [{ value: "单扇", mult: 1 }, { value: "含红木底座", mult: 1.35 }] },
            dims: [[260, 320], [10, 20], [400, 480]], weight: [0.2, 0.6], materials: ["真丝+红木"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["双面绣", "单面绣"] },
          },
          {
            noun: "蜀锦书签", slug: "shu-brocade-bookmark", price: [48, 168], brands: ["锦官城", "蜀韵"],
            origin: "四川省成都市", province: "四川省",
            styles: ["太阳神鸟", "团花", "方胜", "八达晕"],
            features: ["中国四大名锦之一，传承两千年", "传统提花织造", "适合文化交流礼赠"],
            variant: { title: "规格", values: [{ value: "两枚装", mult: 1 }, { value: "六枚礼盒", mult: 2.6 }] },
            dims: [[50, 60], [160, 180], [2, 5]], weight: [0.05, 0.2], materials: ["桑蚕丝"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["手工提花织造"] },
          },
          {
            noun: "道明竹编茶具", slug: "daoming-bamboo-tea-set", price: [168, 880], brands: ["道明竹艺"],
            origin: "四川省成都市崇州市", province: "四川省",
            styles: ["竹丝扣瓷", "旅行茶具", "公道杯", "六件套"],
            features: ["国家级非遗道明竹编", "竹丝依胎编织，细密如织", "天然慈竹材质"],
            variant: { title: "规格", values: [{ value: "单品", mult: 1 }, { value: "礼盒套装", mult: 2.2 }] },
            dims: [[200, 320], [150, 260], [80, 150]], weight: [0.4, 1.6], materials: ["慈竹+白瓷"],
            carbonShare: 0.4, responseHours: [24, 48], specs: { craft: ["竹丝扣瓷", "平面竹编"] },
          },
          {
            noun: "鲁锦桌旗", slug: "lujin-table-runner", price: [128, 520], brands: ["鲁锦坊"],
            origin: "山东省济宁市嘉祥县", province: "山东省",
            styles: ["斗纹", "枣花", "方格", "会议桌专用"],
            features: ["国家级非遗鲁西南织锦技艺", "纯棉手工纺织，色彩明快", "适合会议室与接待室布置"],
            variant: { title: "尺寸", values: [{ value: "180cm", mult: 1 }, { value: "240cm", mult: 1.3 }, { value: "320cm", mult: 1.7 }] },
            dims: [[300, 350], [1800, 3200], [2, 3]], weight: [0.3, 0.8], materials: ["纯棉"],
            carbonShare: 0.3, responseHours: [24, 48], specs: { craft: ["手工纺织"] },
          },
          {
            noun: "嘉祥石雕摆件", slug: "jiaxiang-stone-carving", price: [380, 2800], brands: ["嘉祥石艺"],
            origin: "山东省济宁市嘉祥县", province: "山东省",
            styles: ["汉画像石拓片", "瑞兽", "文房镇纸", "浮雕"],
            features: ["国家级非遗嘉祥石雕技艺", "取材汉画像石纹样", "手工雕刻，每件独一无二"],
            variant: { title: "尺寸", values: [{ value: "小号", mult: 1 }, { value: "中号", mult: 2 }] },
            dims: [[120, 400], [60, 200], [80, 300]], weight: [0.8, 12], materials: ["青石", "汉白玉"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["浮雕", "圆雕"] },
          },
          {
            noun: "尼山砚", slug: "nishan-inkstone", price: [280, 2600], brands: ["尼山砚艺"],
            origin: "山东省济宁市曲阜市", province: "山东省",
            styles: ["随形", "长方", "云龙纹", "素池"],
            features: ["采用尼山砚石，发墨如油", "省级非物质文化遗产", "附红木砚盒"],
            variant: { title: "规格", values: [{ value: "6英寸", mult: 1 }, { value: "8英寸", mult: 1.7 }] },
            dims: [[150, 260], [100, 180], [20, 45]], weight: [0.6, 2.5], materials: ["尼山石+红木"],
            carbonShare: 0.1, responseHours: [24, 48], specs: { craft: ["手工雕刻"] },
          },
        ],
      },
    ],
  },
]

// ---------------------------------------------------------------------------
// Suppliers
// ---------------------------------------------------------------------------

export const SUPPLIERS: readonly SupplierDef[] = [
  { name: "成都蓉城办公设备有限公司", short: "蓉城办公", province: "四川省", city: "成都市", regionCode: "510104",
    categories: ["office-stationery", "office-furniture", "printing-copying"] },
  { name: "四川天府智联科技有限公司", short: "天府智联", province: "四川省", city: "成都市", regionCode: "510107",
    categories: ["computers-peripherals", "av-conference", "high-tech-products", "it-operations"] },
  { name: "北京中科博远信息技术有限公司", short: "中科博远", province: "北京市", city: "海淀区", regionCode: "110108",
    categories: ["computers-peripherals", "printing-copying", "it-operations"] },
  { name: "上海浦江会展服务有限公司", short: "浦江会展", province: "上海市", city: "浦东新区", regionCode: "310115",
    categories: ["conference-services", "venue-rental", "equipment-rental"] },
  { name: "深圳鹏城绿能照明科技有限公司", short: "鹏城绿能", province: "广东省", city: "深圳市", regionCode: "440305",
    categories: ["energy-lighting", "energy-retrofit"] },
  { name: "杭州之江办公家具制造有限公司", short: "之江家具", province: "浙江省", city: "杭州市", regionCode: "330106",
    categories: ["office-furniture", "furniture-rental"] },
  { name: "成都锦程汽车租赁有限公司", short: "锦程租车", province: "四川省", city: "成都市", regionCode: "510108",
    categories: ["vehicle-rental", "vehicle-fuel-repair"] },
  { name: "重庆两江设备租赁有限公司", short: "两江租赁", province: "重庆市", city: "渝北区", regionCode: "500112",
    categories: ["equipment-rental", "furniture-rental", "vehicle-rental"] },
  { name: "武汉江城物业服务有限公司", short: "江城物业", province: "湖北省", city: "武汉市", regionCode: "420111",
    categories: ["property-services", "venue-rental"] },
  { name: "济宁运河文化创意发展有限公司", short: "运河文创", province: "山东省", city: "济宁市", regionCode: "370811",
    categories: ["cultural-creative", "intangible-heritage", "local-specialties"] },
  { name: "济宁微山湖农副产品有限公司", short: "微山湖农品", province: "山东省", city: "济宁市", regionCode: "370826",
    categories: ["local-specialties"] },
  { name: "四川蜀韵非遗文化传播有限公司", short: "蜀韵非遗", province: "四川省", city: "成都市", regionCode: "510105",
    categories: ["intangible-heritage", "cultural-creative", "local-specialties"] },
  { name: "四川蓉信保险代理有限公司", short: "蓉信保险", province: "四川省", city: "成都市", regionCode: "510106",
    categories: ["insurance-services"] },
  { name: "长沙麓山节能科技有限公司", short: "麓山节能", province: "湖南省", city: "长沙市", regionCode: "430104",
    categories: ["energy-retrofit", "energy-lighting"] },
  { name: "苏州金鸡湖视听科技有限公司", short: "金鸡湖视听", province: "江苏省", city: "苏州市", regionCode: "320505",
    categories: ["av-conference", "equipment-rental", "conference-services"] },
  { name: "济宁任城汽车服务有限公司", short: "任城汽服", province: "山东省", city: "济宁市", regionCode: "370811",
    categories: ["vehicle-fuel-repair", "vehicle-rental"] },
  { name: "贵州数谷科技有限公司", short: "数谷科技", province: "贵州省", city: "贵阳市", regionCode: "520115",
    categories: ["high-tech-products", "it-operations"] },
  { name: "云南滇红茶业有限公司", short: "滇红茶业", province: "云南省", city: "临沧市", regionCode: "530921",
    categories: ["local-specialties"] },
  { name: "福州闽都印务科技有限公司", short: "闽都印务", province: "福建省", city: "福州市", regionCode: "350102",
    categories: ["printing-copying", "office-stationery", "equipment-rental"] },
  { name: "北京中保联合保险经纪有限公司", short: "中保联合", province: "北京市", city: "朝阳区", regionCode: "110105",
    categories: ["insurance-services"] },
  { name: "成都锦绣天府物业服务有限公司", short: "锦绣物业", province: "四川省", city: "成都市", regionCode: "510116",
    categories: ["property-services"] },
]

// ---------------------------------------------------------------------------
// People and wording
// ---------------------------------------------------------------------------

/** Common surnames, so contact names look ordinary (faker's zh_CN list includes rare ones). */
export const SURNAMES = [
  "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
  "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余",
] as const

/** Mobile number prefixes of the three carriers. */
export const MOBILE_PREFIXES = [
  "133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180", "181", "186", "187", "189", "199",
] as const

export const KIND_LABELS: Readonly<Record<OfferKind, string>> = {
  goods: "办公用品与设备",
  rental: "租赁",
  service: "服务",
  specialty: "地方特色与文创科技",
}

export const KIND_LABELS_EN: Readonly<Record<OfferKind, string>> = {
  goods: "Office goods & equipment",
  rental: "Rentals",
  service: "Services",
  specialty: "Local specialty, cultural & high-tech",
}

/** Variant label and the unit used in "最短N…起租" per rental period. */
export const PERIOD_LABELS: Readonly<Record<PeriodUnit, { option: string; minUnit: string }>> = {
  day: { option: "按日", minUnit: "天" },
  week: { option: "按周", minUnit: "周" },
  month: { option: "按月", minUnit: "个月" },
}

/** Service packages: every service offers these three tiers; the notes go into descriptions. */
export const SERVICE_PACKAGES: readonly (OptionValueDef & { note: string })[] = [
  { value: "基础", mult: 1, note: "满足日常基本需求" },
  { value: "标准", mult: 1.6, note: "增加定期回访与月度报告" },
  { value: "高级", mult: 2.5, note: "配备专属项目经理与优先响应" },
]

/** Energy labels that earn the 节能 tag. */
export const ENERGY_SAVING_LABELS: readonly string[] = ["中国节能认证", "能效1级", "能效2级"]
