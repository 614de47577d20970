import { EngineError } from '../../core/index.js';

/** Calls the running daemon's control endpoint with the bearer token from TRADE_ENGINE_CONTROL_TOKEN. */
export const callControl = async (baseUrl: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> => {
  const token = process.env.TRADE_ENGINE_CONTROL_TOKEN?.trim();
  if (!token) throw new EngineError('CONTROL_NO_TOKEN', 'TRADE_ENGINE_CONTROL_TOKEN is not set (the daemon\'s control token)');
  let res: Response;
  try {
    res = await fetch(`${baseUrl.replace(/\/$/, '')}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (e) {
    throw new EngineError('CONTROL_UNREACHABLE', `no daemon answering at ${baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  if (!res.ok) {
    const msg = typeof json === 'object' && json !== null && 'error' in json ? String((json as { error: unknown }).error) : text;
    throw new EngineError('CONTROL_REFUSED', `the daemon refused ${method} ${path}: HTTP ${res.status}: ${msg}`);
  }
  return json;
};
