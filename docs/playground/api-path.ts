/**
 * The API base the presets use (`<chain-store api="/playground-api">`): same origin as the
 * docs, so no CORS; msw's worker answers it from the in-browser server (see api.ts).
 */
export const API_PATH = '/playground-api';
