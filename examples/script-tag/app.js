// The shop's own glue around the Chainkit elements: no framework, no inline script (the page's
// Content-Security-Policy allows scripts from this origin only). Chainkit itself needs none of
// this; it is what this particular shop wants its page to do:
//
// - a product chosen in <chain-catalog> opens the order area (<chain-ladder-price> and
//   <chain-order-form> for that offer);
// - the quantities typed in the order form move the ladder's marker to the tier they reach;
// - "Add to cart" puts the form's quantities in <chain-cart>; the cart's checkout opens the area;
// - once <chain-order-form> placed an order, <chain-order-status> follows it;
// - 中文 / EN switches the page's own text and the elements' (<chain-store locale>).
/* global document, customElements */

const LANG_KEY = 'nuandong:lang';
const TITLES = {
  'zh-CN': '义乌暖冬供应链 · 冬装源头批发',
  en: 'Yiwu Nuandong · Winterwear wholesale',
};
/** Labels for the catalog's category filter (the offers carry the ids). */
const CATEGORIES = [
  { id: 'outerwear', label: { 'zh-CN': '羽绒服 · 外套', en: 'Down & outerwear' } },
  { id: 'knitwear', label: { 'zh-CN': '针织衫', en: 'Knitwear' } },
  { id: 'scarves', label: { 'zh-CN': '围巾', en: 'Scarves' } },
  { id: 'gloves', label: { 'zh-CN': '手套', en: 'Gloves' } },
  { id: 'hats', label: { 'zh-CN': '帽子', en: 'Hats' } },
  { id: 'socks', label: { 'zh-CN': '袜子', en: 'Socks' } },
  { id: 'thermal', label: { 'zh-CN': '保暖内衣', en: 'Thermal wear' } },
  { id: 'footwear', label: { 'zh-CN': '棉鞋 · 雪地靴', en: 'Boots & slippers' } },
  { id: 'accessories', label: { 'zh-CN': '配饰', en: 'Accessories' } },
];

const $ = (selector) => document.querySelector(selector);
const store = $('chain-store');
const catalog = $('#catalog');
const offerSection = $('#offer');
const offerName = $('#offer-name');
const ladder = $('#ladder');
const orderForm = $('#order-form');
const statusSection = $('#status');
const orderStatus = $('#order-status');
const cartNote = $('#cart-note');

/** The page language: the saved choice, else the page's own. */
function setLanguage(lang, save) {
  document.documentElement.lang = lang;
  document.title = TITLES[lang];
  store.setAttribute('locale', lang);
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  if (save) {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Storage may be off (private mode); the choice then lasts for this page only.
    }
  }
}

function savedLanguage() {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    return saved === 'en' || saved === 'zh-CN' ? saved : null;
  } catch {
    return null;
  }
}

/** Opens the order area for an offer (`title` for the heading, when known). */
function openOffer(offerId, title) {
  if (orderForm.getAttribute('offer') !== offerId) {
    orderForm.setAttribute('offer', offerId);
    ladder.setAttribute('offer', offerId);
    ladder.removeAttribute('quantity');
  }
  offerName.textContent = title ?? '';
  cartNote.textContent = '';
  offerSection.hidden = false;
  offerSection.scrollIntoView({ behavior: 'smooth', block: 'start' });
  $('#offer-title').focus({ preventScroll: true });
}

function localTitle(offer) {
  const lang = document.documentElement.lang;
  return offer?.title?.[lang] ?? offer?.title?.en ?? '';
}

document.addEventListener('chain-offer-select', (event) => {
  openOffer(event.detail.offerId, localTitle(event.detail.offer));
});

$('#offer-close').addEventListener('click', () => {
  offerSection.hidden = true;
  $('#catalog-section').scrollIntoView({ behavior: 'smooth' });
});

// The matrix's total of this offer's pieces moves the ladder to the tier the batch reaches.
function syncLadder() {
  if (!customElements.get('chain-order-form')) return;
  const offerId = orderForm.getAttribute('offer');
  const total = orderForm.lines
    .filter((line) => line.offerId === undefined || line.offerId === offerId)
    .reduce((sum, line) => sum + line.quantity, 0);
  if (total > 0) ladder.quantity = total;
}
orderForm.addEventListener('input', syncLadder);
orderForm.addEventListener('change', syncLadder);

$('#add-to-cart').addEventListener('click', () => {
  const lines = orderForm.lines ?? [];
  const lang = document.documentElement.lang;
  if (lines.length === 0) {
    cartNote.textContent = lang === 'en' ? 'Enter quantities in the table first.' : '请先在表格里填写件数。';
    return;
  }
  for (const line of lines) {
    const offerId = line.offerId ?? orderForm.getAttribute('offer');
    document.dispatchEvent(
      new CustomEvent('chain-cart-add', {
        detail: { offerId, skuId: line.skuId, quantity: line.quantity },
        bubbles: true,
        composed: true,
      }),
    );
  }
  const count = lines.reduce((sum, line) => sum + line.quantity, 0);
  cartNote.textContent = lang === 'en' ? `${count} pieces added to the cart.` : `已加入进货单：${count} 件。`;
});

// The cart's checkout hands its lines to the order form: show the form first.
document.addEventListener('chain-cart-checkout', (event) => {
  const first = event.detail.lines[0];
  if (!first) return;
  openOffer(orderForm.getAttribute('offer') ?? first.offerId, offerName.textContent || undefined);
});

document.addEventListener('chain-order-placed', (event) => {
  const { order } = event.detail;
  orderStatus.setAttribute('order', order.id);
  orderStatus.setAttribute('token', order.accessToken);
  statusSection.hidden = false;
});

for (const button of document.querySelectorAll('[data-lang]')) {
  button.addEventListener('click', () => setLanguage(button.dataset.lang, true));
}

setLanguage(savedLanguage() ?? document.documentElement.lang, false);

// Properties (not attributes) wait for the element's definition, which the loader fetches.
customElements.whenDefined('chain-catalog').then(() => {
  catalog.categories = CATEGORIES;
});
