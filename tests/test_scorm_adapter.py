"""The LMS adapter (templates/quiz/lms.js) alone, under scorm-again: the exact
strings it sends for each SCORM version, including the rules scorm-again does not
enforce (shared/conformance/scorm-facts.md, "SA lenient")."""

from __future__ import annotations

import re

import pytest

from lms_host.harness import LmsSession

SCO = "/adapter-sco.html"
WHEN = "new Date(Date.UTC(2026, 10, 25, 10, 15, 30, 123))"

CHOICE = ("{id: 'group-chat.q1', type: 'choice', response: ['a', 'c'], correct: ['b'], result: 'incorrect',"
          " weight: 2, latencyMs: 754250, timestamp: " + WHEN + ", description: 'Is the group   private?'}")
TRUE_FALSE = ("{id: 'group-chat.follow-up', type: 'true-false', response: false, correct: false,"
              " result: 'correct', weight: 1, latencyMs: 4000, timestamp: " + WHEN + ", description: 'Silent.'}")

TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
DURATION_2004 = re.compile(r"^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
TIMESTAMP_2004 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$")


def run(session: LmsSession, script: str):
    """Run `script` in the SCO frame with `lms = Casebook.connectLms(mode, 'basics')`."""
    return session.frame.evaluate(
        f"() => {{ const lms = window.lms = window.lms || Casebook.connectLms('{session.version}', 'casebook:basics');"
        f" {script} }}")


def first_launch(context, version):  # noqa: F811
    session = LmsSession(context, version)
    session.open(SCO, preload={"scorm12": {"cmi.core.entry": "ab-initio", "cmi.core.credit": "credit"},
                               "scorm2004": {"cmi.entry": "ab-initio"}}[version])
    return session


def test_scorm12_strings(context):  # noqa: F811
    s = first_launch(context, "scorm12")
    assert run(s, "return [lms.kind, lms.start()];") == [
        "scorm12", {"entry": "ab-initio", "state": None, "location": None}]
    run(s, f"lms.record({CHOICE}); lms.record({TRUE_FALSE}); lms.save('S1', 'group-chat.q1');"
           " lms.complete({scorePercent: 62.5, passed: false}); lms.finish('S2', 'end', true);")
    sets = s.sets()
    values = dict(sets)
    assert values["cmi.core.lesson_status"] == "failed"
    assert ("cmi.core.lesson_status", "incomplete") == sets[0]
    assert values["cmi.core.score.raw"] == "62.5"
    assert (values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("0", "100")
    assert [(k, v) for k, v in sets if k.startswith("cmi.interactions.0.")] == [
        ("cmi.interactions.0.id", "group-chat.q1"),
        ("cmi.interactions.0.type", "choice"),
        ("cmi.interactions.0.weighting", "2"),
        ("cmi.interactions.0.student_response", "a,c"),
        ("cmi.interactions.0.correct_responses.0.pattern", "b"),
        ("cmi.interactions.0.result", "wrong"),
        ("cmi.interactions.0.latency", "0000:12:34.25"),
        ("cmi.interactions.0.time", values["cmi.interactions.0.time"]),
    ]
    assert re.fullmatch(r"\d{2}:\d{2}:\d{2}", values["cmi.interactions.0.time"])
    assert values["cmi.interactions.1.student_response"] == "f"
    assert values["cmi.interactions.1.correct_responses.0.pattern"] == "f"
    assert values["cmi.interactions.1.result"] == "correct"
    assert values["cmi.interactions.1.latency"] == "0000:00:04.00"
    assert TIMESPAN_12.match(values["cmi.core.session_time"])
    assert values["cmi.core.exit"] == ""  # 1.2 has no "normal"
    assert values["cmi.suspend_data"] == "S2" and values["cmi.core.lesson_location"] == "end"
    assert s.refused() == []
    s.check_clean()


def test_scorm2004_strings(context):  # noqa: F811
    s = first_launch(context, "scorm2004")
    assert run(s, "return [lms.kind, lms.start()];") == [
        "scorm2004", {"entry": "ab-initio", "state": None, "location": None}]
    run(s, f"lms.record({CHOICE}); lms.record({TRUE_FALSE}); lms.save('S1', 'group-chat.q1');"
           " lms.complete({scorePercent: 80, passed: true}); lms.finish('S2', 'end', true);")
    sets = s.sets()
    values = dict(sets)
    assert sets[0] == ("cmi.completion_status", "incomplete")
    assert values["cmi.completion_status"] == "completed"
    assert values["cmi.success_status"] == "passed"
    assert [values[f"cmi.score.{k}"] for k in ("raw", "min", "max", "scaled")] == ["80", "0", "100", "0.8"]
    assert [(k, v) for k, v in sets if k.startswith("cmi.interactions.0.")] == [
        ("cmi.interactions.0.id", "group-chat.q1"),
        ("cmi.interactions.0.type", "choice"),
        ("cmi.interactions.0.description", "{lang=en-GB}Is the group private?"),
        ("cmi.interactions.0.weighting", "2"),
        ("cmi.interactions.0.learner_response", "a[,]c"),
        ("cmi.interactions.0.correct_responses.0.pattern", "b"),
        ("cmi.interactions.0.result", "incorrect"),
        ("cmi.interactions.0.latency", "PT12M34.25S"),
        ("cmi.interactions.0.timestamp", "2026-11-25T10:15:30.12Z"),
    ]
    assert values["cmi.interactions.1.learner_response"] == "false"
    assert values["cmi.interactions.1.latency"] == "PT4S"
    assert DURATION_2004.match(values["cmi.session_time"]) and values["cmi.session_time"] != "PT"
    assert TIMESTAMP_2004.match(values["cmi.interactions.1.timestamp"])
    assert values["cmi.exit"] == "normal"
    assert s.refused() == []
    s.check_clean()


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_unfinished_attempt_suspends_and_finish_is_idempotent(context, version):  # noqa: F811
    s = first_launch(context, version)
    run(s, "lms.start(); lms.save('S1', 'x'); lms.finish('S1', 'x', false); lms.finish('S1', 'x', false);")
    exit_element = {"scorm12": "cmi.core.exit", "scorm2004": "cmi.exit"}[version]
    assert s.set_map()[exit_element] == "suspend"
    assert [c["call"] for c in s.calls()].count(s.names["finish"]) == 1
    assert s.refused() == []
    s.check_clean()


@pytest.mark.parametrize("version, preload", [
    ("scorm12", {"cmi.core.entry": "resume", "cmi.suspend_data": "v1|a,c", "cmi.core.lesson_location": "s2"}),
    ("scorm2004", {"cmi.entry": "resume", "cmi.suspend_data": "v1|a,c", "cmi.location": "s2",
                   "cmi.completion_status": "incomplete"}),
])
def test_resume_reads_suspend_data_and_location(context, version, preload):  # noqa: F811
    s = LmsSession(context, version)
    s.open(SCO, preload=preload)
    assert run(s, "return lms.start();") == {"entry": "resume", "state": "v1|a,c", "location": "s2"}
    s.check_clean()


def test_interactions_continue_after_existing_records(context):  # noqa: F811
    s = LmsSession(context, "scorm2004")
    s.open(SCO, preload={"cmi.entry": "resume", "cmi.interactions.0.id": "old.q1",
                         "cmi.interactions.0.type": "choice"})
    run(s, f"lms.start(); lms.record({CHOICE});")
    assert s.set_map()["cmi.interactions.1.id"] == "group-chat.q1"
    assert s.refused() == []


def test_scorm12_suspend_data_over_4096_is_refused_by_the_adapter(context):  # noqa: F811
    s = first_launch(context, "scorm12")
    faults = run(s, "const f = []; lms.onFault(m => f.push(m)); lms.start();"
                    " lms.save('x'.repeat(4097), 'q'); return f;")
    assert faults and "too large" in faults[0]
    assert "cmi.suspend_data" not in s.set_map()  # scorm-again would accept it (SA lenient)
    stored = s.frame.evaluate("() => JSON.parse(localStorage.getItem('casebook:basics'))")
    assert len(stored["state"]) == 4097


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("sabotage", ["false", "throw"])
def test_lms_faults_never_reach_the_quiz(context, version, sabotage):  # noqa: F811
    s = LmsSession(context, version)
    s.open(SCO, sabotage=sabotage)
    faults = run(s, f"const f = []; lms.onFault(m => f.push(m)); lms.start(); lms.record({CHOICE});"
                    " lms.save('S1', 'loc'); lms.complete({scorePercent: 50, passed: false});"
                    " lms.finish('S2', 'loc2', false); return f;")
    assert faults, "the adapter reported no fault"
    assert all(len(m) < 160 for m in faults)
    stored = s.frame.evaluate("() => JSON.parse(localStorage.getItem('casebook:basics'))")
    assert stored == {"state": "S2", "location": "loc2", "finished": False}
    assert s.unexpected == []
    assert [p for p in s.problems if "page error" in p] == []


@pytest.mark.parametrize("version", ["scorm12", "scorm2004", "web"])
def test_no_lms_keeps_progress_in_local_storage(context, version):  # noqa: F811
    s = LmsSession(context, "scorm12")
    s.open(SCO, api=False)
    script = f"const lms = Casebook.connectLms('{version}', 'casebook:basics');"
    assert s.frame.evaluate(f"() => {{ {script} return [lms.kind, lms.start()]; }}") == [
        "local", {"entry": "ab-initio", "state": None, "location": None}]
    s.frame.evaluate(f"() => {{ {script} lms.start(); lms.save('S1', 'q2'); }}")
    assert s.frame.evaluate(f"() => {{ {script} return lms.start(); }}") == {
        "entry": "resume", "state": "S1", "location": "q2"}
    s.frame.evaluate(f"() => {{ {script} lms.start(); lms.finish('S2', 'end', true); }}")
    assert s.frame.evaluate(f"() => {{ {script} return lms.start().entry; }}") == "ab-initio"
    s.check_clean()
