/**
 * The virtual module `virtual:chainkit-sample` for the live examples: a few offers and the
 * factories' public facts from the demo store (examples/data/store.json), so the examples run
 * with no order server. Secrets in the store file (keys, webhook secrets) are left out, and the
 * offers' images are imported so Vite copies them into the build (the site must not depend on
 * /examples/ being served next to it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SAMPLE_MODULE = 'virtual:chainkit-sample';

/** Offers shown by the examples: different ladders, rules (boxes of 12, step 6) and scopes. */
const OFFER_IDS = [
  'down-puffer-short',
  'padded-parka',
  'cable-knit-sweater',
  'touchscreen-knit-gloves',
  'pompom-knit-beanie',
  'wool-blend-socks',
];

interface StoreOffer {
  readonly id: string;
  readonly images?: readonly string[];
  readonly [field: string]: unknown;
}

interface StoreFactory {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly dailyCapacity: number;
  readonly leadTimeDays: number;
}

/** The module's source: offers with imported image URLs, and public factory facts. */
export function sampleModuleSource(repoRoot: string): string {
  const store = JSON.parse(readFileSync(join(repoRoot, 'examples/data/store.json'), 'utf8')) as {
    currency: string;
    offers: StoreOffer[];
    factories: StoreFactory[];
  };
  const imports: string[] = [];
  const offers = OFFER_IDS.map((id) => {
    const offer = store.offers.find((candidate) => candidate.id === id);
    if (!offer) throw new Error(`examples/data/store.json has no offer "${id}" for the docs' live examples`);
    const images = (offer.images ?? []).map((url) => {
      const name = `image${imports.length}`;
      // Store URLs are /examples/data/images/x.svg, served by `npm start`; import the file itself.
      imports.push(`import ${name} from ${JSON.stringify(join(repoRoot, url) + '?url')};`);
      return name;
    });
    return `{ ...${JSON.stringify({ ...offer, images: undefined })}, images: [${images.join(', ')}] }`;
  });
  const factories = store.factories.map(({ id, name, region, dailyCapacity, leadTimeDays }) => ({
    id,
    name,
    region,
    dailyCapacity,
    leadTimeDays,
  }));
  return [
    ...imports,
    `export const currency = ${JSON.stringify(store.currency)};`,
    `export const offers = [${offers.join(',\n')}];`,
    `export const factories = ${JSON.stringify(factories)};`,
  ].join('\n');
}
