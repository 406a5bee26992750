/* “Sao chép liên kết”: copy the article's permanent link; without this script it is that link. */
(function () {
    "use strict";
    var link = document.querySelector("[data-copy-link]");
    if (!link) return;
    var status = link.parentNode.querySelector(".share-status");
    function say(text) { if (status) status.textContent = text; }
    function fallback(text) {
        var field = document.createElement("textarea");
        field.value = text;
        field.setAttribute("readonly", "");
        field.style.position = "fixed";
        field.style.opacity = "0";
        document.body.appendChild(field);
        field.select();
        var copied = false;
        try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
        document.body.removeChild(field);
        return copied;
    }
    link.addEventListener("click", function (event) {
        event.preventDefault();
        var url = link.href;
        var done = function () { say("Đã sao chép liên kết."); };
        var failed = function () {
            if (fallback(url)) done();
            else say("Không sao chép được: hãy nhấn giữ liên kết để sao chép.");
        };
        if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, failed);
        else failed();
    });
})();
