"""R18: clause 1.1 is a fact of the district — district records, conflicts and warnings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.decide_helpers import run
from tests.malformed import valid_community, valid_header
from youthaction_scoring import (
    Assessment,
    Community,
    CountyOrgCategory,
    DistrictRecord,
    InputError,
    ItemCode,
    OrgSystem,
    Period,
    PilotLevel,
    district_disagreements,
    iter_progress,
    load_assessment,
    loads_assessment,
    score_assessment,
)

ALL = [c.code for c in CountyOrgCategory]
PERIOD = Period.parse("2021-11:2022-04")


def _member(ident: str, district: str, orgs: list[str] | None) -> dict[str, Any]:
    member = valid_community(ident)
    member["district"] = district
    if orgs is None:
        del member["org_system"]["county_youth_orgs"]
    else:
        member["org_system"]["county_youth_orgs"] = orgs
    return member


def _document(*members: dict[str, Any], districts: list[dict[str, Any]] | None = None) -> str:
    doc: dict[str, Any] = {**valid_header(), "communities": list(members)}
    if districts is not None:
        doc["districts"] = districts
    return json.dumps(doc, ensure_ascii=False)


def _item_1_1(assessment: Assessment) -> dict[str, int]:
    return {
        c.community_id: next(i.points for i in c.items if i.code is ItemCode.C1_1)
        for c in score_assessment(assessment)
    }


def test_a_recorded_district_gives_1_1_to_all_its_communities() -> None:
    """Both 南明区 communities take 15 from the record; 云岩区 keeps its own list."""
    text = _document(
        _member("a", "南明区", None),
        _member("b", "南明区", []),  # an empty list is no list of its own
        _member("c", "云岩区", ALL[:1]),
        districts=[{"name": "南明区", "county_youth_orgs": ALL}],
    )
    assessment = loads_assessment(text)
    assert (DistrictRecord("南明区", tuple(CountyOrgCategory)),) == assessment.districts
    points = _item_1_1(assessment)
    assert 15 == points["a"] == points["b"]
    assert points["c"] < 15


@pytest.mark.parametrize(
    ("districts", "members", "place", "message"),
    [
        (
            [{"name": "南明区", "county_youth_orgs": ALL}],
            [_member("a", "南明区", ALL[:1])],
            "communities[0].org_system.county_youth_orgs",
            "recorded at districts[0]",
        ),
        (
            [{"name": "南明区"}, {"name": "南明区"}],
            [_member("a", "南明区", None)],
            "districts[1].name",
            "duplicate district '南明区' (first at districts[0])",
        ),
        (
            [{"name": "南明区"}, {"name": "花溪区"}],
            [_member("a", "南明区", None)],
            "districts[1]",
            "no community is in district '花溪区'",
        ),
        ([{"name": ""}], [_member("a", "南明区", None)], "districts[0].name", ""),
        (
            [{"name": "南明区", "orgs": []}],
            [_member("a", "南明区", None)],
            "districts[0].orgs",
            "unknown field",
        ),
        ({"name": "南明区"}, [_member("a", "南明区", None)], "districts", "must be a list"),
    ],
)
def test_district_problems_are_refused_with_their_places(
    districts: Any, members: list[dict[str, Any]], place: str, message: str
) -> None:
    """Each R18 conflict, and each malformed record, is an error at its JSON path."""
    with pytest.raises(InputError) as caught:
        loads_assessment(_document(*members, districts=districts))
    found = {p.place: p.message.en for p in caught.value.problems}
    assert place in found, found
    assert message in found[place]


@pytest.mark.usefixtures("english")
def test_the_conflict_names_both_places_on_the_command_line(tmp_path: Path) -> None:
    """The score command exits 2; the message names the community's list and the district record."""
    path = tmp_path / "in.json"
    path.write_text(
        _document(
            _member("a", "南明区", ALL[:2]),
            districts=[{"name": "南明区", "county_youth_orgs": ALL}],
        ),
        encoding="utf-8",
    )
    result = run("score", str(path))
    assert 2 == result.exit_code
    assert "communities[0].org_system.county_youth_orgs:" in result.stderr
    assert "districts[0]" in result.stderr


def test_the_python_api_refuses_the_same_conflicts() -> None:
    """Assessment(...) refuses a community with its own list in a recorded district."""
    member = Community(
        id="a",
        name="社区",
        district="南明区",
        pilot_level=PilotLevel.NATIONAL,
        org_system=OrgSystem(county_youth_orgs=(CountyOrgCategory.VOLUNTEER_SERVICE,)),
    )
    with pytest.raises(ValueError, match=r"communities\[0\]\.org_system\.county_youth_orgs"):
        Assessment(period=PERIOD, communities=(member,), districts=(DistrictRecord("南明区"),))
    with pytest.raises(ValueError, match="no community is in district"):
        Assessment(period=PERIOD, districts=(DistrictRecord("南明区"),))


