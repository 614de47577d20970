import { describe, expect, it } from 'vitest';
import { BrokerError, classifyHttpError, classifyTransportError } from '../../../src/execution/dhan/index.js';

const dh = (code: string, message = 'x', type = 'T') => ({ errorType: type, errorCode: code, errorMessage: message });

describe('classifyHttpError', () => {
  it.each([
    [401, dh('DH-901'), 'authentication', 'BROKER_AUTH_FAILED', true],
    [403, dh('DH-902'), 'authentication', 'BROKER_AUTH_FAILED', true],
    [400, dh('DH-903'), 'authentication', 'BROKER_AUTH_FAILED', true],
    [429, dh('DH-904'), 'rate_limit', 'BROKER_RATE_LIMITED', true],
    [400, dh('DH-905', 'Missing required field'), 'order', 'BROKER_ORDER_REJECTED', true],
    [400, dh('DH-905', 'Invalid IP'), 'authentication', 'BROKER_AUTH_FAILED', true],
    [400, dh('DH-906', 'Order is in Transit state'), 'order', 'BROKER_ORDER_REJECTED', true],
    [404, dh('DH-906'), 'order', 'BROKER_ORDER_REJECTED', true],
    [400, dh('DH-907'), 'data', 'BROKER_DATA_ERROR', true],
    [500, dh('DH-908'), 'system', 'BROKER_SYSTEM', false],
    [502, dh('DH-909'), 'network', 'BROKER_NETWORK', false],
    [400, dh('DH-909'), 'network', 'BROKER_NETWORK', false],
    [400, dh('DH-910'), 'system', 'BROKER_SYSTEM', false],
    [403, dh('DH-911'), 'authentication', 'BROKER_AUTH_FAILED', true],
    [400, { status: 'failed', data: { 813: 'Invalid SecurityId' } }, 'data', 'BROKER_DATA_ERROR', true],
    [401, undefined, 'authentication', 'BROKER_AUTH_FAILED', true],
    [429, undefined, 'rate_limit', 'BROKER_RATE_LIMITED', true],
    [422, { errorMessage: 'bad' }, 'order', 'BROKER_ORDER_REJECTED', true],
    [503, undefined, 'system', 'BROKER_SYSTEM', false],
    [500, dh('DH-906'), 'order', 'BROKER_ORDER_REJECTED', false],
  ])('HTTP %i %j → %s (%s), definitive %s', (status, body, category, code, definitive) => {
    const e = classifyHttpError(status, body);
    expect(e).toBeInstanceOf(BrokerError);
    expect({ category: e.category, code: e.code, definitive: e.definitive, httpStatus: e.httpStatus }).toEqual({ category, code, definitive, httpStatus: status });
  });

  it('keeps the Dhan code and message for the log', () => {
    const e = classifyHttpError(429, dh('DH-904', 'Too many requests', 'Rate_Limit'));
    expect(e.dhanCode).toBe('DH-904');
    expect(e.message).toBe('DH-904: Too many requests');
    expect(e.details).toMatchObject({ errorType: 'Rate_Limit' });
  });
});

describe('classifyTransportError', () => {
  it('calls an AbortSignal timeout BROKER_TIMEOUT and a dropped connection BROKER_NETWORK, neither definitive', () => {
    const timeout = classifyTransportError(new DOMException('The operation was aborted due to timeout', 'TimeoutError'), 'POST /orders');
    expect({ code: timeout.code, category: timeout.category, definitive: timeout.definitive }).toEqual({ code: 'BROKER_TIMEOUT', category: 'network', definitive: false });
    const dropped = classifyTransportError(new TypeError('fetch failed', { cause: new Error('other side closed') }), 'POST /orders');
    expect({ code: dropped.code, definitive: dropped.definitive }).toEqual({ code: 'BROKER_NETWORK', definitive: false });
    expect(dropped.message).toContain('other side closed');
  });
});
