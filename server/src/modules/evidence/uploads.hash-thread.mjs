// The hash thread of evidence uploads (started by uploads.hashing.ts). Node's hashes run
// synchronously on the thread that calls them; SM3 alone costs about as much CPU as reading the
// socket and writing the disk together, so the main thread hands each slot of received bytes
// here and goes on reading and writing while this thread hashes, on the other core.
//
// Plain JavaScript, not TypeScript: a worker thread does not inherit the loader that runs the
// server's TypeScript (tsx in production, Vite in the tests), so it must be loadable by bare Node.
//
// Messages are handled in the order sent (one port, one thread), which is what makes the hashes
// right: an update is applied after every earlier update, copy and creation, and before any later
// digest. Slots live in one SharedArrayBuffer shared with the main thread; a slot is the main
// thread's again once its 'updated' answer arrives.
import { createHash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';

const { buffer, slotBytes } = workerData;
/** @type {Map<number, import('node:crypto').Hash>} */
const states = new Map();

function state(id) {
  const hash = states.get(id);
  if (!hash) throw new Error(`hash thread: no hash state ${id}`);
  return hash;
}

parentPort.on('message', (message) => {
  switch (message.op) {
    case 'create':
      states.set(message.id, createHash(message.algorithm));
      break;
    case 'copy':
      states.set(message.id, state(message.from).copy());
      break;
    case 'update': {
      const bytes = new Uint8Array(buffer, message.slot * slotBytes, message.length);
      for (const id of message.ids) state(id).update(bytes);
      parentPort.postMessage({ op: 'updated', request: message.request });
      break;
    }
    case 'digest': {
      const digest = state(message.id).digest();
      states.delete(message.id);
      parentPort.postMessage({ op: 'digest', request: message.request, digest });
      break;
    }
    case 'free':
      states.delete(message.id);
      break;
    default:
      throw new Error(`hash thread: unknown operation ${String(message.op)}`);
  }
});
