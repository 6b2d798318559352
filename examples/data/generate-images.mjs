#!/usr/bin/env node
// Draws the demo product images as small SVG illustrations, one per image URL that
// store.json references (`/examples/data/images/<kind>-<colour>.svg`): the garment's
// shape with paths and gradients in the SKU colour. No network, no dependencies.
//
//   node examples/data/generate-images.mjs
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'images');

const PALETTE = {
  black: '#2b2c30',
  charcoal: '#4a4e55',
  grey: '#9ba0a8',
  camel: '#c39a68',
  khaki: '#b3a17a',
  navy: '#243459',
  burgundy: '#7b2236',
  red: '#c62a3b',
  cream: '#ede3cf',
  white: '#f3f3f0',
  pink: '#e8a5b6',
  olive: '#6d713c',
  forest: '#2f5e47',
  mustard: '#d3a12b',
  sky: '#8db8de',
  brown: '#6c4a31',
  oatmeal: '#d6c8ab',
};

/** Mixes a hex colour toward white (amount > 0) or black (amount < 0). */
function shade(hex, amount) {
  const n = Number.parseInt(hex.slice(1), 16);
  const channels = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) =>
    Math.round(amount >= 0 ? c + (255 - c) * amount : c * (1 + amount)),
  );
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** Shared <defs>: the body gradient, a soft highlight, and patterns some garments use. */
function defs(hex) {
  const dark = shade(hex, -0.35);
  const light = shade(hex, 0.22);
  const line = luminance(hex) > 0.6 ? shade(hex, -0.25) : shade(hex, 0.3);
  return `<defs>
<radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="#fbfaf7"/><stop offset="1" stop-color="#e9e6df"/></radialGradient>
<linearGradient id="body" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${light}"/><stop offset=".55" stop-color="${hex}"/><stop offset="1" stop-color="${dark}"/></linearGradient>
<linearGradient id="trim" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${shade(hex, -0.12)}"/><stop offset="1" stop-color="${shade(hex, -0.45)}"/></linearGradient>
<radialGradient id="fur" cx="50%" cy="40%" r="60%"><stop offset="0" stop-color="#fffaf2"/><stop offset="1" stop-color="#d9cdb8"/></radialGradient>
<pattern id="plaid" width="36" height="36" patternUnits="userSpaceOnUse"><rect width="36" height="36" fill="url(#body)"/><rect x="0" y="12" width="36" height="6" fill="${dark}" opacity=".45"/><rect x="12" y="0" width="6" height="36" fill="${dark}" opacity=".45"/><rect x="0" y="27" width="36" height="2" fill="#f6efe0" opacity=".55"/><rect x="27" y="0" width="2" height="36" fill="#f6efe0" opacity=".55"/></pattern>
<pattern id="rib" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="url(#trim)"/><rect width="3" height="8" fill="${dark}" opacity=".35"/></pattern>
</defs>
<style>.ln{fill:none;stroke:${line};stroke-width:2.2;stroke-linecap:round;opacity:.75}.ol{stroke:${dark};stroke-width:2;stroke-linejoin:round}</style>`;
}

