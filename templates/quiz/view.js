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
  const { BLOCK, h, button, plain, plural, exhibit, warning } = Casebook.dom;

  class View {
    /** View(course, engine, lms, main, notice): draws the quiz into `main`. */
    constructor(course, engine, lms, main, notice) {
      this.course = course;
      this.engine = engine;
      this.lms = lms;
      this.main = main;
      this.notice = notice;
      this.state = null;
      this.introNodes = Array.from(main.childNodes);
    }

    /** start(): connect to the LMS, resume or begin, and draw the first screen. */
    start() {
      this.lms.onFault((msg) => this.fault(msg));
      const boot = this.safely(() => this.lms.start()) || {};
      this.state = (boot.state && this.engine.deserialize(boot.state)) || this.engine.newState(1);
      // A page kept in the back/forward cache may come back: save, but end the session
      // with the LMS only when the page is really going away.
      window.addEventListener("pagehide", (e) => e.persisted ? this.save() : this.safely(() => this.lms.finish(
        this.engine.serialize(this.state), this.state.at, this.engine.finished(this.state))));
      const begin = () => this.go(this.state.at === "i" ? this.engine.next(this.state) : this.state.at);
      this.wireStart(begin);
      if (location.hash === "#start") {
        // Start was pressed before this script ran: act on it now, once. Clearing the
        // address is cosmetic, and a sandboxed frame may refuse it.
        try { history.replaceState(null, "", location.href.split("#")[0]); } catch (e) { /* keep the hash */ }
        return begin();
      }
      this.render(false);
    }

    /** The page's Start link: pressed with a click, Enter or (as a button) Space. */
    wireStart(begin) {
      const link = this.main.querySelector("[data-start]");
      if (!link) return;
      link.addEventListener("click", (e) => { e.preventDefault(); begin(); });
      link.addEventListener("keydown", (e) => { if (e.key === " ") { e.preventDefault(); begin(); } });
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
      const nodes = screen.nodes.flat().filter(Boolean), shown = this.main.childNodes;
      // The page's own intro may already be on screen, perhaps with focus on Start: leave it be.
      if (nodes.length !== shown.length || nodes.some((n, i) => n !== shown[i])) {
        this.main.replaceChildren.apply(this.main, nodes);
      }
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

    /** The course intro is part of the page (quiz/intro.html): show it again as it came. */
    intro() {
      return { title: "Introduction", nodes: this.introNodes };
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
      // Count along the learner's own path: a branch may skip steps, so "of N" would jump.
      const before = this.engine.visited(this.state).filter((v) => v.s === w.s && v.step !== step).length;
      const branches = sc.steps.some((st) => st.type === "decision");
      const caption = this.scenarioCaption(w.s) + ", question " + (before + 1) + (branches ? "" : " of " + sc.steps.length);
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
      // As GOV.UK Frontend: the alert role inside announces it once; focus brings the reader to it.
      const summary = h("div", { class: "error-summary", tabindex: "-1" },
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

  }

  Casebook.View = View;
})();
