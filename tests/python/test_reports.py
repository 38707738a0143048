"""The strategist's layer: indicator tables, reports as frames, rich display."""

import datetime
import pathlib

import pandas as pd
import pytest

import samverkan as sv

from conftest import ROOT

OBSERVATIONS = ROOT / "data" / "sample" / "indicators" / "observations.csv"


def write(tmp_path: pathlib.Path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


def test_sample_table_gives_21_regions_and_the_national_series_over_five_years():
    corpus = sv.Corpus()
    report = sv.indicators.read_observations(str(OBSERVATIONS), corpus)
    assert report.warnings == []
    assert len(report.indicators) == 2
    ind = sv.reports.find_indicator(corpus, "andel väntande inom 60 dagar")
    assert ind.unit == "%"
    national = [o for o in ind.observations if o.organisation is None]
    assert len(national) == 5
    regions = {o.organisation for o in ind.observations if o.organisation}
    assert len(regions) == 21
    assert {t.value for t in ind.targets} == {71.0}
    # Reading the same table again adds nothing.
    again = sv.indicators.read_observations(str(OBSERVATIONS), corpus)
    assert again.observations_added == 0 and again.targets_added == 0


def test_organisations_resolve_by_name_short_name_and_county_code(tmp_path):
    corpus = sv.Corpus()
    stockholm = corpus.resolve_or_add_organisation("Region Stockholm", "region")
    path = write(tmp_path, "t.csv", "Län;Kod;År;Andel (%)\nStockholm;;2023;55,5\n;01;2024;57,25\nRiket;;2024;60,0\n")
    report = sv.indicators.read_observations(
        path, corpus, indicator="Andel A", columns={"organisation": "Län", "code": "Kod", "value": "Andel (%)"})
    assert report.organisations_added == []
    ind = sv.reports.find_indicator(corpus, "Andel A")
    values = sorted((o.organisation, o.period.start.year, o.value) for o in ind.observations if o.organisation)
    assert values == [(stockholm, 2023, 55.5), (stockholm, 2024, 57.25)]
    assert [o.value for o in ind.observations if o.organisation is None] == [60.0]


def test_bad_rows_are_skipped_with_file_and_line(tmp_path):
    corpus = sv.Corpus()
    path = write(tmp_path, "t.csv", "Region;År;Värde\nRegion Uppsala;2024;x\nRegion Uppsala;sometime;3\n"
                                    "Region Uppsala;2024-05;4,5\n")
    report = sv.indicators.read_observations(path, corpus, indicator="B", add_organisations=True)
    assert report.observations_added == 1
    assert any("t.csv:2" in w and "not a number" in w for w in report.warnings)
    assert any("t.csv:3" in w and "period" in w for w in report.warnings)
    obs = sv.reports.find_indicator(corpus, "B").observations[0]
    assert (obs.period.start, obs.period.end) == (datetime.date(2024, 5, 1), datetime.date(2024, 5, 31))


def test_a_table_without_a_value_column_is_refused_naming_the_file(tmp_path):
    path = write(tmp_path, "t.csv", "Region;År\nRegion Uppsala;2024\n")
    with pytest.raises(sv.ParseError, match="t.csv:1: no value column"):
        sv.indicators.read_observations(path, sv.Corpus(), indicator="B")


def test_windows_1252_and_comma_separated_tables_are_read(tmp_path):
    corpus = sv.Corpus()
    path = write(tmp_path, "t.csv", "Region,Year,Value\nRegion Örebro län,2022,4.5\n", encoding="cp1252")
    sv.indicators.read_observations(path, corpus, indicator="C")
    org = sv.reports.find_indicator(corpus, "C").observations[0].organisation
    assert corpus.get_organisation(org).name == "Region Örebro län"


def test_excel_workbooks_are_read_when_openpyxl_is_there(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Indikator", "Region", "År", "Värde", "Målnivå"])
    sheet.append(["D", "Region Halland", 2021, 81.5, 80])
    path = tmp_path / "t.dat"  # told apart by content, not by suffix
    book.save(path)
    corpus = sv.Corpus()
    report = sv.indicators.read_observations(str(path), corpus)
    assert report.observations_added == 1 and report.targets_added == 1


def test_ranking_is_a_frame_found_by_name_with_national_value_and_target():
    corpus = sv.Corpus()
    sv.indicators.read_observations(str(OBSERVATIONS), corpus)
    rank = sv.reports.ranking(corpus, "Andel väntande inom 60 dagar", 2024)
    assert list(rank.columns) == ["rank", "organisation_id", "organisation", "value", "national", "target", "unit"]
    assert len(rank) == 21
    assert rank["value"].is_monotonic_decreasing  # higher is better
    assert rank["target"].iloc[0] == 71.0
    assert rank["organisation"].str.len().min() > 0
    with pytest.raises(sv.NotFoundError, match="Andel väntande inom 60 dagar"):
        sv.reports.ranking(corpus, "no such indicator")


def test_series_has_the_national_rows_named_riket():
    corpus = sv.Corpus()
    sv.indicators.read_observations(str(OBSERVATIONS), corpus)
    s = sv.reports.series(corpus, "Andel väntande inom 60 dagar", organisations=["Region Östergötland"])
    assert sorted(s["organisation"].unique()) == ["Region Östergötland", "Riket"]
    assert len(s) == 10


def test_action_items_state_as_of_a_date(sample):
    items = list(sample.action_items())
    first = items[0]
    frame = sv.reports.action_items(sample, as_of=datetime.date(2000, 1, 1))
    assert set(frame["state"].astype(str)) <= {"open", "done", "cancelled"}
    late = sv.reports.action_items(sample, as_of=datetime.date(2100, 1, 1))
    dated_open = [a for a in items if a.due and a.is_open()]
    assert (late["state"] == "overdue").sum() == len(dated_open)
    first.status = sv.ActionStatus.done
    sample.update(first)
    after = sv.reports.action_items(sample, as_of=datetime.date(2100, 1, 1))
    assert after.set_index("action_item_id").loc[first.id, "state"] == "done"
    owners = sv.reports.open_actions_by_owner(sample, as_of=datetime.date(2100, 1, 1))
    assert owners["total"].sum() == after["state"].isin(["open", "overdue"]).sum()
    assert owners["overdue"].sum() == (after["state"] == "overdue").sum()


def test_attendance_and_plan_gaps_frames_carry_names(sample):
    att = sv.reports.attendance_by_organisation(sample)
    assert {"organisation_id", "organisation", "present", "total", "share_present"} <= set(att.columns)
    assert (att["organisation"] != att["organisation_id"]).all()
    gaps = sv.reports.plan_gaps(sample)
    expected = sum(len(g.goals_without_activity) + len(g.activities_without_goal) + len(g.unlinked_funding) +
                   len(g.goals_without_indicator) for g in sv.plan_gaps(sample))
    assert len(gaps) == expected
    assert gaps["amount_ore"].dtype == "Int64"


def test_period_of_reads_the_forms_a_notebook_writes():
    p = sv.reports.period_of(2023)
    assert (p.start, p.end) == (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31))
    p = sv.reports.period_of("2022-03-01/2022-06-30")
    assert p.end == datetime.date(2022, 6, 30)
    with pytest.raises(TypeError, match="period"):
        sv.reports.period_of(3.5)


def test_html_display_of_corpus_records_and_imports(sample):
    corpus_html = sv.display.html_of(sample)
    assert "meetings" in corpus_html and "problem" in corpus_html
    meeting = sample.meetings()[0]
    page = sv.display.html_of(meeting)
    assert meeting.title.split()[0] in page and "<table" in page
    money = sv.Money.from_kronor(1280000000)
    assert "1 280 000 000" in sv.display._cell(money, 0).replace("\u00a0", " ")
    imported = sv.import_minutes(str(ROOT / "data" / "sample" / "minutes"))
    assert "dokument inlästa" in sv.display.html_of(imported)


def test_ipython_shows_samverkan_objects_through_the_registered_formatter(sample):
    pytest.importorskip("IPython")
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    assert sv.display.install(shell)
    data, _ = shell.display_formatter.format(sample)
    assert "<table" in data["text/html"]
    data, _ = shell.display_formatter.format(sample.meetings()[0].attendance[0])
    assert "status" in data["text/html"]
    assert not hasattr(sv.Corpus, "_repr_html_")  # the classes themselves stay as bound


def test_an_import_says_which_document_each_meeting_came_from(tmp_path):
    imported = sv.import_minutes(str(ROOT / "data" / "sample" / "minutes"), progress=False)
    assert len(imported.documents) == len(imported.results) == 6
    assert all(d.endswith((".txt", ".md")) for d in imported.documents)
    summary = imported.summary()
    assert list(summary["document"]) == imported.documents
    assert summary.loc[0, "body"] == "Styrgrupp nära vård Östergötland"
    assert (summary["items"] > 0).all()
    text = sv.import_minutes("Minnesanteckningar\nStyrgrupp X\n2024-01-10\n\n1. Inledning\n", document="memo.txt")
    assert text.documents == ["memo.txt"]


def test_spreadsheets_in_swedish_keep_ids_and_exact_money(sample, tmp_path):
    pytest.importorskip("openpyxl")
    path = sv.spreadsheet.to_excel(sample, tmp_path / "k.xlsx", language="sv")
    sheets = pd.read_excel(path, sheet_name=None)
    assert "möten" in sheets and "beslut" in sheets
    meetings = sheets["möten"]
    assert {"möte (id)", "organ (id)", "datum", "mötesform"} <= set(meetings.columns)
    assert set(meetings["mötesform"].dropna()) <= {f.swedish for f in sv.MeetingForm.__members__.values()}
    pots = sheets[sv.spreadsheet._swedish_header("funding_pots")[:31]]
    ore = [c for c in pots.columns if c.endswith("(öre)")][0]
    assert pots[ore].dtype.kind == "i"
    files = sv.spreadsheet.to_csv(sample, tmp_path / "csv", tables=["meetings"], language="sv")
    text = pathlib.Path(files["meetings"]).read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("möte (id);")
    with pytest.raises(ValueError, match="no table 'meeting'"):
        sv.spreadsheet.to_csv(sample, tmp_path / "x", tables=["meeting"])
