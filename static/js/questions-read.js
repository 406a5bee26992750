// One more reader of this answer: the page is cached, so the count is sent from here.
(function () {
    "use strict";
    var article = document.querySelector("[data-read-url]");
    if (!article || !navigator.sendBeacon) { return; }
    navigator.sendBeacon(article.getAttribute("data-read-url"));
}());
