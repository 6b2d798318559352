/** `zh-CN` text of `<chain-ladder-price>`, keyed by the `msg()` ids (`ladder.…`). */
import { str } from '@lit/localize';

export const templates = {
  'ladder.caption': '阶梯价格',
  'ladder.quantityHeading': str`数量（${0}）`,
  'ladder.unitPriceHeading': '单价',
  'ladder.current': '当前',
  'ladder.moq': str`起批 ${0} ${1}`,
  'ladder.step': str`按 ${0} 的倍数`,
  'ladder.max': str`最多 ${0}`,
  'ladder.decrease': '减少数量',
  'ladder.increase': '增加数量',
  'ladder.unitPrice': str`单价 ${0}`,
  'ladder.total': str`合计 ${0}`,
  'ladder.savings': str`比首档价节省 ${0}`,
  'ladder.nudge': str`再加 ${0} ${1}，单价降至 ${2}`,
  'ladder.nudgeAdd': str`加 ${0}`,
  'ladder.mixedBatchButton': '混批：价格档位怎么算？',
  'ladder.mixedBatchTitle': '混批',
  'ladder.mixedBatchText':
    '本商品的所有颜色和尺码合计数量，由合计数量决定所有规格的价格档位；起批量也按合计数量计算，而不是每个规格单独计算。',
  'ladder.unknownSku': str`此商品没有规格 ${0}。`,
  'ladder.loading': '正在加载价格…',
  'ladder.notFound': '此商品已下架或不存在。',
  'ladder.loadError': '价格加载失败。',
};
