// Drives kernel.wasm (kernel.ts) over a k6 NDJSON file as perf-gate's ByteSource reads plain files: 1 MiB
// reads into two buffers in turn, the next read running (in libuv's threads) while the kernel reads the
// last. The buffers are the kernel's own memory, so no byte is copied but a line cut off by a chunk.
import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';

const { WebAssembly } = globalThis;

export async function readWithKernel(wasmFile, file) {
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmFile), { env: { abort: () => { throw new Error('kernel.wasm aborted'); } } });
  const k = instance.exports;
  const regions = [k.inputA(), k.inputB()];
  const chunk = k.chunkSize();
  const room = k.carryRoom();
  // The kernel reserves its memory up front, so this view stays valid while reads are pending.
  const memory = new Uint8Array(k.memory.buffer);
  const handle = await open(file, 'r');
  try {
    let current = 0;
    let carry = new Uint8Array(0);
    let reading = handle.read(memory, regions[0], chunk, null);
    for (;;) {
      const { bytesRead } = await reading;
      if (bytesRead === 0) break;
      const at = regions[current];
      current = 1 - current;
      reading = handle.read(memory, regions[current], chunk, null);
      if (carry.length > room) throw new Error(`${file}: a line longer than ${room} bytes`);
      memory.set(carry, at - carry.length);
      const start = at - carry.length;
      const length = carry.length + bytesRead;
      const used = k.parse(start, length);
      carry = memory.slice(start + used, start + length);
    }
    if (memory.buffer !== k.memory.buffer) throw new Error('kernel.wasm grew its memory while reading');
  } finally {
    await handle.close();
  }
  k.finish();
  return { points: k.points.value, slowLines: k.slowLines.value, leaves: k.leaves(), tagSets: k.tagSets(), compactedBytes: k.compactedBytes() };
}
