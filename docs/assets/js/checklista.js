/* Checklist (issue 3): turns the plain lists in .handbok-checklista into checkboxes.
   State lives only in this browser's localStorage; nothing is sent anywhere. */
(function () {
  "use strict";

  var STORAGE_KEY = "forandringshandboken.checklista.v1";

  function readState() {
    try {
      var parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (error) {
      return {};
    }
  }

  function writeState(state) {
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (error) {
      /* Storage disabled or full: the boxes still work for this visit. */
    }
  }

  function summary(boxes) {
    var ticked = boxes.filter(function (box) { return box.checked; }).length;
    return ticked + " av " + boxes.length + " punkter avbockade.";
  }

  function makeItem(item, state) {
    var key = item.getAttribute("data-punkt");
    var box = document.createElement("input");
    var label = document.createElement("label");
    box.type = "checkbox";
    box.id = "punkt-" + key;
    box.checked = state[key] === true;
    box.setAttribute("data-punkt", key);
    label.htmlFor = box.id;
    while (item.firstChild) {
      label.appendChild(item.firstChild);
    }
    item.appendChild(box);
    item.appendChild(label);
    item.classList.add("handbok-punkt");
    return box;
  }

  function makeToolbar(container, boxes) {
    var toolbar = document.createElement("div");
    var button = document.createElement("button");
    var status = document.createElement("p");
    toolbar.className = "handbok-checklista__verktyg";
    button.type = "button";
    button.textContent = "Rensa";
    button.setAttribute("aria-label", "Rensa checklistan");
    button.setAttribute("aria-describedby", "checklista-status");
    status.id = "checklista-status";
    status.setAttribute("role", "status");
    status.textContent = summary(boxes);
    button.addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      writeState({});
      status.textContent = "Alla markeringar är borttagna. " + summary(boxes);
    });
    toolbar.appendChild(button);
    toolbar.appendChild(status);
    container.insertBefore(toolbar, container.firstChild);
    return status;
  }

  function enhance() {
    var container = document.querySelector(".handbok-checklista");
    if (!container || container.getAttribute("data-aktiv") === "ja") {
      return;
    }
    container.setAttribute("data-aktiv", "ja");
    var state = readState();
    var items = Array.prototype.slice.call(container.querySelectorAll("li[data-punkt]"));
    var boxes = items.map(function (item) { return makeItem(item, state); });
    var status = makeToolbar(container, boxes);
    container.addEventListener("change", function (event) {
      var box = event.target;
      if (!box.matches || !box.matches("input[data-punkt]")) {
        return;
      }
      var next = readState();
      if (box.checked) {
        next[box.getAttribute("data-punkt")] = true;
      } else {
        delete next[box.getAttribute("data-punkt")];
      }
      writeState(next);
      status.textContent = summary(boxes);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(enhance);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
