/* Portfolio table: filtering and sorting (issue 5). Progressive enhancement: without this
   script the whole table is shown and the filter form stays hidden. No dependencies. */
(function () {
  "use strict";

  function cellKey(row, column) {
    var cell = row.cells[column];
    if (!cell) return "";
    return cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent.trim();
  }

  function setUp(table) {
    var form = document.querySelector(".handbok-portfoljfilter");
    var counter = document.getElementById("pf-antal");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var texts = rows.map(function (row) { return row.textContent.toLocaleLowerCase("sv"); });
    var labels = headers.map(function (header) { return header.textContent.trim(); });
    var sortState = { column: 0, direction: "ascending" };

    function applyFilters() {
      var query = form.querySelector("[data-filter=text]").value.trim().toLocaleLowerCase("sv");
      var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
      var shown = 0;
      rows.forEach(function (row, index) {
        var visible = !query || texts[index].indexOf(query) !== -1;
        selects.forEach(function (select) {
          if (!visible || !select.value) return;
          var values = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          visible = values.indexOf(select.value) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      counter.textContent = "Visar " + shown + " av " + rows.length + " insatser.";
    }

    function sortBy(column) {
      var direction = sortState.column === column && sortState.direction === "ascending"
        ? "descending" : "ascending";
      var factor = direction === "ascending" ? 1 : -1;
      var order = rows.map(function (row, index) { return { row: row, index: index }; });
      order.sort(function (a, b) {
        var result = cellKey(a.row, column).localeCompare(cellKey(b.row, column), "sv", { numeric: true });
        return result !== 0 ? factor * result : a.index - b.index;
      });
      order.forEach(function (item) { body.appendChild(item.row); });
      sortState = { column: column, direction: direction };
      headers.forEach(function (header, index) {
        if (index === column) header.setAttribute("aria-sort", direction);
        else header.removeAttribute("aria-sort");
      });
      counter.textContent = "Sorterat efter " + labels[column] +
        (direction === "ascending" ? ", stigande." : ", fallande.");
    }

    headers.forEach(function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "handbok-sortera";
      while (header.firstChild) button.appendChild(header.firstChild);
      var icon = document.createElement("span");
      icon.className = "handbok-sortera__ikon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = "↕";
      button.appendChild(icon);
      button.addEventListener("click", function () { sortBy(index); });
      header.appendChild(button);
    });
    headers[0].setAttribute("aria-sort", "ascending");

    form.hidden = false;
    form.addEventListener("input", applyFilters);
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(applyFilters, 0); });
    applyFilters();
  }

  function init() {
    // On a phone the timeline drawing is hidden (portfolj.css): open its table instead.
    var timeline = document.querySelector("details.handbok-tl-text");
    if (timeline && window.matchMedia("(max-width: 44.9375em)").matches) timeline.open = true;
    var table = document.getElementById("portfolj-tabell");
    if (table && !table.hasAttribute("data-enhanced")) {
      table.setAttribute("data-enhanced", "");
      setUp(table);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
