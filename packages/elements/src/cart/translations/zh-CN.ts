import { str } from '@lit/localize';

/** zh-CN text of `<chain-cart>`; values by index in the English source's order. */
export const templates = {
  'cart.toggle.items': '件',
  'cart.title': '进货单',
  'cart.close': '关闭',
  'cart.empty': '进货单是空的。',
  'cart.offer.mixedTier': str`共 ${0} 件混批，单价 ${1}`,
  'cart.offer.count': str`共 ${0} 件`,
  'cart.offer.nudge': str`再加 ${0} 件，单价降至 ${1}`,
  'cart.offer.subtotal': str`小计：${0}`,
  'cart.line.quantity': str`${0} 的数量`,
  'cart.line.remove': '删除',
  'cart.line.invalid': '请输入整数',
  'cart.subtotal': '合计',
  'cart.checkout': '去结算',
};
