/*
 * Casebook quiz end-of-scenario and end-of-course screens: the real case's outcome,
 * the result with retry and attestation, and the review of every answer. They are
 * methods of Casebook.View, kept here so each file stays small; boot() starts the quiz.
 */
(function () {
  "use strict";

  const Casebook = window.Casebook;
  const { h, button, list, plural } = Casebook.dom;
  const L = Casebook.Engine.LETTERS;

  Object.assign(Casebook.View.prototype, {
    /** What happened in the real case: outcome, standards breached, learning points, sources. */
    outcome(w) {
      const sc = this.course.scenarios[w.s], last = w.s === this.course.scenarios.length - 1;
      return {
        title: this.scenarioCaption(w.s) + ": what happened",
        nodes: [this.heading("What happened in the real case", this.scenarioCaption(w.s) + ": " + sc.title),
          h("p", { class: "lead" }, "This scenario is modelled on a case involving " + sc.basedOn.force + ", " + sc.basedOn.date + "."),
          h("div", { class: "body", block: sc.outcome }),
          h("h2", { class: "heading-m" }, "Standards found breached"),
          sc.breached.length ? list(sc.breached.map((id) => this.course.standards[id]))
            : h("p", { class: "body" }, "The public record does not list which standards were found breached."),
          h("h2", { class: "heading-m" }, "Learning points"), list(sc.points),
          h("h2", { class: "heading-m" }, "Sources"), list(sc.sources.map((src) => [
            h("a", { class: "link", href: src.url, target: "_blank", rel: "noopener noreferrer" }, src.title + " (opens in new tab)"),
            ", " + src.publisher + (src.date ? ", " + src.date : "")])),
          button(last ? "See your result" : "Next scenario", () => this.go(this.engine.next(this.state)))]
      };
    },

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
    },

    retryBlock(left) {
      if (left === 0) return h("p", { class: "body" }, "You have used all your attempts. Please speak to your trainer or supervisor.");
      return [h("p", { class: "body" }, "You can try again." + (left === Infinity ? "" : " You have " + plural(left, "attempt") + " left.")),
        button("Try again", () => {
          this.state = this.engine.retry(this.state);
          this.save();
          this.render(true);
        })];
    },

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
    },

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
    },

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
  });

  /** Read the embedded course, connect to the LMS and start. */
  function boot() {
    const course = JSON.parse(document.getElementById("course-data").textContent);
    const engine = new Casebook.Engine(course);
    const lms = Casebook.connectLms(document.body.getAttribute("data-lms") || "web", course.key);
    Casebook.quiz = new Casebook.View(course, engine, lms, document.getElementById("main"), document.getElementById("notice"));
    Casebook.quiz.start();
  }

  if (document.getElementById("course-data")) boot();
})();
