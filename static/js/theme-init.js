/* Runs before the page paints: apply the reader's saved theme and text size (no flash). */
(function () {
    try {
        var root = document.documentElement;
        root.classList.add("js"); // reader.js will run: its tools keep their place from the first paint
        var theme = localStorage.getItem("lsunion-theme");
        if (theme === "dark" || theme === "light") root.setAttribute("data-theme", theme);
        var scale = parseFloat(localStorage.getItem("lsunion-scale"));
        if (scale >= 1 && scale <= 2) root.style.setProperty("--scale", String(scale));
    } catch (e) { /* storage unavailable: defaults apply */ }
})();