function luminance(hex) {
  const n = Number.parseInt(hex.slice(1), 16);
  return (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
}

const mirror = (svg) => `<g transform="translate(320 0) scale(-1 1)">${svg}</g>`;

// ── Garments (320 × 320 canvas, centred at x = 160) ────────────────────────────────
const sleeves = (bottom = 238) =>
  `<path class="ol" fill="url(#body)" d="M92 92 Q60 104 52 140 L40 ${bottom} L72 ${bottom + 4} L96 150 Z"/>` +
  mirror(
    `<path class="ol" fill="url(#body)" d="M92 92 Q60 104 52 140 L40 ${bottom} L72 ${bottom + 4} L96 150 Z"/>`,
  );

function jacket(style) {
  const long = style === 'long-puffer' || style === 'parka' || style === 'coat';
  const hem = long ? 292 : 250;
  const torso = `<path class="ol" fill="url(#body)" d="M118 66 L202 66 L230 92 Q240 170 236 ${hem} L84 ${hem} Q80 170 90 92 Z"/>`;
  let extra = '';
  if (style === 'puffer' || style === 'long-puffer' || style === 'vest') {
    for (let y = 108; y < hem - 10; y += 34)
      extra += `<path class="ln" d="M88 ${y} Q160 ${y + 12} 232 ${y}"/>`;
    if (style !== 'vest') extra += `<path class="ln" d="M54 150 Q66 154 94 150M48 190 Q62 194 92 190"/>`;
  }
  if (style === 'coat') {
    extra +=
      `<path class="ol" fill="url(#trim)" d="M132 66 L160 150 L146 176 L118 100 Z"/>` +
      `<path class="ol" fill="url(#trim)" d="M188 66 L160 150 L174 176 L202 100 Z"/>` +
      [190, 225, 260]
        .map((y) => `<circle cx="178" cy="${y}" r="5" fill="${shade('#3a2a1c', 0)}"/>`)
        .join('') +
      `<path class="ln" d="M100 200 h30M190 200 h30"/>`;
  } else {
    extra += `<path d="M160 70 V${hem}" stroke="#1c1c1c" stroke-width="2.5" opacity=".55"/><rect x="156" y="78" width="8" height="14" rx="2" fill="#d8d8d8"/>`;
  }
  if (style === 'fleece') {
    for (let i = 0; i < 70; i++) {
      const x = 96 + ((i * 37) % 130);
      const y = 96 + ((i * 53) % 140);
      extra += `<circle cx="${x}" cy="${y}" r="1.6" fill="#fff" opacity=".25"/>`;
    }
  }
  const collar =
    style === 'parka' || style === 'long-puffer'
      ? `<path class="ol" fill="url(#trim)" d="M112 72 Q112 22 160 20 Q208 22 208 72 Q186 56 160 56 Q134 56 112 72 Z"/>` +
        (style === 'parka'
          ? Array.from({ length: 13 }, (_, i) => {
              const a = Math.PI * (i / 12);
              return `<circle cx="${160 - Math.cos(a) * 50}" cy="${68 - Math.sin(a) * 48}" r="11" fill="url(#fur)"/>`;
            }).join('')
          : '')
      : style === 'coat'
        ? ''
        : `<path class="ol" fill="url(#trim)" d="M124 44 H196 L202 72 H118 Z"/>`;
  return (style === 'vest' ? '' : sleeves(long ? 262 : 238)) + torso + extra + collar;
}

function top(style) {
  const torso = `<path class="ol" fill="url(#body)" d="M116 68 L204 68 L228 94 Q234 170 230 260 L90 260 Q86 170 92 94 Z"/>`;
  let extra = `<rect x="90" y="244" width="140" height="18" fill="url(#rib)" class="ol"/>`;
  if (style !== 'knit-vest') {
    extra += `<rect x="36" y="226" width="34" height="16" fill="url(#rib)" transform="rotate(4 53 234)"/>`;
    extra += mirror(
      `<rect x="36" y="226" width="34" height="16" fill="url(#rib)" transform="rotate(4 53 234)"/>`,
    );
  }
  if (style === 'sweater') {
    for (const x of [124, 160, 196]) {
      let d = `M${x} 88`;
      for (let y = 88; y < 240; y += 16) d += ` q9 8 0 16`;
      extra += `<path class="ln" d="${d}"/><path class="ln" d="${d.replace(`M${x}`, `M${x + 6}`).replaceAll('q9', 'q-9')}"/>`;
    }
    extra += `<path class="ol" fill="url(#rib)" d="M130 66 Q160 88 190 66 Q160 76 130 66 Z"/>`;
  } else if (style === 'turtleneck') {
    extra += `<rect class="ol" x="132" y="30" width="56" height="42" rx="8" fill="url(#rib)"/>`;
    for (let x = 104; x < 224; x += 10) extra += `<path class="ln" d="M${x} 100 V238" opacity=".35"/>`;
  } else if (style === 'cardigan') {
    extra +=
      `<path d="M132 66 L160 140 L188 66" fill="#e9e6df" class="ol"/>` +
      `<path class="ol" fill="url(#rib)" d="M132 66 L160 140 L160 262 L152 262 L152 142 L126 70 Z"/>` +
      [160, 190, 220].map((y) => `<circle cx="168" cy="${y}" r="4.5" fill="#5a4330"/>`).join('') +
      `<rect class="ol" x="104" y="190" width="30" height="26" rx="3" fill="url(#trim)"/>`;
  } else if (style === 'knit-vest') {
    extra += `<path d="M132 66 L160 130 L188 66" fill="#e9e6df" class="ol"/>`;
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3 - (row % 2); col++) {
        const cx = 118 + col * 42 + (row % 2) * 21;
        const cy = 150 + row * 34;
        extra += `<path d="M${cx} ${cy - 17} L${cx + 21} ${cy} L${cx} ${cy + 17} L${cx - 21} ${cy} Z" fill="${shade('#000000', 0)}" opacity=".12"/>`;
      }
    }
  } else {
    extra += `<path class="ol" fill="url(#trim)" d="M130 66 Q160 92 190 66 Q160 78 130 66 Z"/>`;
  }
  return (style === 'knit-vest' ? '' : sleeves(236)) + torso + extra;
}

