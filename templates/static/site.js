// Small page helpers that need no Python: checklists that remember their ticks.
// State is kept in this browser's localStorage only, under keys "checklist:<guide>".

function setUpChecklists() {
  for (const prose of document.querySelectorAll("[data-guide]")) {
    const boxes = Array.from(prose.querySelectorAll("input.task-list-item-checkbox"));
    if (!boxes.length) continue;
    const key = `checklist:${prose.dataset.guide}`;
    let saved = [];
    try {
      saved = JSON.parse(localStorage.getItem(key) || "[]");
    } catch {
      saved = [];
    }
    boxes.forEach((box, index) => {
      box.checked = saved.includes(index);
      box.addEventListener("change", () => {
        const ticked = boxes.flatMap((b, i) => (b.checked ? [i] : []));
        localStorage.setItem(key, JSON.stringify(ticked));
      });
    });
    const clear = document.createElement("button");
    clear.type = "button";
    clear.className = "checklist-clear";
    clear.textContent = "Clear all ticks on this page";
    clear.addEventListener("click", () => {
      boxes.forEach((box) => (box.checked = false));
      localStorage.removeItem(key);
    });
    boxes[0].closest("ul").before(clear);
  }
}

setUpChecklists();
