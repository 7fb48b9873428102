// Injected before any page script (page.add_init_script): records, in page time
// (performance.now(), 0 = navigation start), when the first calculator form turns
// live, every main-thread long task, and when the page's first Web Worker was created
// and first answered (to show where the time to live goes). The page's code is not changed.
(() => {
  const probe = (window.__bench = { liveAt: null, longTasks: [], workerCreated: null, workerAnswered: null });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    probe.longTasks = null; // this browser reports no long tasks
  }
  new MutationObserver(() => {
    const form = document.querySelector("form[data-calculator]");
    if (probe.liveAt === null && form && form.dataset.state === "live") probe.liveAt = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
  if (window.Worker) {
    window.Worker = class extends window.Worker {
      constructor(...args) {
        super(...args);
        probe.workerCreated ??= performance.now();
        this.addEventListener("message", () => (probe.workerAnswered ??= performance.now()));
      }
    };
  }
})();
