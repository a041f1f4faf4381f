"""The built SCORM packages, run in scorm-again and driven by keyboard alone.

Each test unzips a real package (tests/fixtures/project, built by the scorm12 and
scorm2004 targets), hosts it in tests/lms_host/lms.html on a fake origin with no
network, and asserts the exact strings the quiz sent to the LMS, including the
rules scorm-again does not enforce (scorm-facts.md, "SA lenient")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import FIXTURE_PROJECT, REPO, run_cli
from lms_host.harness import LmsSession, unzip
from lms_host.keyboard import Answer, attest, screen, take_course

TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME_12 = re.compile(r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$")
DURATION_2004 = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
TIMESTAMP_2004 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{2}Z$")
CHOICE_12 = re.compile(r"^[0-9a-z](,[0-9a-z])*$")
CHOICE_2004 = re.compile(r"^[0-9a-z]+(\[,\][0-9a-z]+)*$")
NO_SPACE_ID = re.compile(r"^[A-Za-z0-9_.:-]{1,255}$")

FIRST_LAUNCH = {"scorm12": {"cmi.core.entry": "ab-initio", "cmi.core.credit": "credit",
                            "cmi.core.student_id": "u1", "cmi.core.student_name": "Doe, Jane"},
                "scorm2004": {"cmi.entry": "ab-initio", "cmi.learner_id": "u1", "cmi.learner_name": "Jane Doe",
                              "cmi.scaled_passing_score": "0.8"}}
#: Per version: where things are written, and how values are spelled.
SPEC = {
    "scorm12": {"status": "cmi.core.lesson_status", "exit": "cmi.core.exit", "time": "cmi.core.session_time",
                "suspend": "cmi.suspend_data", "location": "cmi.core.lesson_location",
                "response": "student_response", "stamp": "time", "result": {True: "correct", False: "wrong"},
                "choice": ",", "tf": {True: "t", False: "f"}, "exit_done": "", "limit": 4096},
    "scorm2004": {"status": "cmi.completion_status", "exit": "cmi.exit", "time": "cmi.session_time",
                  "suspend": "cmi.suspend_data", "location": "cmi.location",
                  "response": "learner_response", "stamp": "timestamp",
                  "result": {True: "correct", False: "incorrect"}, "choice": "[,]",
                  "tf": {True: "true", False: "false"}, "exit_done": "normal", "limit": 64000},
}


#: The tiny test project, and the course the repository ships (content/, scenarios/).
PROJECTS = {"fixture": (FIXTURE_PROJECT, "basics"), "shipped": (REPO, "social-media")}


def build_unpacked(tmp_path_factory: pytest.TempPathFactory, name: str) -> dict[str, Path]:
    root, course = PROJECTS[name]
    out = tmp_path_factory.mktemp(f"built-{name}")
    result = run_cli("build", "--root", root, "--out", out, "--target", "scorm12", "--target", "scorm2004")
    assert result.code == 0, result.err
    return {v: unzip(out / "default" / course / f"{course}-{v}.zip", out / v) for v in SPEC}


@pytest.fixture(scope="module")
def unpacked(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return build_unpacked(tmp_path_factory, "fixture")


@pytest.fixture(scope="module", params=list(PROJECTS))
def any_unpacked(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The packages of each project in turn: the fixture, then the shipped course."""
    return build_unpacked(tmp_path_factory, request.param)


def launch(context, unpacked, version, **options) -> LmsSession:  # noqa: F811
    session = LmsSession(context, version, unpacked[version])
    options.setdefault("preload", FIRST_LAUNCH[version])
    session.open(**options)
    session.frame.wait_for_function("() => window.Casebook && Casebook.quiz && document.querySelector('main h1')")
    return session


def close_sco(session: LmsSession) -> None:
    """What an LMS does when the learner leaves: unload the SCO (its pagehide finishes)."""
    session.page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")
    session.wait_finished()


