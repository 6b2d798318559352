/** `zh-CN` text of `<chain-order-status>`, keyed by the `msg()` ids (`status.…`). */
import { str } from '@lit/localize';

export const templates = {
  'status.loading': '正在加载订单…',
  'status.heading': str`订单 ${0}`,
};
