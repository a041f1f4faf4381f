/*
 * Casebook quiz markup helpers: build elements without innerHTML for anything but
 * trusted HTML (rendered from Markdown at build time with raw HTML disabled), and
 * draw the mock chat or post exhibits as captioned lists a screen reader can follow.
 */
(function () {
  "use strict";

  const Casebook = (window.Casebook = window.Casebook || {});
  /** Block HTML starts with a block tag; anything else is one paragraph sent without its <p>. */
  const BLOCK = /^<(p|ul|ol|h[1-6]|blockquote|pre|hr|table)\b/;

  /**
   * h(tag, props, ...children): an element. props.html sets trusted inline HTML,
   * props.block trusted block HTML (wrapping a lone paragraph), on* adds listeners.
   */
  function h(tag, props) {
    const el = document.createElement(tag);
    Object.keys(props || {}).forEach((k) => {
      const v = props[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "html") el.innerHTML = v;
      else if (k === "block") el.innerHTML = BLOCK.test(v) ? v : "<p>" + v + "</p>";
      else if (k.slice(0, 2) === "on") el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? "" : v);
    });
    const kids = Array.prototype.slice.call(arguments, 2).flat(Infinity);
    kids.forEach((kid) => { if (kid !== null && kid !== undefined && kid !== false) el.append(kid); });
    return el;
  }

  /** A button that runs `action` when pressed. */
  function button(text, action, extra) {
    return h("button", { type: "button", class: "button" + (extra ? " " + extra : ""), onclick: action }, text);
  }

  /** A bulleted list of plain strings (or nodes). */
  function list(items) {
    return h("ul", { class: "list list--bullet" }, items.map((i) => h("li", null, i)));
  }

  /** Plain text of trusted HTML, without loading anything it names. */
  function plain(html) {
    return new DOMParser().parseFromString(html, "text/html").body.textContent.trim();
  }

  /** "1 attempt" / "3 attempts". */
  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /** A mock chat thread or post, as a captioned list of messages. */
  function exhibit(x) {
    const what = x.kind === "chat" ? x.platform + " group" : x.platform + " post";
    return h("figure", { class: "exhibit exhibit--" + x.kind },
      h("figcaption", { class: "exhibit__head" }, what + ": ",
        h("strong", null, x.title), x.caption ? ", " + x.caption : null),
      h("ol", { class: "exhibit__messages" }, x.messages.map(message)));
  }

  /** One message: sender, time, text, attachment described in words, reactions. */
  function message(m) {
    return h("li", { class: "message" },
      h("p", { class: "message__meta" }, h("span", { class: "message__sender" }, m.sender),
        m.time ? [" ", h("time", { class: "message__time" }, m.time)] : null),
      m.text ? h("p", { class: "message__text" }, m.text) : null,
      m.attachment ? h("p", { class: "message__attachment" }, "Image: " + m.attachment) : null,
      m.reactions && m.reactions.length ? h("ul", { class: "message__reactions", "aria-label": "Reactions" },
        m.reactions.map((r) => h("li", null, r))) : null);
  }

  /** The GOV.UK warning-text pattern, used for content notes. */
  function warning(text) {
    return h("div", { class: "warning" }, h("span", { class: "warning__icon", "aria-hidden": "true" }, "!"),
      h("p", { class: "warning__text" }, h("strong", null, "Content note: "), text));
  }

  Casebook.dom = { BLOCK, h, button, list, plain, plural, exhibit, warning };
})();
