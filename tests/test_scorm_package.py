"""The SCORM packages as files: zips that unpack safely and are byte-identical
across builds, and manifests that are schema-valid (the official schemas in
../shared/conformance, run through its validate.py) and follow the CAM rules the
schemas cannot express (shared/conformance/scorm-facts.md, P1-P12)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from casebook.packaging import check_member, deterministic_zip, zip_timestamp
from conftest import FIXTURE_PROJECT, run_cli
from lms_host.harness import SHARED

VALIDATE = SHARED / "conformance" / "validate.py"
KINDS = {"scorm12": "scorm12", "scorm2004": "scorm2004_4th"}
NS = {
    "scorm12": {"cp": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
                "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"},
    "scorm2004": {"cp": "http://www.imsglobal.org/xsd/imscp_v1p1",
                  "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
                  "imsss": "http://www.imsglobal.org/xsd/imsss"},
}
SCORM_TYPE = {"scorm12": "scormtype", "scorm2004": "scormType"}
SCHEMA_VERSION = {"scorm12": "1.2", "scorm2004": "2004 4th Edition"}


def build(project: Path, out: Path, *extra: str) -> list[Path]:
    result = run_cli("build", "--root", project, "--out", out, "--force", "all",
                     "--target", "scorm12", "--target", "scorm2004", *extra)
    assert result.code == 0, result.err
    return sorted(out.rglob("*.zip"))


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return build(FIXTURE_PROJECT, tmp_path_factory.mktemp("scorm"))


def version_of(archive: Path) -> str:
    return archive.stem.rsplit("-", 1)[1]


def test_one_package_per_course_force_and_version(packages):
    names = [p.relative_to(p.parents[2]).as_posix() for p in packages]
    assert names == ["default/basics/basics-scorm12.zip", "default/basics/basics-scorm2004.zip",
                     "testshire/basics/basics-scorm12.zip", "testshire/basics/basics-scorm2004.zip"]


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_manifests_are_schema_valid(packages, version):
    zips = [str(p) for p in packages if version_of(p) == version]
    done = subprocess.run([sys.executable, str(VALIDATE), KINDS[version], *zips],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("OK") == len(zips)


def test_manifest_rules_the_schemas_cannot_check(packages):
    for archive in packages:
        version = version_of(archive)
        ns = NS[version]
        with zipfile.ZipFile(archive) as z:
            names = z.namelist()
            root = etree.fromstring(z.read("imsmanifest.xml"))
        assert "imsmanifest.xml" in names  # P1: at the root
        assert "xsi:schemaLocation" not in etree.tostring(root).decode()  # P2: no control documents
        assert root.get("identifier") == "casebook.basics.v1.0.0" and root.get("version") == "1.0.0"
        assert [e.text for e in root.find("cp:metadata", ns)] == ["ADL SCORM", SCHEMA_VERSION[version]]
        organizations = root.find("cp:organizations", ns)
        org = organizations.find(f"cp:organization[@identifier='{organizations.get('default')}']", ns)
        assert org.findtext("cp:title", namespaces=ns) == "Basics (v1.0.0)"  # P7
        (item,) = org.findall("cp:item", ns)
        (resource,) = root.findall("cp:resources/cp:resource", ns)
        assert item.get("identifierref") == resource.get("identifier")  # P8
        assert resource.get(f"{{{ns['adlcp']}}}{SCORM_TYPE[version]}") == "sco"  # P10
        assert resource.get("type") == "webcontent" and resource.get("href") == "index.html"  # P9
        listed = sorted(f.get("href") for f in resource.findall("cp:file", ns))
        assert listed == sorted(n for n in names if n != "imsmanifest.xml")  # P11: every file, no more
        ids = [e.get("identifier") for e in root.iter() if e.get("identifier")]
        assert len(ids) == len(set(ids))  # P4
        comment = root.getprevious()
        assert comment is not None and "content hash" in comment.text


def test_pass_mark_reaches_the_lms(packages):
    for archive in packages:
        version = version_of(archive)
        with zipfile.ZipFile(archive) as z:
            root = etree.fromstring(z.read("imsmanifest.xml"))
        if version == "scorm12":
            assert root.findtext(".//adlcp:masteryscore", namespaces=NS[version]) == "80"
        else:
            assert root.findtext(".//imsss:minNormalizedMeasure", namespaces=NS[version]) == "0.8"


def test_zip_entries_are_safe_sorted_and_fixed(packages):
    for archive in packages:
        with zipfile.ZipFile(archive) as z:
            infos = z.infolist()
        assert [i.filename for i in infos] == sorted(i.filename for i in infos)
        for info in infos:
            check_member(info.filename)
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_DEFLATED


def test_two_builds_give_byte_identical_zips(packages, tmp_path):
    again = build(FIXTURE_PROJECT, tmp_path / "again")
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in packages]


def test_source_date_epoch_stamps_the_entries(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    assert zip_timestamp() == (2026, 1, 1, 0, 0, 0)
    data = deterministic_zip({"b.txt": b"b", "a.txt": b"a"})
    assert data == deterministic_zip({"a.txt": b"a", "b.txt": b"b"})
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert zip_timestamp() == (1980, 1, 1, 0, 0, 0)


@pytest.mark.parametrize("name", ["/etc/passwd", "../up.txt", "a/../../b", "dir\\file", "", "folder/"])
def test_unsafe_member_names_are_refused(name):
    with pytest.raises(ValueError):
        deterministic_zip({name: b"x"})