function scarf(style) {
  if (style === 'snood') {
    let ribs = '';
    for (let a = -70; a <= 70; a += 10)
      ribs += `<path class="ln" d="M${160 + a} 96 Q${160 + a * 1.2} 160 ${160 + a} 224"/>`;
    return `<ellipse class="ol" cx="160" cy="160" rx="110" ry="82" fill="url(#body)"/>${ribs}<ellipse class="ol" cx="160" cy="128" rx="66" ry="30" fill="url(#trim)"/>`;
  }
  if (style === 'shawl') {
    let fringe = '';
    for (let x = 52; x <= 268; x += 8)
      fringe += `<path d="M${x} ${x < 160 ? 120 + (x - 52) * 1.15 : 120 + (268 - x) * 1.15} v16" stroke="${shade(PALETTE.cream, -0.2)}" stroke-width="2"/>`;
    return `<path class="ol" fill="url(#plaid)" d="M40 112 Q160 70 280 112 L160 248 Z"/>${fringe}<path class="ln" d="M40 112 Q160 96 280 112"/>`;
  }
  const fill = style === 'plaid-scarf' ? 'url(#plaid)' : 'url(#body)';
  let fringe = '';
  for (let i = 0; i < 7; i++) {
    fringe += `<path d="M${122 + i * 6} 286 v18" stroke="${shade(PALETTE.cream, -0.1)}" stroke-width="2" opacity=".8"/>`;
    fringe += `<path d="M${174 + i * 6} 270 v18" stroke="${shade(PALETTE.cream, -0.1)}" stroke-width="2" opacity=".8"/>`;
  }
  const ribs =
    style === 'scarf'
      ? Array.from({ length: 6 }, (_, i) => `<path class="ln" d="M${126 + i * 7} 150 V284"/>`).join('')
      : '';
  return (
    `<path class="ol" fill="${fill}" d="M100 70 Q160 40 220 70 Q240 110 206 132 Q160 150 114 132 Q80 110 100 70 Z"/>` +
    `<path class="ol" fill="#e9e6df" d="M124 80 Q160 62 196 80 Q206 104 186 114 Q160 124 134 114 Q114 104 124 80 Z"/>` +
    `<path class="ol" fill="${fill}" d="M168 120 L212 128 L222 270 L172 272 Z"/>` +
    `<path class="ol" fill="${fill}" d="M120 118 L168 126 L166 286 L118 286 Z"/>` +
    ribs +
    fringe
  );
}

