import type { IncomingMessage } from 'node:http';

/** A control request's JSON body ({} when empty), or undefined when it is not JSON. */
export const readJsonBody = async (req: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
  try {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    return JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>;
  } catch {
    return undefined;
  }
};
