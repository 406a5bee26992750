/* Reader tools: dark mode, print, read aloud, text size. theme-init.js applied saved choices. */
(function () {
    "use strict";
    var root = document.documentElement;
    var bar = document.querySelector(".reader-toolbar");
    if (!bar) return;
    var STEPS = [1, 1.25, 1.5, 1.75, 2];
    var status = bar.querySelector(".tool-status");

    function tool(name) { return bar.querySelector('[data-tool="' + name + '"]'); }
    function save(key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
    function say(text) { status.textContent = text; }
    function show(el, visible) { if (el) el.hidden = !visible; }

    /* On phones the tools are a panel opened by the header's “Aa” link (#cong-cu-doc without JS). */
    var opener = document.querySelector("[data-tools-toggle]");
    function setOpen(open) {
        bar.classList.toggle("is-open", open);
        if (opener) opener.setAttribute("aria-expanded", String(open));
    }
    if (opener) {
        setOpen(false);
        opener.addEventListener("click", function (event) {
            event.preventDefault();
            setOpen(!bar.classList.contains("is-open"));
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && bar.classList.contains("is-open")) { setOpen(false); opener.focus(); }
        });
    }

    /* Chế độ ban đêm: the device's preference until the reader chooses. */
    var themeButton = tool("theme");
    var prefersDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)");
    function isDark() {
        var chosen = root.getAttribute("data-theme");
        return chosen ? chosen === "dark" : !!(prefersDark && prefersDark.matches);
    }
    function showTheme() { themeButton.setAttribute("aria-pressed", String(isDark())); }
    themeButton.addEventListener("click", function () {
        var theme = isDark() ? "light" : "dark";
        root.setAttribute("data-theme", theme);
        save("lsunion-theme", theme);
        showTheme();
    });
    if (prefersDark && prefersDark.addEventListener) prefersDark.addEventListener("change", showTheme);
    showTheme();
    show(themeButton, true);

    /* -A A +A: steps up to 200 %, kept across pages. */
    function scaleIndex() {
        var scale = parseFloat(root.style.getPropertyValue("--scale")) || 1, best = 0;
        STEPS.forEach(function (step, i) { if (Math.abs(step - scale) < Math.abs(STEPS[best] - scale)) best = i; });
        return best;
    }
    function showScale(index) {
        tool("smaller").setAttribute("aria-disabled", String(index === 0));
        tool("larger").setAttribute("aria-disabled", String(index === STEPS.length - 1));
    }
    var sizes = bar.querySelector(".text-size");
    sizes.addEventListener("click", function (event) {
        var button = event.target.closest("button");
        if (!button) return;
        var name = button.getAttribute("data-tool"), index = scaleIndex();
        index = name === "smaller" ? Math.max(0, index - 1) : name === "larger" ? Math.min(STEPS.length - 1, index + 1) : 0;
        root.style.setProperty("--scale", String(STEPS[index]));
        save("lsunion-scale", String(STEPS[index]));
        showScale(index);
        say("Cỡ chữ " + Math.round(STEPS[index] * 100) + " %");
    });
    showScale(scaleIndex());
    show(sizes, true);

    /* In trang: print.css does the layout; write absolute link targets for it to print. */
    var printButton = tool("print");
    document.querySelectorAll('main a[href^="/"], main a[href^="http"]').forEach(function (link) {
        link.setAttribute("data-print-href", link.href);
    });
    if (typeof window.print === "function") {
        printButton.addEventListener("click", function () { window.print(); });
        show(printButton, true);
    }

    /* Đọc nội dung: Web Speech API, a vi-VN voice when the device has one. */
    var speakButton = tool("speak"), stopButton = tool("stop");
    var synth = window.speechSynthesis, state = "idle";
    show(speakButton, true);
    if (!synth || typeof window.SpeechSynthesisUtterance !== "function") {
        speakButton.textContent = "Đọc nội dung: trình duyệt không hỗ trợ";
        speakButton.setAttribute("aria-disabled", "true");
        speakButton.removeAttribute("aria-pressed");
        return;
    }
    function setState(next, message) {
        state = next;
        speakButton.setAttribute("aria-pressed", String(next === "speaking"));
        show(stopButton, next !== "idle");
        say(message);
    }
    function sentences() {
        // data-read-aloud marks what to read; its value, if any, picks the parts inside.
        var region = document.querySelector("[data-read-aloud]"), texts = [], parts;
        if (region) {
            parts = region.getAttribute("data-read-aloud") ? region.querySelectorAll(region.getAttribute("data-read-aloud")) : [region];
        } else {
            parts = Array.prototype.filter.call(document.querySelectorAll("main > *"), function (el) {
                return el.tagName !== "NAV" && !el.closest("[aria-hidden='true']");
            });
        }
        Array.prototype.forEach.call(parts, function (el) { texts.push(el.innerText); });
        // Short utterances: Chromium stops long ones after about 15 seconds.
        return (texts.join("\n").match(/[^\n]+?(?:[.!?…;]+(?=\s)|$)/gm) || []).map(function (s) { return s.trim(); }).filter(Boolean);
    }
    function vietnameseVoice() {
        return synth.getVoices().filter(function (v) { return /^vi([-_]|$)/i.test(v.lang); })[0] || null;
    }
    function start() {
        var queue = sentences(), voice = vietnameseVoice();
        synth.cancel();
        queue.forEach(function (text, i) {
            var utterance = new window.SpeechSynthesisUtterance(text);
            utterance.lang = "vi-VN";
            if (voice) utterance.voice = voice;
            if (i === queue.length - 1) utterance.onend = function () { if (state !== "idle") setState("idle", "Đã đọc xong."); };
            utterance.onerror = function (event) {
                if (state === "idle" || event.error === "interrupted" || event.error === "canceled") return;
                synth.cancel();
                setState("idle", "Không đọc được: thiết bị này chưa có giọng đọc.");
            };
            synth.speak(utterance);
        });
        setState("speaking", voice ? "Đang đọc…" : "Đang đọc (thiết bị chưa có giọng tiếng Việt)…");
    }
    speakButton.addEventListener("click", function () {
        if (state === "idle") start();
        else if (state === "speaking") { synth.pause(); setState("paused", "Đã tạm dừng."); }
        else { synth.resume(); setState("speaking", "Đang đọc…"); }
    });
    stopButton.addEventListener("click", function () {
        setState("idle", "Đã dừng đọc.");
        synth.cancel();
        speakButton.focus();
    });
    window.addEventListener("pagehide", function () { synth.cancel(); });
})();