function glove(style) {
  const one = (() => {
    if (style === 'mittens') {
      return `<path class="ol" fill="url(#body)" d="M70 220 L70 120 Q70 70 110 70 Q150 70 150 120 L150 220 Z"/><path class="ol" fill="url(#body)" d="M70 160 Q40 150 44 124 Q50 106 70 118"/><rect class="ol" x="66" y="210" width="88" height="34" rx="6" fill="url(#rib)"/>`;
    }
    const fingers = [
      [76, 96],
      [96, 78],
      [116, 76],
      [136, 90],
    ]
      .map(([x, y]) =>
        style === 'fingerless'
          ? `<rect class="ol" x="${x}" y="${y + 40}" width="18" height="34" rx="8" fill="url(#body)"/><rect x="${x}" y="${y + 40}" width="18" height="8" fill="url(#rib)"/>`
          : `<rect class="ol" x="${x}" y="${y}" width="19" height="${style === 'ski-gloves' ? 80 : 76}" rx="9.5" fill="url(#body)"/>`,
      )
      .join('');
    const palm = `<path class="ol" fill="url(#body)" d="M72 150 Q72 126 92 124 L150 124 Q158 126 158 150 L154 224 L76 224 Z"/>`;
    const thumb = `<path class="ol" fill="url(#body)" d="M74 178 Q46 166 42 138 Q44 124 56 128 Q66 140 80 150 Z"/>`;
    const cuff =
      style === 'ski-gloves'
        ? `<rect class="ol" x="68" y="216" width="94" height="44" rx="8" fill="url(#trim)"/><rect x="68" y="230" width="94" height="10" fill="#1d1d1d" opacity=".7"/><rect x="146" y="228" width="16" height="14" rx="2" fill="#cfcfcf"/>`
        : style === 'gloves'
          ? `<rect class="ol" x="74" y="216" width="82" height="28" rx="6" fill="url(#rib)"/>`
          : `<rect class="ol" x="74" y="216" width="82" height="36" rx="6" fill="url(#rib)"/>`;
    const flap =
      style === 'fingerless'
        ? `<path class="ol" fill="url(#trim)" d="M150 150 Q176 100 118 80 Q70 86 76 126 Z" opacity=".92"/><circle cx="110" cy="146" r="4" fill="#5a4330"/>`
        : '';
    const seams = style === 'ski-gloves' ? `<path class="ln" d="M80 170 H152M80 196 H152"/>` : '';
    return fingers + palm + thumb + cuff + flap + seams;
  })();
  const string =
    style === 'mittens'
      ? `<path d="M110 244 Q160 310 214 238" fill="none" stroke="#eee" stroke-width="3"/>`
      : '';
  return `<g transform="translate(-8 10)">${one}</g><g transform="translate(328 -6) scale(-1 1) rotate(6 110 160)">${one}</g>${string}`;
}

function hat(style) {
  if (style === 'beret') {
    return `<ellipse class="ol" cx="160" cy="170" rx="118" ry="64" fill="url(#body)"/><ellipse class="ol" cx="160" cy="196" rx="72" ry="18" fill="url(#trim)"/><path class="ol" d="M160 106 q4 -14 14 -16" stroke-width="6" fill="none"/>`;
  }
  const shallow = style === 'fisherman';
  const dome = shallow
    ? `<path class="ol" fill="url(#body)" d="M84 200 Q84 120 160 116 Q236 120 236 200 Z"/>`
    : `<path class="ol" fill="url(#body)" d="M80 210 Q76 84 160 78 Q244 84 240 210 Z"/>`;
  let ribs = '';
  for (let x = 100; x <= 220; x += 12)
    ribs += `<path class="ln" d="M${x} ${shallow ? 128 : 96} Q${x + (x - 160) * 0.1} 160 ${x} 200" opacity=".4"/>`;
  const cuff = `<rect class="ol" x="74" y="${shallow ? 190 : 200}" width="172" height="${shallow ? 34 : 46}" rx="10" fill="url(#rib)"/>`;
  if (style === 'trapper') {
    return (
      `<path fill="url(#fur)" class="ol" d="M76 196 L70 270 Q90 290 110 270 L112 206 Z"/>` +
      mirror(`<path fill="url(#fur)" class="ol" d="M76 196 L70 270 Q90 290 110 270 L112 206 Z"/>`) +
      `<path class="ol" fill="url(#body)" d="M80 206 Q76 84 160 78 Q244 84 240 206 Z"/><path class="ln" d="M160 82 V200"/>` +
      `<rect class="ol" x="70" y="190" width="180" height="32" rx="14" fill="url(#fur)"/>`
    );
  }
  const pom = style === 'beanie' ? `<circle cx="160" cy="70" r="30" fill="url(#fur)" class="ol"/>` : '';
  return dome + ribs + cuff + pom;
}