def test_district_records_round_trip_through_json_and_json_lines(tmp_path: Path) -> None:
    """JSON -> JSON Lines (header) -> JSON keeps the records; documents without stay as before."""
    text = _document(
        _member("a", "南明区", None), districts=[{"name": "南明区", "county_youth_orgs": ALL[:2]}]
    )
    source = tmp_path / "in.json"
    source.write_text(text, encoding="utf-8")
    assert 0 == run("convert", str(source), str(tmp_path / "mid.jsonl")).exit_code
    header = json.loads((tmp_path / "mid.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert [{"name": "南明区", "county_youth_orgs": ALL[:2]}] == header["districts"]
    assert 0 == run("convert", str(tmp_path / "mid.jsonl"), str(tmp_path / "out.json")).exit_code
    again = load_assessment(tmp_path / "out.json")
    assert load_assessment(source) == again
    plain = tmp_path / "plain.json"
    plain.write_text(_document(_member("a", "南明区", ALL)), encoding="utf-8")
    assert 0 == run("convert", str(plain), str(tmp_path / "plain.jsonl")).exit_code
    first = (tmp_path / "plain.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert "districts" not in json.loads(first)


def _jsonl(tmp_path: Path, header: dict[str, Any], *members: dict[str, Any]) -> Path:
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(header, ensure_ascii=False)]
    lines += [json.dumps(m, ensure_ascii=False) for m in members]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_json_lines_streams_score_with_the_header_records(tmp_path: Path) -> None:
    """A stream takes 1.1 from the header's record, as the whole-file path does."""
    header = {**valid_header(), "districts": [{"name": "南明区", "county_youth_orgs": ALL}]}
    path = _jsonl(tmp_path, header, _member("a", "南明区", None), _member("b", "云岩区", []))
    result = run("score", str(path), "--format", "jsonl")
    assert 0 == result.exit_code, result.stderr
    streamed = [json.loads(line) for line in result.stdout.splitlines()]
    points = {c["community_id"]: c["items"][0]["points"] for c in streamed}
    assert {"a": 15, "b": 0} == points
    assert points == _item_1_1(load_assessment(path))


@pytest.mark.usefixtures("english")
def test_json_lines_conflicts_are_placed_by_line(tmp_path: Path) -> None:
    """A list in a recorded district is its line's error; an unused record is line 1's, at the end."""
    header = {
        **valid_header(),
        "districts": [{"name": "南明区", "county_youth_orgs": ALL}, {"name": "花溪区"}],
    }
    path = _jsonl(tmp_path, header, _member("a", "云岩区", None), _member("b", "南明区", ALL[:1]))
    result = run("score", str(path), "--format", "jsonl")
    assert 2 == result.exit_code
    lines = result.stderr.splitlines()
    assert lines[0].startswith("line 3: org_system.county_youth_orgs: district '南明区'")
    assert "line 1: districts[0]" in lines[0]
    assert "line 1: districts[1]: no community is in district '花溪区'" == lines[1]


def test_differing_lists_without_a_record_are_a_warning_not_an_error(tmp_path: Path) -> None:
    """Two 南明区 communities scored 15 and 0 (the issue's case): scores stand, a warning names both."""
    text = _document(_member("a", "南明区", ALL), _member("b", "南明区", []))
    assessment = loads_assessment(text)
    assert {"a": 15, "b": 0} == _item_1_1(assessment)
    (found,) = district_disagreements(assessment)
    assert "南明区" == found.district
    assert [("a",), ("b",)] == [ids for _, ids in found.variants]
    path = tmp_path / "in.json"
    path.write_text(text, encoding="utf-8")
    result = run("score", str(path), "--format", "json")
    assert 0 == result.exit_code
    assert json.loads(result.stdout)["scorecards"]  # standard output is the scorecards only
    assert result.stderr.startswith("警告：南明区")
    assert "a: " in result.stderr
    assert "b: 无" in result.stderr
    english = run("rank", str(path), "--lang", "en")
    assert "warning: 南明区: its communities record different" in english.stderr


def test_no_warning_when_lists_agree_or_the_district_is_recorded(tmp_path: Path) -> None:
    """Agreeing lists, or a district record, give no warning."""
    same = loads_assessment(_document(_member("a", "南明区", ALL), _member("b", "南明区", ALL)))
    assert () == district_disagreements(same)
    recorded = loads_assessment(
        _document(
            _member("a", "南明区", None),
            _member("b", "南明区", []),
            districts=[{"name": "南明区", "county_youth_orgs": ALL}],
        )
    )
    assert () == district_disagreements(recorded)
    path = tmp_path / "in.json"
    path.write_text(_document(_member("a", "南明区", ALL), _member("b", "南明区", ALL)), "utf-8")
    assert "" == run("score", str(path)).stderr


def test_a_json_lines_stream_warns_at_its_end(tmp_path: Path) -> None:
    """The streaming path gathers the lists and warns after the last line."""
    path = _jsonl(tmp_path, valid_header(), _member("a", "南明区", ALL), _member("b", "南明区", []))
    result = run("score", str(path), "--format", "jsonl")
    assert 0 == result.exit_code
    assert 2 == len(result.stdout.splitlines())
    assert result.stderr.startswith("警告：南明区")


def test_the_report_shows_the_warning(tmp_path: Path) -> None:
    """The report has a section naming the disagreeing communities."""
    pytest.importorskip("jinja2")
    path = tmp_path / "in.json"
    path.write_text(_document(_member("a", "南明区", ALL), _member("b", "南明区", [])), "utf-8")
    result = run("report", str(path), "-o", str(tmp_path / "r.html"))
    assert 0 == result.exit_code
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert 'id="district-warnings"' in html
    assert "a: " in html


def test_progress_uses_the_district_record() -> None:
    """Progress as of each month agrees with scoring as of it when a district is recorded."""
    assessment = loads_assessment(
        _document(
            _member("a", "南明区", None), districts=[{"name": "南明区", "county_youth_orgs": ALL}]
        )
    )
    for month in iter_progress(assessment):
        expected = score_assessment(assessment, as_of=month.month)
        assert [c.total for c in expected] == [r.total for r in month.rows]


SPELLINGS = ["南明区\u200b", "南明 区", " 南明区", "南明区\ufeff", "南明\u00ad区"]
"""The same district as people paste it: zero-width space, space, BOM, soft hyphen (R22)."""


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_district_spelled_apart_takes_its_record_r22(spelling: str) -> None:
    """A community in '南明区' + an invisible character or a space takes 15 from the record (R22)."""
    text = _document(
        _member("a", "南明区", None),
        _member("b", spelling, None),
        districts=[{"name": "南明区", "county_youth_orgs": ALL}],
    )
    assert {"a": 15, "b": 15} == _item_1_1(loads_assessment(text))


def test_a_community_spelled_apart_may_not_carry_its_own_list_r22() -> None:
    """A '南明 区' community with its own list in recorded 南明区 is the R18 conflict (R22)."""
    text = _document(
        _member("a", "南明 区", ALL[:1]), districts=[{"name": "南明区", "county_youth_orgs": ALL}]
    )
    with pytest.raises(InputError) as caught:
        loads_assessment(text)
    (problem,) = caught.value.problems
    assert "communities[0].org_system.county_youth_orgs" == problem.place
    assert "district '南明区' is recorded at districts[0]" in problem.message.en


def test_district_records_spelled_apart_are_duplicates_r22() -> None:
    """Records '南明区' and '南明 区' are one district recorded twice (R22)."""
    text = _document(
        _member("a", "南明区", None), districts=[{"name": "南明区"}, {"name": "南明 区"}]
    )
    with pytest.raises(InputError) as caught:
        loads_assessment(text)
    found = {p.place: p.message.en for p in caught.value.problems}
    assert {"districts[1].name": "duplicate district '南明 区' (first at districts[0])"} == found


def test_the_warning_groups_districts_spelled_apart_r22() -> None:
    """Differing lists in '南明区' and '南明 区' are one warning, shown as the first spelling (R22)."""
    text = _document(_member("a", "南明区", ALL), _member("b", "南明 区", []))
    (found,) = district_disagreements(loads_assessment(text))
    assert "南明区" == found.district
    assert [("a",), ("b",)] == [ids for _, ids in found.variants]


def test_the_roll_up_and_ranking_show_one_district_r22(tmp_path: Path) -> None:
    """The roll-up lists one 南明区 row; rank --by district ranks them together (R22)."""
    path = tmp_path / "in.json"
    path.write_text(
        _document(
            _member("a", "南明 区", None),
            _member("b", "南明区\u200b", None),
            districts=[{"name": "南明区", "county_youth_orgs": ALL}],
        ),
        encoding="utf-8",
    )
    document = json.loads(run("districts", str(path), "--format", "json").stdout)
    assert [("南明 区", 2)] == [(d["district"], d["communities"]) for d in document["districts"]]
    ranking = json.loads(run("rank", str(path), "--format", "json", "--by", "district").stdout)
    assert [1, 1] == [r["rank"] for r in ranking["ranking"]]
    (month,) = iter_progress(loads_assessment(path.read_text("utf-8")), months=[PERIOD.end])
    assert month.rows[0].total == month.rows[1].total
