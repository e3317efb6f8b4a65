// Browser globals the offline store reads, for its tests in Node: an in-memory localStorage and a window that
// takes listeners. Imported first by those tests (after fake-indexeddb/auto).
const memory = new Map<string, string>();
Object.assign(globalThis, {
  localStorage: {
    getItem: (k: string) => memory.get(k) ?? null,
    setItem: (k: string, v: string) => void memory.set(k, v),
    removeItem: (k: string) => void memory.delete(k),
  },
  window: { addEventListener() {}, removeEventListener() {} },
});