function earmuffs() {
  return `<path d="M92 180 Q92 70 160 66 Q228 70 228 180" fill="none" stroke="url(#trim)" stroke-width="16" stroke-linecap="round"/><circle class="ol" cx="92" cy="196" r="46" fill="url(#body)"/><circle class="ol" cx="228" cy="196" r="46" fill="url(#body)"/><circle cx="80" cy="182" r="16" fill="#fff" opacity=".25"/><circle cx="216" cy="182" r="16" fill="#fff" opacity=".25"/>`;
}

function sock(style) {
  const tall = style === 'long-socks';
  const fluffy = style === 'floor-socks';
  const top = tall ? 30 : fluffy ? 110 : 70;
  const one =
    `<path class="ol" fill="url(#body)" d="M100 ${top} H156 V210 Q156 250 196 256 Q226 262 222 286 Q216 300 186 298 L132 292 Q96 286 98 244 Z"/>` +
    `<rect class="ol" x="100" y="${top}" width="56" height="${fluffy ? 22 : 30}" fill="url(#rib)"/>` +
    `<path fill="url(#trim)" d="M186 258 Q226 262 222 286 Q216 300 186 298 Z" opacity=".9"/>` +
    `<path fill="url(#trim)" d="M98 244 Q96 286 132 292 L136 262 Q110 258 98 244 Z" opacity=".9"/>` +
    (tall ? `<path class="ln" d="M100 120 H156M100 136 H156"/>` : '') +
    (fluffy
      ? Array.from(
          { length: 24 },
          (_, i) =>
            `<circle cx="${106 + ((i * 29) % 110)}" cy="${140 + ((i * 47) % 140)}" r="3" fill="#fff" opacity=".35"/>`,
        ).join('')
      : '');
  return `<g transform="translate(-40 0)">${one}</g><g transform="translate(40 8)">${one}</g>`;
}

function leggings() {
  return `<path class="ol" fill="url(#body)" d="M104 60 H216 L228 290 H184 L162 130 L138 290 H92 Z"/><rect class="ol" x="104" y="52" width="112" height="22" fill="url(#rib)"/><path class="ln" d="M162 76 V126"/>`;
}

function thermalSet() {
  return (
    `<g transform="translate(-10 40) scale(.6)">${top('thermal-top')}</g>` +
    `<g transform="translate(150 80) scale(.6)">${leggings()}</g>`
  );
}

function shoe(style) {
  if (style === 'slippers') {
    return `<path class="ol" fill="url(#body)" d="M54 230 Q52 160 120 150 L214 150 Q274 156 272 222 L268 246 H58 Z"/><path fill="url(#fur)" d="M118 152 Q160 176 214 152 L214 166 Q160 190 118 166 Z"/><rect x="54" y="242" width="218" height="18" rx="8" fill="#3b3b3b"/>`;
  }
  if (style === 'cotton-shoes') {
    let quilt = '';
    for (let x = 110; x < 250; x += 22)
      quilt += `<path class="ln" d="M${x} 168 L${x + 20} 228" opacity=".5"/><path class="ln" d="M${x + 20} 168 L${x} 228" opacity=".5"/>`;
    return `<path class="ol" fill="url(#body)" d="M58 236 Q50 184 96 172 Q130 160 160 164 L240 160 Q282 176 276 236 Z"/>${quilt}<path fill="#f4f1ea" class="ol" d="M52 234 H282 V254 H52 Z"/><rect x="52" y="252" width="230" height="10" fill="#2b2b2b"/>`;
  }
  const snow = style === 'snow-boots';
  const shaft = snow ? 40 : 76;
  let laces = '';
  if (!snow)
    for (let y = 96; y < 200; y += 18)
      laces += `<path d="M134 ${y} l30 10M164 ${y} l-30 10" stroke="#e8dcc4" stroke-width="3"/>`;
  return (
    `<path class="ol" fill="url(#body)" d="M104 ${shaft} H190 L196 196 Q252 202 270 228 L272 256 H70 L74 210 Q94 200 98 170 Z"/>` +
    laces +
    (snow
      ? `<rect class="ol" x="96" y="30" width="102" height="40" rx="18" fill="url(#fur)"/><path class="ln" d="M100 130 H194"/>`
      : '') +
    `<path fill="${snow ? '#f0ece4' : '#3a2e24'}" class="ol" d="M66 254 H276 V272 Q276 280 266 280 H74 Q66 280 66 272 Z"/>`
  );
}

