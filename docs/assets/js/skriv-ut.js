// "Hela handboken": a print button where the page marks its place (issue 27). It is made here
// because it works only with JavaScript; without it the browser's own print command remains.
for (const place of document.querySelectorAll("[data-handbok-utskrift]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "md-button md-button--primary";
  button.textContent = "Skriv ut handboken";
  button.addEventListener("click", () => window.print());
  place.prepend(button);
}
