/*
 * Casebook quiz view: draws one screen at a time into <main> and starts the quiz.
 *
 * Markup follows the GOV.UK Design System's question pages: a fieldset whose
 * legend holds the page heading, native radios or checkboxes, an error summary
 * that takes focus, and feedback in a polite live region. Focus moves to each new
 * screen's heading. HTML from the course data was rendered from Markdown at build
 * time with raw HTML disabled; every other string is set as text.
 */
(function () {
  "use strict";

  const Casebook = (window.Casebook = window.Casebook || {});
  const L = Casebook.Engine.LETTERS;
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

  /** "2019-11-28" -> "28 November 2019". */
  function longDate(iso) {
    return new Date(iso + "T12:00:00Z").toLocaleDateString("en-GB",
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
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

  class View {
    /** View(course, engine, lms, main, notice): draws the quiz into `main`. */
    constructor(course, engine, lms, main, notice) {
      this.course = course;
      this.engine = engine;
      this.lms = lms;
      this.main = main;
      this.notice = notice;
      this.state = null;
    }

    /** start(): connect to the LMS, resume or begin, and draw the first screen. */
    start() {
      this.lms.onFault((msg) => this.fault(msg));
      const boot = this.safely(() => this.lms.start()) || {};
      this.state = (boot.state && this.engine.deserialize(boot.state)) || this.engine.newState(1);
      window.addEventListener("pagehide", () => this.safely(() => this.lms.finish(
        this.engine.serialize(this.state), this.state.at, this.engine.finished(this.state))));
      this.render(false);
    }

    /** Run an LMS call; a throw becomes a notice and the quiz carries on. */
    safely(call) {
      try { return call(); } catch (e) { this.fault("Your progress could not be saved (" + e.message + ")."); }
      return null;
    }

    /** Show a short, non-blocking notice in the status region. */
    fault(text) {
      this.notice.textContent = text;
      this.notice.classList.add("notice--shown");
    }

    /** Persist the attempt and the bookmark. */
    save() {
      this.safely(() => this.lms.save(this.engine.serialize(this.state), this.state.at));
    }

    /** Move to a position, save, report completion on reaching the results, and draw. */
    go(at) {
      const from = this.state.at;
      this.state.at = at;
      this.save();
      if (at === "r" && from.charAt(0) === "o") {
        const s = this.engine.score(this.state);
        // A pass counts only once the learner has confirmed the attestation, if there is one.
        if (!(s.passed && this.course.attestation)) this.report();
      }
      this.render(true);
    }

    /** Tell the LMS the score and whether the attempt passed. */
    report() {
      const s = this.engine.score(this.state);
      this.safely(() => this.lms.complete({ scorePercent: s.percent, passed: s.passed }));
    }

    /** Draw the screen for the current position; move focus to its heading. */
    render(focus) {
      const w = this.engine.where(this.state.at);
      const screen = this[w.screen](w);
      this.main.replaceChildren.apply(this.main, screen.nodes.flat().filter(Boolean));
      document.title = screen.title + " – " + this.course.title;
      this.screenTitle = screen.title;
      if (focus) {
        window.scrollTo(0, 0);
        this.main.querySelector("h1").focus();
      }
    }

    /** "Scenario 2 of 9" */
    scenarioCaption(s) {
      return "Scenario " + (s + 1) + " of " + this.course.scenarios.length;
    }

    heading(text, caption, html) {
      return [caption ? h("span", { class: "caption" }, caption) : null,
        h("h1", { class: "heading-l", tabindex: "-1", html: html || null }, html ? null : text)];
    }

    /** Course intro: title, intro, outcomes, guidance quotes, Start. */
    intro() {
      const c = this.course, n = c.scenarios.length;
      const tries = c.attempts ? "You have " + plural(c.attempts, "attempt") + "." : "You can try as many times as you need.";
      return {
        title: "Introduction",
        nodes: [
          this.heading(c.title),
          h("p", { class: "lead" }, "About " + c.minutes + " minutes · " + plural(n, "scenario")),
          h("div", { class: "body", block: c.intro }),
          h("h2", { class: "heading-m" }, "By the end of this module you will be able to:"),
          list(c.outcomes),
          c.guidance.length ? h("h2", { class: "heading-m" }, "What the guidance says") : null,
          c.guidance.map((q) => h("figure", { class: "quote" }, h("blockquote", null, h("p", null, "“" + q.text + "”")),
            h("figcaption", null, q.by))),
          h("h2", { class: "heading-m" }, "How this module works"),
          list(["There are " + plural(n, "scenario") + ". Each ends with what happened in the real case it is modelled on.",
            "You need " + c.passMark + "% to pass. " + tries,
            "Your progress is saved as you go, so you can stop and come back later."]),
          button("Start now", () => this.go(this.engine.next(this.state)), "button--start")
        ]
      };
    }

    /** Scenario intro: content note first, then the setting and the exhibit. */
    scenario(w) {
      const sc = this.course.scenarios[w.s];
      return {
        title: this.scenarioCaption(w.s) + ": " + sc.title,
        nodes: [this.heading(sc.title, this.scenarioCaption(w.s)), sc.note ? warning(sc.note) : null,
          h("div", { class: "body", block: sc.setting }), sc.exhibit ? exhibit(sc.exhibit) : null,
          button("Continue", () => this.go(this.engine.next(this.state)))]
      };
    }

    /** A question or decision page; once answered it shows the feedback and Continue. */
    step(w) {
      const sc = this.course.scenarios[w.s], step = sc.steps[w.j];
      const chosen = this.engine.answerOf(this.state, step), answered = chosen.length > 0;
      const caption = this.scenarioCaption(w.s) + ", question " + (w.j + 1) + " of " + sc.steps.length;
      this.engine.markShown(this.state, step);
      const legend = !BLOCK.test(step.prompt);
      const prompt = legend ? null : h("div", { class: "body prompt", id: "prompt", html: step.prompt });
      const fieldset = h("fieldset", { class: "fieldset", "aria-describedby": (prompt ? "prompt " : "") + "hint", disabled: answered },
        h("legend", { class: "legend" }, this.heading(step.type === "decision" ? "What do you do?" : "Question " + (w.j + 1),
          caption, legend ? step.prompt : null)),
        prompt, h("div", { class: "hint", id: "hint" }, this.hint(step)),
        h("div", { class: "choices" }, this.engine.order(this.state, step).map((i) => this.choice(step, i, chosen))));
      const form = h("form", { class: "step", "data-step": step.iid, novalidate: true },
        h("div", { class: "form-group" }, fieldset), this.recap(sc),
        h("div", { class: "feedback", id: "feedback", role: "status", "aria-live": "polite" },
          answered ? this.feedback(step, chosen) : null),
        h("button", { type: "submit", class: "button" }, answered ? "Continue" : step.type === "decision" ? "Confirm choice" : "Check answer"));
      form.addEventListener("submit", (e) => this.submitStep(e, form, step));
      return { title: caption, nodes: [form] };
    }

    hint(step) {
      return { multiple: "Select all that apply.", decision: "Choose what you would do." }[step.type] || "Select one answer.";
    }

    /** One radio or checkbox with its label. */
    choice(step, i, chosen) {
      const letter = L[i], id = "answer-" + letter;
      return h("div", { class: "choice" },
        h("input", { class: "choice__input", id: id, name: "answer", value: letter, checked: chosen.indexOf(letter) >= 0,
          type: step.type === "multiple" ? "checkbox" : "radio" }),
        h("label", { class: "choice__label", for: id, html: step.options[i].text }));
    }

    /** "Read the scenario again" disclosure, so the exhibit stays at hand. */
    recap(sc) {
      return h("details", { class: "details" }, h("summary", { class: "details__summary" }, "Read the scenario again"),
        h("div", { class: "details__text" }, h("div", { class: "body", block: sc.setting }), sc.exhibit ? exhibit(sc.exhibit) : null));
    }

    /** Check the answer (first press) or move on (second press). */
    submitStep(e, form, step) {
      e.preventDefault();
      if (this.engine.answerOf(this.state, step).length) return this.go(this.engine.next(this.state));
      const letters = Array.prototype.map.call(form.querySelectorAll("input:checked"), (i) => i.value);
      if (!letters.length) {
        const first = form.querySelector("input").id;
        return this.showError(form, step.type === "multiple" ? "Select at least one answer" : "Select an answer", first);
      }
      this.engine.answer(this.state, step, letters);
      this.record(step, letters);
      this.save();
      this.clearError(form);
      form.querySelector("fieldset").disabled = true;
      form.querySelector("#feedback").replaceChildren(this.feedback(step, letters));
      const submit = form.querySelector("button[type=submit]");
      submit.textContent = "Continue";
      submit.focus();
    }

    /** One cmi.interactions record for a question or decision. */
    record(step, letters) {
      const tf = step.type === "true_false";
      const truth = (ls) => plain(step.options[L.indexOf(ls[0])].text).toLowerCase() === "true";
      const correct = this.engine.correctLetters(step);
      this.safely(() => this.lms.record({
        id: step.iid, type: tf ? "true-false" : "choice", response: tf ? truth(letters) : letters,
        correct: tf ? truth(correct) : correct, result: this.engine.isCorrect(step, letters) ? "correct" : "incorrect",
        weight: step.weight, latencyMs: this.engine.latency(this.state, step), timestamp: new Date(),
        description: plain(step.prompt)
      }));
    }

    /** Feedback for the chosen options, and the right answer when it was missed. */
    feedback(step, chosen) {
      const right = this.engine.isCorrect(step, chosen), decision = step.type === "decision";
      const title = decision ? (right ? "Good choice" : "There was a better choice") : (right ? "Correct" : "Incorrect");
      const best = this.engine.correctLetters(step).filter((l) => chosen.indexOf(l) < 0);
      return h("div", { class: "feedback__panel feedback__panel--" + (right ? "right" : "wrong") },
        h("h2", { class: "heading-m" }, title),
        chosen.map((l) => this.explain(step, l, decision ? "You chose" : "Your answer")),
        right ? null : best.map((l) => this.explain(step, l, decision ? "Best choice" : "Correct answer")),
        decision ? h("p", { class: "body" }, "You earned " + this.engine.earned(step, chosen) + " of " + plural(step.weight, "mark") + ".") : null);
    }

    /** "Your answer: <option>" followed by that option's feedback. */
    explain(step, letter, label) {
      const o = step.options[L.indexOf(letter)];
      return h("div", { class: "feedback__item" }, h("p", { class: "feedback__label" }, label + ": ", h("span", { html: o.text })),
        h("div", { class: "body", block: o.feedback }));
    }

    /** GOV.UK error summary plus an inline error message; focus goes to the summary. */
    showError(form, text, inputId) {
      this.clearError(form);
      const summary = h("div", { class: "error-summary", tabindex: "-1", "aria-labelledby": "error-title" },
        h("div", { role: "alert" }, h("h2", { class: "error-summary__title", id: "error-title" }, "There is a problem"),
          h("ul", { class: "error-summary__list" }, h("li", null, h("a", { href: "#" + inputId, onclick: (e) => {
            e.preventDefault();
            document.getElementById(inputId).focus();
          } }, text)))));
      const fieldset = form.querySelector("fieldset");
      fieldset.parentNode.classList.add("form-group--error");
      (fieldset.querySelector(".hint") || fieldset.querySelector("legend")).after(h("p", { class: "error-message", id: "error-message" },
        h("span", { class: "visually-hidden" }, "Error: "), text));
      fieldset.setAttribute("aria-describedby", (fieldset.getAttribute("aria-describedby") || "") + " error-message");
      this.main.prepend(summary);
      document.title = "Error: " + this.screenTitle + " – " + this.course.title;
      summary.focus();
    }

    /** Remove any error summary and message. */
    clearError(form) {
      const fieldset = form.querySelector("fieldset");
      this.main.querySelectorAll(".error-summary, .error-message").forEach((el) => el.remove());
      fieldset.parentNode.classList.remove("form-group--error");
      fieldset.setAttribute("aria-describedby", (fieldset.getAttribute("aria-describedby") || "").replace(" error-message", ""));
      document.title = this.screenTitle + " – " + this.course.title;
    }

    /** What happened in the real case: outcome, standards breached, learning points, sources. */
    outcome(w) {
      const sc = this.course.scenarios[w.s], last = w.s === this.course.scenarios.length - 1;
      return {
        title: this.scenarioCaption(w.s) + ": what happened",
        nodes: [this.heading("What happened in the real case", this.scenarioCaption(w.s) + ": " + sc.title),
          h("p", { class: "lead" }, "This scenario is modelled on a case involving " + sc.basedOn.force + ", " + sc.basedOn.date + "."),
          h("div", { class: "body", block: sc.outcome }),
          h("h2", { class: "heading-m" }, "Standards found breached"), list(sc.breached.map((id) => this.course.standards[id])),
          h("h2", { class: "heading-m" }, "Learning points"), list(sc.points),
          h("h2", { class: "heading-m" }, "Sources"), list(sc.sources.map((src) => [
            h("a", { class: "link", href: src.url, target: "_blank", rel: "noopener noreferrer" }, src.title + " (opens in new tab)"),
            ", " + src.publisher + ", " + longDate(src.date)])),
          button(last ? "See your result" : "Next scenario", () => this.go(this.engine.next(this.state)))]
      };
    }

    /** Score, pass or fail, retry, attestation, closing text and how to report. */
    results() {
      const c = this.course, s = this.engine.score(this.state), left = this.engine.attemptsLeft(this.state);
      return {
        title: "Your result",
        nodes: [this.heading("Your result"),
          h("div", { class: "panel panel--" + (s.passed ? "pass" : "fail") },
            h("p", { class: "panel__title" }, s.passed ? "You passed" : "You did not pass this time"),
            h("p", { class: "panel__body" }, "Your score: ", h("strong", { class: "score" }, s.percent + "%"))),
          h("p", { class: "body" }, "You earned " + s.earned + " of " + plural(s.possible, "mark") +
            " on the questions and decisions you answered. The pass mark is " + c.passMark + "%."),
          s.passed ? null : this.retryBlock(left),
          s.passed && c.attestation ? this.attestation() : null,
          h("div", { class: "body", block: c.closing }),
          h("h2", { class: "heading-m" }, "How to report a concern"),
          h("dl", { class: "routes" }, c.routes.map((r) => [h("dt", null, r.name), h("dd", null, r.how)])),
          button("Review your answers", () => this.go("v"), "button--secondary")]
      };
    }

    retryBlock(left) {
      if (left === 0) return h("p", { class: "body" }, "You have used all your attempts. Please speak to your trainer or supervisor.");
      return [h("p", { class: "body" }, "You can try again." + (left === Infinity ? "" : " You have " + plural(left, "attempt") + " left.")),
        button("Try again", () => {
          this.state = this.engine.retry(this.state);
          this.save();
          this.render(true);
        })];
    }

    /** The attestation checkbox, or the confirmation once given. */
    attestation() {
      const text = this.course.attestation;
      if (this.state.attested) {
        return h("div", { class: "inset", id: "attested", tabindex: "-1" }, h("p", null, h("strong", null, "You confirmed: ")), h("p", null, text));
      }
      const form = h("form", { class: "attest", novalidate: true },
        h("div", { class: "form-group" }, h("fieldset", { class: "fieldset" },
          h("legend", { class: "legend" }, h("h2", { class: "heading-m" }, "Confirm your understanding")),
          h("div", { class: "choices" }, h("div", { class: "choice" }, h("input", { class: "choice__input", type: "checkbox", id: "attest", name: "attest" }),
            h("label", { class: "choice__label", for: "attest" }, text))))),
        h("button", { type: "submit", class: "button" }, "Confirm"));
      form.addEventListener("submit", (e) => {
        e.preventDefault();
        if (!form.querySelector("#attest").checked) return this.showError(form, "Tick the box to confirm", "attest");
        this.state.attested = true;
        this.save();
        this.report();
        this.render(false);
        document.getElementById("attested").focus();
      });
      return form;
    }

    /** Every step: prompt, the learner's answer, the right answer and the feedback. */
    review() {
      return {
        title: "Review your answers",
        nodes: [this.heading("Review your answers"),
          this.course.scenarios.map((sc, s) => h("section", { class: "review" },
            h("h2", { class: "heading-m" }, this.scenarioCaption(s) + ": " + sc.title),
            sc.steps.map((step, j) => this.reviewStep(step, j)))),
          button("Back to your result", () => this.go("r"))]
      };
    }

    reviewStep(step, j) {
      const chosen = this.engine.answerOf(this.state, step), decision = step.type === "decision";
      const texts = (ls) => ls.map((l) => h("span", { class: "answer", html: step.options[L.indexOf(l)].text }));
      const row = (k, v) => [h("dt", null, k), h("dd", null, v)];
      return h("div", { class: "review__step" }, h("h3", { class: "heading-s" }, "Question " + (j + 1)),
        h("div", { class: "body", block: step.prompt }),
        chosen.length ? h("dl", { class: "summary" },
          row("Your answer", texts(chosen)),
          row(decision ? "Best choice" : "Correct answer", texts(this.engine.correctLetters(step))),
          row("Result", decision ? this.engine.earned(step, chosen) + " of " + plural(step.weight, "mark")
            : this.engine.isCorrect(step, chosen) ? "Correct" : "Incorrect"),
          row("Feedback", chosen.map((l) => h("div", { block: step.options[L.indexOf(l)].feedback }))))
          : h("p", { class: "body hint" }, "Not reached: your choices took a different path."));
    }
  }

  /** Read the embedded course, connect to the LMS and start. */
  function boot() {
    const course = JSON.parse(document.getElementById("course-data").textContent);
    const engine = new Casebook.Engine(course);
    const lms = Casebook.connectLms(document.body.getAttribute("data-lms") || "web", course.key);
    Casebook.quiz = new View(course, engine, lms, document.getElementById("main"), document.getElementById("notice"));
    Casebook.quiz.start();
  }

  Casebook.View = View;
  if (document.getElementById("course-data")) boot();
})();
