// Preloaded with `node --require` by privacy.test.ts: every way Node offers to reach the network
// reports "NETWORK ATTEMPT: …" on stderr and throws. Covers our code and the dependencies alike.
'use strict';
const trap = (what) =>
  function trapped() {
    process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
    throw new Error(`network access blocked: ${what}`);
  };

const net = require('node:net');
net.Socket.prototype.connect = trap('net.Socket#connect');
net.connect = net.createConnection = trap('net.connect');
const tls = require('node:tls');
tls.connect = trap('tls.connect');
const dgram = require('node:dgram');
dgram.createSocket = trap('dgram.createSocket');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns[k] = trap(`dns.${k}`);
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) dns.promises[k] = trap(`dns.promises.${k}`);
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod);
  m.request = trap(`${mod}.request`);
  m.get = trap(`${mod}.get`);
}
require('node:http2').connect = trap('http2.connect');
globalThis.fetch = trap('fetch');
if (typeof globalThis.WebSocket === 'function') globalThis.WebSocket = trap('WebSocket');

if (process.env.ROSTER_SCREEN_NET_PROBE) {
  try {
    require('node:http').get('http://127.0.0.1:9/');
  } catch {
    // reported above
  }
}
