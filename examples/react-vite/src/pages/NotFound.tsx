import { href } from '../router.js';

export function NotFound({ path }: { path: string }) {
  return (
    <section aria-labelledby="missing-title">
      <h1 id="missing-title">Nothing at {path}</h1>
      <p>
        <a href={href({ name: 'products' })}>See all products</a>
      </p>
    </section>
  );
}
