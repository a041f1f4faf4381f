/*
 * SCORM 1.2 and 2004 4th Ed. data formats, and the one table of everything that
 * differs between the two versions: element names, vocabularies, formatters
 * (shared/conformance/scorm-facts.md, section 3). lms.js maps onto it; no function
 * there branches on the version.
 */
(function () {
  "use strict";

  const Casebook = (window.Casebook = window.Casebook || {});

  function pad(n, width) {
    let s = String(n);
    while (s.length < width) s = "0" + s;
    return s;
  }

  /** Milliseconds -> [hours, minutes, seconds, hundredths]. */
  function split(ms) {
    const cs = Math.max(0, Math.round(ms / 10));
    return [Math.floor(cs / 360000), Math.floor(cs / 6000) % 60, Math.floor(cs / 100) % 60, cs % 100];
  }

  /** SCORM 1.2 CMITimespan HHHH:MM:SS.SS, e.g. 0000:12:05.25. */
  function timespan12(ms) {
    const p = split(ms);
    return pad(Math.min(p[0], 9999), 4) + ":" + pad(p[1], 2) + ":" + pad(p[2], 2) + "." + pad(p[3], 2);
  }

  /** ISO 8601 duration with at most two fraction digits, e.g. PT12M5.25S. */
  function duration2004(ms) {
    const p = split(ms);
    const seconds = p[3] ? p[2] + "." + pad(p[3], 2) : String(p[2]);
    return "PT" + (p[0] ? p[0] + "H" : "") + (p[1] ? p[1] + "M" : "") + seconds + "S";
  }

  /** SCORM 1.2 CMITime: local time of day HH:MM:SS. */
  function time12(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2);
  }

  /** SCORM 2004 timestamp, UTC, exactly two fraction digits: 2026-11-25T10:15:30.12Z. */
  function timestamp2004(date) {
    return date.toISOString().slice(0, 22) + "Z";
  }

  function letters(value, separator) {
    return [].concat(value).join(separator);
  }

  /** A number as a short decimal string (no float noise such as 0.30000000000000004). */
  function decimal(n) {
    return String(Math.round(Number(n) * 10000) / 10000);
  }

  /** Everything that differs between the two versions, in one place. */
  const VERSIONS = {
    scorm12: {
      api: "API",
      calls: { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
               finish: "LMSFinish", error: "LMSGetLastError" },
      entry: "cmi.core.entry",
      suspendData: "cmi.suspend_data",
      location: "cmi.core.lesson_location",
      exit: "cmi.core.exit",
      sessionTime: "cmi.core.session_time",
      limits: { "cmi.suspend_data": 4096, "cmi.core.lesson_location": 255 },
      progressStatus: "cmi.core.lesson_status",
      notStarted: ["not attempted", ""],
      inProgress: [["cmi.core.lesson_status", "incomplete"]],
      finishedExit: "",
      interaction: { response: "student_response", time: "time", latency: "latency", description: null },
      response: { "choice": function (v) { return letters(v, ","); },
                  "true-false": function (v) { return v ? "t" : "f"; } },
      result: { correct: "correct", incorrect: "wrong" },
      time: time12,
      duration: timespan12,
      outcome: function (r) {
        return [["cmi.core.score.min", "0"], ["cmi.core.score.max", "100"],
                ["cmi.core.score.raw", decimal(r.scorePercent)],
                ["cmi.core.lesson_status", r.passed ? "passed" : "failed"]];
      }
    },
    scorm2004: {
      api: "API_1484_11",
      calls: { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
               finish: "Terminate", error: "GetLastError" },
      entry: "cmi.entry",
      suspendData: "cmi.suspend_data",
      location: "cmi.location",
      exit: "cmi.exit",
      sessionTime: "cmi.session_time",
      limits: { "cmi.suspend_data": 64000, "cmi.location": 1000 },
      progressStatus: "cmi.completion_status",
      notStarted: ["not attempted", "unknown", ""],
      inProgress: [["cmi.completion_status", "incomplete"]],
      finishedExit: "normal",
      interaction: { response: "learner_response", time: "timestamp", latency: "latency",
                     description: "description" },
      response: { "choice": function (v) { return letters(v, "[,]"); },
                  "true-false": function (v) { return v ? "true" : "false"; } },
      result: { correct: "correct", incorrect: "incorrect" },
      time: timestamp2004,
      duration: duration2004,
      outcome: function (r) {
        return [["cmi.score.min", "0"], ["cmi.score.max", "100"],
                ["cmi.score.raw", decimal(r.scorePercent)],
                ["cmi.score.scaled", decimal(Math.max(0, Math.min(100, r.scorePercent)) / 100)],
                ["cmi.completion_status", "completed"],
                ["cmi.success_status", r.passed ? "passed" : "failed"]];
      }
    }
  };

  /** 2004 localized string: {lang=en-GB} prefix, 250 characters at most in all. */
  function describe(text) {
    const prefix = "{lang=en-GB}";
    const plain = String(text || "").replace(/\s+/g, " ").trim();
    return prefix + plain.slice(0, 250 - prefix.length);
  }

  Casebook.scorm = { VERSIONS, describe, decimal };
})();
