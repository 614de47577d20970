import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { quoteFrames } from './feed-bench.js';

/**
 * A separate process that serves the benchmark's quote frames to each client as fast as the socket takes them,
 * so the client being measured has a core of its own. Prints its port, serves until killed.
 */
const frames = quoteFrames(1000, 300);
const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
wss.on('listening', () => process.stdout.write(`${(wss.address() as AddressInfo).port}\n`));
wss.on('connection', (ws) => {
  ws.once('message', () => {
    let i = 0;
    const pump = () => {
      while (i < frames.length && ws.bufferedAmount < 1 << 20) ws.send(frames[i++] as Buffer);
      if (i < frames.length) setImmediate(pump);
    };
    pump();
  });
});
