import { str } from '@lit/localize';

/** zh-CN text of `<chain-order-form>`; values by index in the English source's order. */
export const templates = {
  // Loading and errors
  'orderForm.loading': '正在加载商品…',
  'orderForm.retry': '重试',
  'orderForm.noOffer': '没有可下单的商品。',
  'orderForm.notConfigured': '此订货表单未连接店铺（请设置 api 和 key，或放在 <chain-store> 中）。',
  'orderForm.loadNotFound': '该商品已下架。',
  'orderForm.loadFailed': '商品加载失败，请检查网络后重试。',

  // Matrix
  'orderForm.attribute.color': '颜色',
  'orderForm.attribute.size': '尺码',
  'orderForm.attribute.material': '材质',
  'orderForm.attribute.style': '款式',
  'orderForm.matrix.item': '规格',
  'orderForm.matrix.keys': '方向键在单元格间移动，回车键下移。',
  'orderForm.matrix.captionList': str`按${0}填写数量`,
  'orderForm.matrix.captionGrid': str`按${0}（行）和${1}（列）填写数量`,
  'orderForm.matrix.quantity': '数量',
  'orderForm.matrix.unavailable': '无此规格',

  // Violations
  'orderForm.violation.step': str`须为 ${0} 的倍数`,
  'orderForm.violation.skuMoq': str`此规格至少 ${0}`,
  'orderForm.violation.moq': str`起批量为合计 ${0}，当前共 ${1}`,
  'orderForm.violation.skuMax': str`此规格最多 ${0}`,
  'orderForm.violation.max': str`合计最多 ${0}，当前共 ${1}`,
  'orderForm.violation.invalidQuantity': '请输入整数',
  'orderForm.violation.unknownSku': '此规格已停售',
  'orderForm.violation.currency': str`价格币种为 ${0}，而非 ${1}`,

  // Summary
  'orderForm.summary.title': '价格与合计',
  'orderForm.summary.mixedBatch': '混批：所有颜色和尺码合并计算价格档位。',
  'orderForm.summary.tiers': '阶梯价',
  'orderForm.summary.unitPrice': '单价',
  'orderForm.summary.unitVaries': '按规格不同',
  'orderForm.summary.total': '合计',
  'orderForm.summary.savings': '节省',
  'orderForm.summary.nudge': str`再加 ${0} 件，单价降至 ${1}`,

  // Other offers handed over by the cart
  'orderForm.other.title': '同单其他商品',
  'orderForm.other.subtotal': str`小计：${0}`,
  'orderForm.other.grandTotal': '订单合计',

  // Fields
  'orderForm.details': '收货信息',
  'orderForm.fields.buyer': '采购人',
  'orderForm.fields.shipTo': '收货地址',
  'orderForm.field.name': '姓名',
  'orderForm.field.name.invalid': '姓名须为 1–100 个字符，且为单行',
  'orderForm.field.phone': '电话',
  'orderForm.field.phone.invalid': '电话须为 5–30 位数字、空格或 + - ( )，至少含 5 位数字',
  'orderForm.field.email': '邮箱（选填）',
  'orderForm.field.email.invalid': '邮箱须为有效的邮箱地址',
  'orderForm.field.company': '公司（选填）',
  'orderForm.field.company.invalid': '公司名称最多 200 个字符，且为单行',
  'orderForm.field.country': '国家代码',
  'orderForm.field.country.invalid': '国家代码须为两个字母，例如 CN',
  'orderForm.field.region': '省份或地区',
  'orderForm.field.region.invalid': '省份或地区最多 100 个字符，且为单行',
  'orderForm.field.city': '城市',
  'orderForm.field.city.invalid': '城市须为 1–100 个字符，且为单行',
  'orderForm.field.line1': '详细地址',
  'orderForm.field.line1.invalid': '详细地址须为 1–200 个字符，且为单行',
  'orderForm.field.postalCode': '邮政编码（选填）',
  'orderForm.field.postalCode.invalid': '邮政编码最多 20 个字符',
  'orderForm.field.note': '备注（选填）',
  'orderForm.field.note.invalid': '备注最多 1,000 个字符',
  'orderForm.field.required': str`请填写${0}`,

  // Routing preview
  'orderForm.routing.title': '由哪家工厂生产',
  'orderForm.routing.row': str`${0}：${1} 件，预计 ${2} 发货`,
  'orderForm.routing.unassigned': str`有 ${0} 件没有工厂可以生产。`,
  'orderForm.routing.note': '发货日期为预估，以下单后店铺确认为准。',

  // Submitting
  'orderForm.submit': str`提交订单 · ${0}`,
  'orderForm.submitting': '正在提交…',
  'orderForm.submittingStatus': '正在提交您的订单…',
  'orderForm.valueMissing': '请至少填写一个规格的数量。',
  'orderForm.quantityProblem': '部分数量不符合起批规则，请查看表格中的提示。',
  'orderForm.checkFields': str`请检查标出的 ${0} 个字段。`,
  'orderForm.rejectedFields': '店铺未接受部分信息，请检查标出的字段。',
  'orderForm.networkError': '无法连接店铺，订单可能尚未提交。请重试：已提交成功的订单不会重复下单。',
  'orderForm.rateLimited': '尝试次数过多，请稍候再试。',
  'orderForm.failed': str`订单提交失败（${0}）。`,

  // Price changed
  'orderForm.priceChanged.title': '价格已变动',
  'orderForm.priceChanged.body': str`店铺现在的订单合计为 ${0}（您看到的是 ${1}）。订单尚未提交。`,
  'orderForm.priceChanged.newTotal': '新合计',
  'orderForm.priceChanged.confirm': str`按 ${0} 提交订单`,
  'orderForm.priceChanged.cancel': '返回修改',

  // Confirmation
  'orderForm.confirm.title': '订单已提交',
  'orderForm.confirm.number': '订单号',
  'orderForm.confirm.factories': str`由 ${0} 家工厂生产并发货：`,
  'orderForm.confirm.shipDate': str`预计发货日期：${0}`,
  'orderForm.confirm.subtotal': str`小计：${0}`,
  'orderForm.confirm.another': '再下一单',
};
