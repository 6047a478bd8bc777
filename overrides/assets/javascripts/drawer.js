// The navigation drawer on narrow screens, for the keyboard: its button (a <label> in Material)
// is focusable and opens on Enter (Material's script clicks a focused label) or Space, and while
// the drawer is closed its links are inert, so Tab never lands on a link that is off the screen.
// Escape closes it.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector('header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var narrow = window.matchMedia("(max-width: 76.2344em)");  // Material's drawer breakpoint
  function update() {
    var hidden = narrow.matches && !toggle.checked;
    drawer.inert = hidden;
    button.setAttribute("aria-expanded", String(toggle.checked));
  }
  button.addEventListener("keydown", function (event) {
    if (event.key !== " ") return;
    event.preventDefault();
    toggle.click();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) { toggle.click(); button.focus(); }
  });
  toggle.addEventListener("change", function () {
    update();
    if (toggle.checked) {
      var first = drawer.querySelector("a[href], label[tabindex]");
      if (first) setTimeout(function () { first.focus(); }, 50);
    }
  });
  narrow.addEventListener("change", update);
  update();
})();
