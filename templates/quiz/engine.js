/*
 * Casebook quiz engine: the state of one attempt, branching, scoring and the
 * compact resume format. No DOM here; the view draws what the engine says.
 *
 * Positions (state.at): "i" course intro, "n3" scenario 3's intro, "q3-2" step 2
 * of scenario 3 (its feedback once answered), "o3" its real-case outcome,
 * "r" results, "v" review of answers. Indexes are zero-based.
 * Resume format (mirrored by casebook/suspend.py for the build's size check):
 *   1~<attempt base 36>~<seed base 36>~<position>~<attested 1|0>~<letters,by,step>
 */
(function () {
  "use strict";

  const Casebook = (window.Casebook = window.Casebook || {});
  const FORMAT = "1";
  /** The attempt counter stops at "zz" when attempts are unlimited. */
  const MAX_ATTEMPT = 36 * 36 - 1;
  const LETTERS = "abcdefghijklmnopqrstuvwxyz";
  const POSITION = /^(i|r|v|n\d+|o\d+|q\d+-\d+)$/;

  /** A random unsigned 32-bit seed for shuffling one attempt's options. */
  function randomSeed() {
    const a = new Uint32Array(1);
    (window.crypto || {}).getRandomValues ? window.crypto.getRandomValues(a) : (a[0] = Math.random() * 4294967296);
    return a[0];
  }

  /** mulberry32: a small seeded generator, so a resumed attempt keeps its order. */
  function generator(seed) {
    let t = seed >>> 0;
    return function () {
      t = (t + 0x6d2b79f5) >>> 0;
      let r = Math.imul(t ^ (t >>> 15), 1 | t);
      r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
      return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
    };
  }

  class Engine {
    /** Engine(course): course is the embedded course JSON. */
    constructor(course) {
      this.course = course;
      this.flat = [];
      course.scenarios.forEach((sc, s) => sc.steps.forEach((step, j) => {
        step.g = this.flat.length;
        step.index = j;
        this.flat.push({ s: s, j: j, step: step });
      }));
    }

    /** A fresh attempt, starting at the course intro (or scenario 1 on a retry). */
    newState(attempt) {
      const n = Math.min(attempt || 1, MAX_ATTEMPT);
      return { attempt: n, seed: randomSeed(), at: n > 1 ? "n0" : "i", attested: false, answers: [], shown: {} };
    }

    /** serialize(state) -> the resume string. */
    serialize(state) {
      const answers = this.flat.map((f) => state.answers[f.step.g] || "");
      while (answers.length && !answers[answers.length - 1]) answers.pop();
      return [FORMAT, state.attempt.toString(36), (state.seed >>> 0).toString(36), state.at,
        state.attested ? "1" : "0", answers.join(",")].join("~");
    }

    /** deserialize(text) -> state, or null when text is not a resume string for this course. */
    deserialize(text) {
      const f = String(text || "").split("~");
      if (f.length !== 6 || f[0] !== FORMAT || !POSITION.test(f[3]) || !this.where(f[3])) return null;
      const answers = f[5] ? f[5].split(",") : [];
      if (answers.length > this.flat.length || !answers.every((a, g) => this.validLetters(g, a))) return null;
      const attempt = parseInt(f[1], 36), seed = parseInt(f[2], 36);
      if (!(attempt >= 1) || !(seed >= 0)) return null;
      return { attempt: attempt, seed: seed >>> 0, at: f[3], attested: f[4] === "1", answers: answers, shown: {} };
    }

    /** True when every letter names an option of step g. */
    validLetters(g, letters) {
      const n = this.flat[g].step.options.length;
      return /^[a-z]*$/.test(letters) && letters.split("").every((l) => LETTERS.indexOf(l) < n);
    }

    /** where(at) -> {screen, s, j} for a position string, or null if the course has no such place. */
    where(at) {
      const m = /^([inoqrv])(\d*)(?:-(\d+))?$/.exec(at) || [];
      const screen = { i: "intro", n: "scenario", q: "step", o: "outcome", r: "results", v: "review" }[m[1]];
      const s = m[2] === "" ? -1 : +m[2], j = m[3] === undefined ? -1 : +m[3];
      const sc = this.course.scenarios[s];
      if (!screen || (s >= 0 && !sc) || (j >= 0 && !sc.steps[j])) return null;
      return { screen: screen, s: s, j: j };
    }

    /** The step object at scenario s, step j. */
    step(s, j) {
      return this.course.scenarios[s].steps[j];
    }

    /** The letters chosen for a step, as an array (empty if not answered). */
    answerOf(state, step) {
      return (state.answers[step.g] || "").split("").filter(Boolean);
    }

    /** Record the learner's letters for a step. */
    answer(state, step, letters) {
      while (state.answers.length < step.g) state.answers.push("");
      state.answers[step.g] = letters.slice().sort().join("");
    }

    /** Note when a step was first shown, for the LMS's latency figure. */
    markShown(state, step) {
      if (!state.shown[step.g]) state.shown[step.g] = Date.now();
    }

    /** Milliseconds since the step was first shown. */
    latency(state, step) {
      return Date.now() - (state.shown[step.g] || Date.now());
    }

    /** The index of the step that follows an answered step in its scenario, or -1 at the end. */
    following(s, step, letters) {
      const steps = this.course.scenarios[s].steps;
      if (step.type !== "decision") return step.index + 1 < steps.length ? step.index + 1 : -1;
      const next = step.options[LETTERS.indexOf(letters[0])].next;
      return next == null ? -1 : steps.findIndex((x) => x.id === next);
    }

    /** The position after the current screen. */
    next(state) {
      const w = this.where(state.at), last = this.course.scenarios.length - 1;
      switch (w.screen) {
        case "intro": return "n0";
        case "scenario": return "q" + w.s + "-0";
        case "step": {
          const k = this.following(w.s, this.step(w.s, w.j), this.answerOf(state, this.step(w.s, w.j)));
          return k < 0 ? "o" + w.s : "q" + w.s + "-" + k;
        }
        case "outcome": return w.s < last ? "n" + (w.s + 1) : "r";
        case "review": return "r";
        default: return "v";
      }
    }

    /** The steps the learner has answered on their path, in order, as {s, step}. */
    visited(state) {
      const out = [];
      this.course.scenarios.forEach((sc, s) => {
        let j = 0;
        while (j >= 0 && state.answers[sc.steps[j].g]) {
          const step = sc.steps[j];
          out.push({ s: s, step: step });
          j = this.following(s, step, this.answerOf(state, step));
        }
      });
      return out;
    }

    /** The letters that are right (questions) or best (decisions) for a step. */
    correctLetters(step) {
      return step.options.map((o, i) => (o.correct ? LETTERS[i] : null)).filter(Boolean);
    }

    /** True when the letters are exactly the right ones (or a best choice). */
    isCorrect(step, letters) {
      if (step.type === "decision") return this.earned(step, letters) === step.weight;
      return letters.slice().sort().join("") === this.correctLetters(step).join("");
    }

    /** Marks earned: a decision's choice score, or the question's weight if right. */
    earned(step, letters) {
      if (!letters.length) return 0;
      if (step.type === "decision") return step.options[LETTERS.indexOf(letters[0])].score;
      return this.isCorrect(step, letters) ? step.weight : 0;
    }

    /** score(state) -> {earned, possible, percent, passed} over the steps on the learner's path. */
    score(state) {
      let earned = 0, possible = 0;
      this.visited(state).forEach((v) => {
        possible += v.step.weight;
        earned += this.earned(v.step, this.answerOf(state, v.step));
      });
      const percent = possible ? Math.round((earned * 100) / possible) : 0;
      return { earned: earned, possible: possible, percent: percent, passed: percent >= this.course.passMark };
    }

    /** The order to show a step's options in: indexes, shuffled per attempt when the course asks. */
    order(state, step) {
      const idx = step.options.map((_, i) => i);
      if (!this.course.shuffle || step.type === "decision" || step.type === "true_false") return idx;
      const rand = generator((state.seed ^ Math.imul(step.g + 1, 0x9e3779b1)) >>> 0);
      for (let i = idx.length - 1; i > 0; i--) {
        const k = Math.floor(rand() * (i + 1));
        [idx[i], idx[k]] = [idx[k], idx[i]];
      }
      return idx;
    }

    /** Attempts left after this one (Infinity when unlimited). */
    attemptsLeft(state) {
      return this.course.attempts ? Math.max(0, this.course.attempts - state.attempt) : Infinity;
    }

    /** True once results are reached and nothing more can change: passed, or no attempts left. */
    finished(state) {
      const w = this.where(state.at).screen;
      if (w !== "results" && w !== "review") return false;
      // A pass on a course with an attestation is final only once the learner confirms it.
      if (this.score(state).passed) return !this.course.attestation || !!state.attested;
      return this.attemptsLeft(state) === 0;
    }

    /** A new attempt after this one. */
    retry(state) {
      return this.newState(state.attempt + 1);
    }
  }

  Casebook.Engine = Engine;
  Casebook.Engine.LETTERS = LETTERS;
  Casebook.Engine.MAX_ATTEMPT = MAX_ATTEMPT;
})();
