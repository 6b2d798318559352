import { ChainMoney } from '@chainkit/react';
import { href } from '../router.js';

export function Home() {
  return (
    <section className="hero" aria-labelledby="home-title">
      <h1 id="home-title">Winter knitwear and outerwear, straight from five factories</h1>
      <p>
        Ladder prices on every style, colours and sizes counted together, and each order shipped by the
        factory that makes it. Orders from <ChainMoney amount={100000} currency="CNY" locale="en" />.
      </p>
      <p>
        <a className="button button-primary" href={href({ name: 'products' })}>
          Browse the products
        </a>
      </p>
    </section>
  );
}