function gaiter() {
  let ribs = '';
  for (let y = 96; y < 250; y += 22)
    ribs += `<path class="ln" d="M104 ${y} Q160 ${y + 14} 216 ${y}" opacity=".5"/>`;
  return `<path class="ol" fill="url(#body)" d="M104 84 Q160 104 216 84 L224 250 Q160 274 96 250 Z"/><ellipse class="ol" cx="160" cy="84" rx="56" ry="16" fill="url(#trim)"/>${ribs}`;
}

const DRAW = {
  puffer: () => jacket('puffer'),
  'long-puffer': () => jacket('long-puffer'),
  vest: () => jacket('vest'),
  parka: () => jacket('parka'),
  coat: () => jacket('coat'),
  fleece: () => jacket('fleece'),
  sweater: () => top('sweater'),
  turtleneck: () => top('turtleneck'),
  cardigan: () => top('cardigan'),
  'knit-vest': () => top('knit-vest'),
  'thermal-top': () => top('thermal-top'),
  scarf: () => scarf('scarf'),
  'plaid-scarf': () => scarf('plaid-scarf'),
  snood: () => scarf('snood'),
  shawl: () => scarf('shawl'),
  gloves: () => glove('gloves'),
  'ski-gloves': () => glove('ski-gloves'),
  fingerless: () => glove('fingerless'),
  mittens: () => glove('mittens'),
  beanie: () => hat('beanie'),
  fisherman: () => hat('fisherman'),
  trapper: () => hat('trapper'),
  beret: () => hat('beret'),
  earmuffs,
  socks: () => sock('socks'),
  'long-socks': () => sock('long-socks'),
  'floor-socks': () => sock('floor-socks'),
  leggings,
  'thermal-set': thermalSet,
  boots: () => shoe('boots'),
  'snow-boots': () => shoe('snow-boots'),
  slippers: () => shoe('slippers'),
  'cotton-shoes': () => shoe('cotton-shoes'),
  gaiter,
};

export function drawImage(kind, colourName) {
  const hex = PALETTE[colourName];
  const draw = DRAW[kind];
  if (!hex) throw new Error(`no palette entry for colour "${colourName}"`);
  if (!draw) throw new Error(`no drawing for kind "${kind}"`);
  const title = `${colourName} ${kind.replace(/-/g, ' ')}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 320" width="320" height="320" role="img" aria-label="${title}">` +
    `<title>${title}</title>${defs(hex)}` +
    `<rect width="320" height="320" fill="url(#bg)"/><ellipse cx="160" cy="298" rx="118" ry="12" fill="#000" opacity=".08"/>` +
    `${draw()}</svg>\n`
  );
}

const store = JSON.parse(readFileSync(join(here, 'store.json'), 'utf8'));
const wanted = new Set(store.offers.flatMap((offer) => offer.images ?? []).map((url) => basename(url)));
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let bytes = 0;
for (const file of [...wanted].sort()) {
  const match = /^(.+)-([a-z]+)\.svg$/.exec(file);
  if (!match) throw new Error(`unexpected image name ${file}`);
  const svg = drawImage(match[1], match[2]);
  bytes += Buffer.byteLength(svg);
  writeFileSync(join(outDir, file), svg);
}
console.log(
  `wrote ${readdirSync(outDir).length} images to ${outDir} (${(bytes / 1024).toFixed(1)} KiB in all)`,
);
