import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logLevelFrom } from '../src/logger.js';

function sink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('logger', () => {
  it('redacts buyer, ship-to, credentials and bodies at the top level and nested', () => {
    const out = sink();
    const logger = createLogger({ level: 'info', destination: out.stream });
    logger.info(
      {
        orderId: 'ord_1',
        buyer: { name: '王小明', phone: '13800138000' },
        shipTo: { line1: '稠州北路 88 号' },
        req: { headers: { authorization: 'Bearer sk_live_abc', 'idempotency-key': 'k-1' } },
        order: { buyer: { name: '李四' }, shipTo: { city: '义乌' }, payload: '{"buyer":"x"}' },
        webhookSecret: 'whsec_abc',
      },
      'placed',
    );
    const [line] = out.lines();
    expect(line).toMatchObject({ orderId: 'ord_1', msg: 'placed', service: 'chainkit' });
    const text = JSON.stringify(line);
    for (const secret of [
      '王小明',
      '13800138000',
      '稠州北路',
      'sk_live_abc',
      '李四',
      '义乌',
      'whsec_abc',
      'k-1',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(line?.buyer).toBe('[redacted]');
  });

  it('takes its level from the argument, else LOG_LEVEL, else info (silent under vitest)', () => {
    expect(logLevelFrom('debug', {})).toBe('debug');
    expect(logLevelFrom(undefined, { LOG_LEVEL: 'WARN' })).toBe('warn');
    expect(logLevelFrom(undefined, {})).toBe('info');
    expect(logLevelFrom(undefined, { VITEST: 'true' })).toBe('silent');
    expect(logLevelFrom('loud', {})).toBe('info');
    const out = sink();
    createLogger({ level: 'warn', destination: out.stream }).info({}, 'hidden');
    expect(out.lines()).toEqual([]);
  });
});