def expected_interaction(a: Answer, version: str) -> dict[str, str]:
    spec = SPEC[version]
    if a.type == "true_false":
        truth = lambda letters: letters[0] and a.option_texts[ord(letters[0]) - 97].lower() == "true"  # noqa: E731
        kind, response, pattern = "true-false", spec["tf"][truth(a.chosen)], spec["tf"][truth(a.correct)]
    else:
        kind, response, pattern = "choice", spec["choice"].join(a.chosen), spec["choice"].join(a.correct)
    return {"id": a.iid, "type": kind, spec["response"]: response, "correct_responses.0.pattern": pattern,
            "result": spec["result"][a.chosen[0] in a.correct if a.type == "decision" else a.chosen == a.correct],
            "weighting": str(a.weight)}


def interactions(sets: list[tuple[str, str]]) -> list[dict[str, str]]:
    """The interaction records as written, each field exactly once (asserted)."""
    records: dict[int, dict[str, str]] = {}
    for element, value in sets:
        m = re.fullmatch(r"cmi\.interactions\.(\d+)\.(.+)", element)
        if m:
            record = records.setdefault(int(m.group(1)), {})
            assert m.group(2) not in record, f"{element} written twice"
            record[m.group(2)] = value
    assert sorted(records) == list(range(len(records))), "interaction indexes have gaps"
    return [records[n] for n in sorted(records)]


def assert_spec_rules(session: LmsSession, version: str) -> None:
    """What scorm-again lets through but the specification does not."""
    spec = SPEC[version]
    for element, value in session.sets():
        if element == spec["suspend"]:
            assert len(value) <= spec["limit"]
        if element == spec["exit"]:
            assert value in ("suspend", spec["exit_done"])
        if element.endswith(".id"):
            assert NO_SPACE_ID.match(value), f"interaction id {value!r}"
        if element.endswith(".result"):
            assert value in spec["result"].values()
    assert session.refused() == [], session.refused()
    session.check_clean()


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("passing", [True, False], ids=["pass", "fail"])
def test_keyboard_run_reports_exact_data(context, any_unpacked, version, passing):  # noqa: F811
    spec = SPEC[version]
    session = launch(context, any_unpacked, version)
    answers = take_course(session, passing)
    assert screen(session.frame)["heading"] == "Your result"
    result = session.frame.evaluate("""() => { const q = Casebook.quiz;
        return {...q.engine.score(q.state), finished: q.engine.finished(q.state)}; }""")
    assert result["passed"] is passing
    if passing and session.frame.evaluate("() => !!Casebook.quiz.course.attestation"):
        status = "cmi.core.lesson_status" if version == "scorm12" else "cmi.success_status"
        assert dict(session.sets()).get(status) != "passed", "reported passed before the attestation"
        assert session.frame.evaluate("() => Casebook.quiz.engine.finished(Casebook.quiz.state)") is False
        attest(session)
        result["finished"] = session.frame.evaluate("() => Casebook.quiz.engine.finished(Casebook.quiz.state)")
    close_sco(session)
    sets = session.sets()
    values = dict(sets)
    assert sets[0] == (spec["status"], "incomplete")

    score = result["percent"]
    assert score == 100 or not passing
    if version == "scorm12":
        assert values["cmi.core.lesson_status"] == ("passed" if passing else "failed")
        assert [values[f"cmi.core.score.{k}"] for k in ("raw", "min", "max")] == [str(score), "0", "100"]
    else:
        assert values["cmi.completion_status"] == "completed"
        assert values["cmi.success_status"] == ("passed" if passing else "failed")
        assert [values[f"cmi.score.{k}"] for k in ("raw", "min", "max", "scaled")] == [
            str(score), "0", "100", str(score / 100).removesuffix(".0")]
        assert session.cmi()["cmi.success_status"] == values["cmi.success_status"]  # agrees with the LMS

    records = interactions(sets)
    assert len(records) == len(answers)
    for record, answer in zip(records, answers):
        expected = expected_interaction(answer, version)
        assert {k: record[k] for k in expected} == expected
        if version == "scorm12":
            assert TIMESPAN_12.match(record["latency"]) and TIME_12.match(record["time"])
            assert set(record) == set(expected) | {"latency", "time"}
            if record["type"] == "choice":
                assert CHOICE_12.match(record["student_response"])
                assert CHOICE_12.match(record["correct_responses.0.pattern"])
        else:
            assert DURATION_2004.match(record["latency"]) and TIMESTAMP_2004.match(record["timestamp"])
            assert record["description"] == "{lang=en-GB}" + " ".join(answer.prompt.split())[:238]
            assert len(record["description"]) <= 250
            if record["type"] == "choice":
                assert CHOICE_2004.match(record["learner_response"])

    session_time = values[spec["time"]]
    assert (TIMESPAN_12 if version == "scorm12" else DURATION_2004).match(session_time), session_time
    # Passed is final; a fail with attempts left keeps the attempt open for a retry.
    assert values[spec["exit"]] == (spec["exit_done"] if result["finished"] else "suspend")
    assert result["finished"] or not passing
    assert [c["call"] for c in session.calls()].count(session.names["finish"]) == 1
    assert_spec_rules(session, version)


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_resume_lands_on_the_same_step_with_answers_kept(context, any_unpacked, version):  # noqa: F811
    spec = SPEC[version]
    unpacked = any_unpacked
    first = launch(context, unpacked, version)
    answers = take_course(first, passing=True, stop_after=2)
    where = screen(first.frame)["step"]
    before = first.frame.evaluate("() => Casebook.quiz.state.answers.slice()")
    close_sco(first)
    sent = first.set_map()
    assert sent[spec["exit"]] == "suspend"
    assert_spec_rules(first, version)

    entry = "cmi.core.entry" if version == "scorm12" else "cmi.entry"
    second = launch(context, unpacked, version, preload={
        **FIRST_LAUNCH[version], entry: "resume", spec["suspend"]: sent[spec["suspend"]],
        spec["location"]: sent[spec["location"]]})
    now = screen(second.frame)
    assert now["step"] == where and now["open"]
    assert second.frame.evaluate("() => Casebook.quiz.state.answers") == before
    assert len([a for a in before if a]) == len(answers) == 2
    rest = take_course(second, passing=True)
    assert screen(second.frame)["heading"] == "Your result" and rest
    assert "score 100%" in second.frame.evaluate("() => document.querySelector('main').innerText").replace(
        "Your score: ", "score ")
    second.check_clean()


