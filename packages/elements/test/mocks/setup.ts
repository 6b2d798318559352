/**
 * Starts msw's service worker for one test file and resets it between tests.
 *
 *     import { useMockApi, worker, MOCK_API, MOCK_KEY } from './mocks/setup.js';
 *     const api = useMockApi();          // at the top of the file (or inside a describe)
 *     it('…', async () => {
 *       worker.use(http.get(`${MOCK_API}/v1/offers`, () => HttpResponse.json(…)));  // one test only
 *       api.fail({ path: '/v1/orders', status: 503 });
 *     });
 *
 * Web Test Runner runs each test file in its own page (and browser context), so each file has
 * its own worker registration and mock state; test files never see each other's requests.
 * The worker only answers requests to `MOCK_API`; everything else (modules, images) goes to
 * the test server as usual. A request to `MOCK_API` without a handler fails the test loudly.
 */
import { setupWorker } from 'msw/browser';
import { handlers, MOCK_API, mockApi } from './handlers.js';

export {
  MOCK_API,
  MOCK_KEY,
  MOCK_ORDER_DATE,
  mockApi,
  handlers,
  type FailureSpec,
  type RecordedRequest,
} from './handlers.js';
export { FIXTURE_CATALOG, COAT, HAT, SOCKS, FACTORIES } from './fixture-catalog.js';

/** The msw worker of this page; `worker.use(...)` adds handlers for the current test. */
export const worker = setupWorker(...handlers);

let started: Promise<unknown> | undefined;

/** Starts the worker once per page (idempotent). */
export function startMockApi(): Promise<unknown> {
  started ??= worker.start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    quiet: true,
    onUnhandledRequest(request, print) {
      if (request.url.startsWith(MOCK_API)) print.error();
    },
  });
  return started;
}

/**
 * Registers Mocha hooks: start the worker before the first test, and after each test drop
 * per-test handlers (`worker.use`) and reset the mock state (catalog, failures, orders,
 * recorded requests). Returns the mock's controls.
 */
export function useMockApi(): typeof mockApi {
  before(async () => {
    await startMockApi();
  });
  afterEach(() => {
    worker.resetHandlers();
    mockApi.reset();
  });
  return mockApi;
}
