"""A notebook run outside the build never writes the published processed folder, unless told to publish."""
import pandas as pd

from analysis.atomic import write_tables
from analysis.workspace import SCRATCH, processed_root_for_run


def _published(root):
    folder = root / "dinas" / "2024"
    write_tables(folder, {"iku": pd.DataFrame({"a": [1]})})
    (folder / "clean_info.json").write_text("{}")
    return folder


def test_the_build_and_publish_use_the_published_root(tmp_path, capsys):
    assert processed_root_for_run(tmp_path, "dinas", 2024, "02-indicators", build_run=True) == tmp_path
    assert capsys.readouterr().out == ""  # nothing in a build's notebooks (and so in the report)
    assert processed_root_for_run(tmp_path, "dinas", 2024, "02-indicators", publish=True) == tmp_path
    assert "publish=True" in capsys.readouterr().out


def test_exploration_starts_cleaning_afresh_in_scratch_and_says_where(tmp_path, capsys):
    _published(tmp_path)
    stale = tmp_path / SCRATCH / "dinas" / "2024" / "stale.parquet"
    stale.parent.mkdir(parents=True)
    stale.write_text("x")
    assert processed_root_for_run(tmp_path, "dinas", 2024, "01-clean") == tmp_path / SCRATCH
    assert not stale.exists()
    out = capsys.readouterr().out
    assert out.startswith("Exploration run") and str(tmp_path / SCRATCH / "dinas" / "2024") in out


def test_a_later_notebook_alone_starts_from_a_copy_of_the_published_tables(tmp_path, capsys):
    published = _published(tmp_path)
    root = processed_root_for_run(tmp_path, "dinas", 2024, "02-indicators")
    assert sorted(p.name for p in (root / "dinas" / "2024").iterdir()) == sorted(p.name for p in published.iterdir())
    assert "copy of the published" in capsys.readouterr().out
    (root / "dinas" / "2024" / "iku.csv").write_text("explored")  # what 02 would write
    processed_root_for_run(tmp_path, "dinas", 2024, "03-formula-changes")  # reads the exploration, not a new copy
    assert (root / "dinas" / "2024" / "iku.csv").read_text() == "explored"
    assert (published / "iku.csv").read_text() != "explored"
