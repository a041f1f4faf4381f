/*
 * Casebook LMS adapter.
 *
 * One neutral interface (start, save, record, complete, finish) mapped onto the
 * SCORM 1.2 or SCORM 2004 4th Ed. run-time API, or onto localStorage when there is
 * no LMS. Versions differ only in the VERSIONS table (scorm-data.js): element
 * names, vocabularies and formatters; no function branches on the version.
 *
 * Rules followed (shared/conformance/scorm-facts.md): API discovery walks parents,
 * then the opener (section 2); formats and vocabularies of section 3. An LMS that
 * answers "false" or throws never breaks the quiz: the adapter reports a short
 * message through onFault and mirrors progress to localStorage.
 */
(function () {
  "use strict";

  const Casebook = (window.Casebook = window.Casebook || {});

  /** Hops up the frame tree before giving up (ADL's 2004 sample allows 500). */
  const MAX_HOPS = 500;

  /** User-facing messages, apart from the logic (spoor's error.js). */
  const MESSAGES = {
    lmsFailed: "Your learning system did not accept {call}{detail}. Your progress is also kept in this browser.",
    lmsThrew: "Your learning system reported an error during {call}. Your progress is also kept in this browser.",
    tooLong: "Your progress is too large for the learning system to store ({element}). It is kept in this browser."
  };

  function message(key, values) {
    return MESSAGES[key].replace(/\{(\w+)\}/g, function (_, name) { return values[name] || ""; });
  }

  const { VERSIONS, describe, decimal } = Casebook.scorm;

  /**
   * findApi: the named API object on this window or an ancestor, else on the
   * opener or its ancestors; null if none. Cross-origin frames are skipped.
   */
  function findApi(name) {
    function walk(win) {
      for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
        try {
          if (win[name]) return win[name];
          if (!win.parent || win.parent === win) return null;
          win = win.parent;
        } catch (e) {
          return null;
        }
      }
      return null;
    }
    let found = walk(window);
    if (!found) {
      try { found = walk(window.opener); } catch (e) { found = null; }
    }
    return found || null;
  }

  /** What start() reports when there is nothing to resume. */
  function fresh() {
    return { entry: "ab-initio", state: null, location: null };
  }

  /** localStorage under one key per course; silent if storage is unavailable. */
  function LocalStore(courseKey) {
    const key = String(courseKey);
    return {
      read: function () {
        try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
      },
      write: function (record) {
        try { window.localStorage.setItem(key, JSON.stringify(record)); } catch (e) { /* no storage */ }
      },
      /* start(): the unfinished attempt kept here, as the adapters' start() reports it. */
      start: function () {
        const saved = this.read();
        if (saved && !saved.finished && saved.state) {
          return { entry: "resume", state: saved.state, location: saved.location || null };
        }
        return fresh();
      }
    };
  }

  /**
   * localAdapter: the standalone page (web mode, or no LMS found). Progress lives
   * in localStorage; a finished attempt is not resumed.
   */
  function localAdapter(courseKey) {
    const store = LocalStore(courseKey);
    let done = false;
    return {
      kind: "local",
      start: function () { return store.start(); },
      save: function (state, location) {
        if (!done) store.write({ state: state, location: location, finished: false });
      },
      record: function () {},
      complete: function () {},
      finish: function (state, location, finished) {
        if (done) return;
        done = true;
        store.write({ state: state, location: location, finished: !!finished });
      },
      onFault: function () {}
    };
  }

  /**
   * scormAdapter: the neutral interface over one version's API object. Every call
   * goes through `call`, which turns "false" or an exception into a fault.
   */
  function scormAdapter(kind, api, courseKey) {
    const v = VERSIONS[kind];
    const store = LocalStore(courseKey);
    const listeners = [];
    let faulted = false;
    let started = 0;
    let inProgress = false;
    let completed = false;
    let terminated = false;
    let nextIndex = 0;

    function fault(text) {
      faulted = true;
      listeners.forEach(function (cb) {
        try { cb(text); } catch (e) { /* a listener's bug is not ours to raise */ }
      });
    }

    function lastError() {
      try { return String(api[v.calls.error]()); } catch (e) { return ""; }
    }

    function call(name, args, what) {
      const method = v.calls[name];
      try {
        const result = api[method].apply(api, args);
        if (name !== "get" && String(result) === "false") {
          const code = lastError();
          fault(message("lmsFailed", { call: what || method,
                                       detail: code && code !== "0" ? " (error " + code + ")" : "" }));
        }
        return result;
      } catch (e) {
        fault(message("lmsThrew", { call: what || method }));
        return name === "get" ? "" : "false";
      }
    }

    function get(element) {
      const value = call("get", [element], element);
      return value === undefined || value === null ? "" : String(value);
    }

    function set(element, value) {
      const limit = v.limits[element];
      if (limit && String(value).length > limit) {
        fault(message("tooLong", { element: element }));
        return;
      }
      call("set", [element, String(value)], element);
    }

    function commit() { call("commit", [""]); }

    function mirror(state, location, finished) {
      if (faulted) store.write({ state: state, location: location, finished: !!finished });
    }

    function saveProgress(state, location) {
      if (state !== null && state !== undefined) set(v.suspendData, state);
      if (location !== null && location !== undefined) set(v.location, location);
    }

    function markInProgress() {
      if (inProgress || completed) return;
      inProgress = true;
      v.inProgress.forEach(function (pair) { set(pair[0], pair[1]); });
    }

    return {
      kind: kind,

      /* start: Initialize; report entry, suspend data and location for resume. */
      start: function () {
        started = Date.now();
        if (String(call("init", [""])) === "false") return store.start();
        const count = parseInt(get("cmi.interactions._count"), 10);
        nextIndex = isNaN(count) ? 0 : count;
        const status = get(v.progressStatus);
        if (v.notStarted.indexOf(status) >= 0) markInProgress();
        else inProgress = status === "incomplete";
        if (get(v.entry) !== "resume") return fresh();
        return { entry: "resume", state: get(v.suspendData) || null, location: get(v.location) || null };
      },

      /* save: suspend data and bookmark, status incomplete while in progress, Commit. */
      save: function (state, location) {
        if (terminated) return;
        markInProgress();
        saveProgress(state, location);
        commit();
        mirror(state, location, false);
      },

      /* record: one cmi.interactions.n record, n = _count, each field written once. */
      record: function (r) {
        if (terminated) return;
        const base = "cmi.interactions." + nextIndex + ".";
        const names = v.interaction;
        nextIndex += 1;
        set(base + "id", r.id);
        set(base + "type", r.type);
        if (names.description) set(base + names.description, describe(r.description));
        set(base + "weighting", decimal(r.weight));
        set(base + names.response, v.response[r.type](r.response));
        set(base + "correct_responses.0.pattern", v.response[r.type](r.correct));
        set(base + "result", v.result[r.result]);
        set(base + names.latency, v.duration(r.latencyMs));
        set(base + names.time, v.time(r.timestamp || new Date()));
      },

      /* complete: score and final status; the attempt stays open until finish. */
      complete: function (r) {
        if (terminated) return;
        completed = true;
        v.outcome(r).forEach(function (pair) { set(pair[0], pair[1]); });
        commit();
      },

      /* finish: session time, exit, Commit, Terminate; safe to call twice. */
      finish: function (state, location, finished) {
        if (terminated) return;
        terminated = true;
        saveProgress(state, location);
        set(v.sessionTime, v.duration(Date.now() - (started || Date.now())));
        set(v.exit, finished ? v.finishedExit : "suspend");
        commit();
        call("finish", [""]);
        mirror(state, location, finished);
      },

      /* onFault: callback(message) for every call the LMS refuses or throws on. */
      onFault: function (callback) {
        if (typeof callback === "function") listeners.push(callback);
      }
    };
  }

  /**
   * Casebook.connectLms(mode, courseKey) -> adapter. mode "scorm12" or "scorm2004"
   * looks for that version's API; "web", or no API found, keeps progress locally.
   */
  Casebook.connectLms = function (mode, courseKey) {
    const version = VERSIONS[mode];
    const api = version ? findApi(version.api) : null;
    return api ? scormAdapter(mode, api, courseKey) : localAdapter(courseKey);
  };
})();
