// page.evaluate(this, {field, values}): for each value, set the field, fire 'input',
// and time (in the page) until the outputs are updated: the results box has new
// content and the form is live (or invalid) again. Returns milliseconds per edit,
// or null for an edit that got no answer within 5 s.
async ({ field, values }) => {
  const form = document.querySelector("form[data-calculator]");
  const input = form.elements.namedItem(field);
  const results = form.querySelector("[data-results]");
  const settled = () => ["live", "invalid"].includes(form.dataset.state);
  const times = [];
  for (const value of values) {
    const answered = new Promise((resolve) => {
      let swapped = false;
      const timer = setTimeout(() => { observer.disconnect(); resolve(null); }, 5000);
      const observer = new MutationObserver((records) => {
        if (records.some((r) => r.type === "childList" && results.contains(r.target))) swapped = true;
        if (swapped && settled()) {
          clearTimeout(timer);
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(form, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
    });
    const started = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const ended = await answered;
    times.push(ended === null ? null : ended - started);
    await new Promise((resolve) => setTimeout(resolve, 30)); // a person types slower than this
  }
  return times;
};
