/**
 * The `zh-CN` locale module `@lit/localize` loads (see `internal/localization.ts`): every element
 * folder's hand-written templates merged into one map. Ids are namespaced per folder
 * (`catalog.…`, `ladder.…`, `order.…`, `cart.…`, `status.…`), so the spreads never collide.
 *
 * To add a folder: one import and one spread line, in alphabetical order of the folder name.
 */
import type { TemplateMap } from '@lit/localize';
// Add `import { templates as <folder> } from '../<folder>/translations/zh-CN.js';` here.
import { templates as cart } from '../cart/translations/zh-CN.js';
import { templates as catalog } from '../catalog/translations/zh-CN.js';
import { templates as ladderPrice } from '../ladder-price/translations/zh-CN.js';
import { templates as orderForm } from '../order-form/translations/zh-CN.js';
import { templates as orderStatus } from '../order-status/translations/zh-CN.js';

export const templates: TemplateMap = {
  // Add `...<folder>,` here.
  ...cart,
  ...catalog,
  ...ladderPrice,
  ...orderForm,
  ...orderStatus,
};
