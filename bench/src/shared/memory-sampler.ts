/** Peak and sampled memory of this process over a measured section. */
export interface MemoryProfile {
  peakRssMegabytes: number;
  peakHeapUsedMegabytes: number;
  /** Peak of the heap V8 had reserved (used or not): what the heap adds to RSS. */
  peakHeapTotalMegabytes?: number;
  /** Peak of memory outside the JS heap that V8 tracks (buffers, TLS, native objects). */
  peakExternalMegabytes?: number;
  /** RSS at each tenth of the run (10 values), to show whether memory stays flat. */
  rssByTenthMegabytes: number[];
  samples: number;
}

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Samples `process.memoryUsage()` every `intervalMs` until stopped. The timer is unref'd so it
 * never keeps the process alive; the sampling itself costs a few microseconds a tick.
 */
export function startMemorySampler(intervalMs = 25): { stop(): MemoryProfile } {
  const rss: number[] = [];
  let peakRss = 0;
  let peakHeap = 0;
  let peakHeapTotal = 0;
  let peakExternal = 0;
  const sample = () => {
    const usage = process.memoryUsage();
    rss.push(usage.rss);
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakHeapTotal = Math.max(peakHeapTotal, usage.heapTotal);
    peakExternal = Math.max(peakExternal, usage.external);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      sample();
      const tenths = Array.from({ length: 10 }, (_, index) => {
        const at = Math.min(rss.length - 1, Math.round(((index + 1) * (rss.length - 1)) / 10));
        return megabytes(rss[at] ?? 0);
      });
      return {
        peakRssMegabytes: megabytes(peakRss),
        peakHeapUsedMegabytes: megabytes(peakHeap),
        peakHeapTotalMegabytes: megabytes(peakHeapTotal),
        peakExternalMegabytes: megabytes(peakExternal),
        rssByTenthMegabytes: tenths,
        samples: rss.length,
      };
    },
  };
}