def test_without_an_lms_the_quiz_keeps_progress_in_the_browser(context, unpacked):  # noqa: F811
    session = launch(context, unpacked, "scorm2004", api=False, preload=None)
    take_course(session, passing=True, stop_after=1)
    key = session.frame.evaluate("() => Casebook.quiz.course.key")
    saved = session.frame.evaluate("k => JSON.parse(localStorage.getItem(k))", key)
    assert saved["state"] == session.frame.evaluate("() => Casebook.quiz.engine.serialize(Casebook.quiz.state)")
    with session.frame.expect_navigation():
        session.frame.evaluate("() => { setTimeout(() => location.reload(), 0); }")
    session.frame.wait_for_function("() => window.Casebook && Casebook.quiz && document.querySelector('form.step')")
    assert screen(session.frame)["step"] == "group-chat.act"
    take_course(session, passing=True)
    assert screen(session.frame)["heading"] == "Your result"
    assert session.frame.evaluate("() => document.getElementById('notice').textContent") == ""
    session.check_clean()


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
@pytest.mark.parametrize("sabotage", ["false", "throw"])
def test_a_failing_lms_leaves_the_quiz_usable(context, unpacked, version, sabotage):  # noqa: F811
    session = launch(context, unpacked, version, sabotage=sabotage)
    take_course(session, passing=True)
    assert screen(session.frame)["heading"] == "Your result"
    notice = session.frame.evaluate("""() => { const n = document.getElementById('notice');
        return {text: n.textContent, role: n.getAttribute('role'), modal: !!document.querySelector('dialog[open]')}; }""")
    assert notice["text"] and len(notice["text"]) < 160 and notice["role"] == "status" and not notice["modal"]
    key = session.frame.evaluate("() => Casebook.quiz.course.key")
    saved = session.frame.evaluate("k => JSON.parse(localStorage.getItem(k))", key)
    assert saved["state"] == session.frame.evaluate("() => Casebook.quiz.engine.serialize(Casebook.quiz.state)")
    assert session.unexpected == []
    assert [p for p in session.problems if p.startswith("page error")] == []
