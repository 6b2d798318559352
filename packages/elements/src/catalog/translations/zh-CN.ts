/** `zh-CN` text of `<chain-catalog>` (and the shared unit words), keyed by the `msg()` ids (`catalog.…`). */
import { str } from '@lit/localize';

export const templates = {
  'catalog.search': '搜索商品',
  'catalog.category': '类目',
  'catalog.allCategories': '全部类目',
  'catalog.offers': '商品',
  'catalog.loading': '正在加载商品…',
  'catalog.retry': '重试',
  'catalog.noMatch': '没有符合搜索条件的商品。',
  'catalog.empty': '暂无商品。',
  'catalog.clear': '清除搜索',
  'catalog.count': str`共 ${0} 件商品`,
  'catalog.countMore': str`已显示 ${0} 件商品，向下滚动加载更多`,
  'catalog.networkError': '无法连接店铺，请检查网络后重试。',
  'catalog.loadError': '商品加载失败。',
  'catalog.moq': str`起批 ${0} ${1}`,
  'catalog.step': str`${0} ${1}/箱`,
  'catalog.unit.piece': '件',
  'catalog.unit.pair': '双',
  'catalog.unit.set': '套',
  'catalog.unit.box': '箱',
  'catalog.unit.dozen': '打',
  'catalog.unit.kg': '千克',
  'catalog.unit.metre': '米',
};
