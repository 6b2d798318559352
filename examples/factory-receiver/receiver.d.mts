/** Types of receiver.mjs, for TypeScript users (and the repository's tests). */

export declare const DEMO_STORE: string;

export interface FactoryCredentials {
  /** The factory's `fk_…` key for the factory API. */
  readonly apiKey: string;
  /** The factory's `whsec_…` webhook signing secret. */
  readonly secret: string;
}

export interface ReceiverConfig {
  readonly factories: Readonly<Record<string, FactoryCredentials>>;
  readonly merchantSecret?: string;
}

export interface ReceiverLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export interface ReceiverOptions extends ReceiverConfig {
  readonly api: string;
  readonly port?: number;
  readonly host?: string;
  readonly queueFile?: string;
  readonly acceptAfterMs?: number;
  readonly shipAfterMs?: number;
  readonly maxAttempts?: number;
  readonly retryBaseMs?: number;
  readonly toleranceSeconds?: number;
  readonly carrier?: string;
  readonly logger?: ReceiverLogger;
}

/** One sub-order's work: accept, then ship; `done`, or `failed` after the retries. */
export interface ReceiverJob {
  readonly id: string;
  readonly factoryId: string;
  readonly orderId?: string;
  readonly trackingNumber: string;
  readonly step: 'accept' | 'ship' | 'done' | 'failed';
  readonly attempts: number;
  readonly nextAt: number;
  readonly lastError?: string;
}

export interface RunningReceiver {
  readonly url: string;
  readonly port: number;
  jobs(): Record<string, ReceiverJob>;
  onChange(listener: (job: ReceiverJob) => void): () => void;
  close(): Promise<void>;
}

export declare function configFromStoreFile(path: string): ReceiverConfig;
export declare function trackingNumberFor(factoryOrderId: string): string;
export declare const silentLogger: ReceiverLogger;
export declare function startReceiver(options: ReceiverOptions): Promise<RunningReceiver>;
