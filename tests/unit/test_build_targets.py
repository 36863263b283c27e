"""targets(): the agency-years under the raw folder, narrowed by --agency and --year."""
import pytest
from build_fakes import fake_project

from analysis.build.runner import targets
from analysis.errors import DataError


@pytest.fixture
def opt(tmp_path):
    opt = fake_project(tmp_path)
    (tmp_path / "raw" / "lain" / "2024").mkdir(parents=True)
    (tmp_path / "raw" / "lain" / "2024" / "manifest.csv").write_text("berkas,tabel\n")
    (tmp_path / "raw" / "lain" / "2022").mkdir()  # no manifest: not an agency-year
    (tmp_path / "raw" / "Bad_Slug" / "2024").mkdir(parents=True)
    (tmp_path / "raw" / "Bad_Slug" / "2024" / "manifest.csv").write_text("")
    return opt


def test_all_agency_years(opt):
    assert targets(None, None, opt) == [("dinas", 2023), ("dinas", 2024), ("lain", 2024)]


def test_selection(opt):
    assert targets("dinas", None, opt) == [("dinas", 2023), ("dinas", 2024)]
    assert targets(None, 2024, opt) == [("dinas", 2024), ("lain", 2024)]
    assert targets("lain", 2024, opt) == [("lain", 2024)]
    assert targets("lain", 2023, opt) == [] and targets("tidak-ada", None, opt) == []


@pytest.mark.parametrize("agency, year", [("../etc", None), ("dinas", 20245), ("Bad_Slug", None)])
def test_bad_selection_is_a_data_error(opt, agency, year):
    with pytest.raises(DataError):
        targets(agency, year, opt)
