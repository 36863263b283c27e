"""What a build stamps on its reports (version, commit read without git, fingerprint, date honouring
SOURCE_DATE_EPOCH), the report languages and their file names, and the log lines' timestamps."""
import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from analysis import cli
from analysis.build.languages import file_name, languages, report_files
from analysis.build.stamp import Stamp, build_date, git_commit

SHA = "0123456789abcdef0123456789abcdef01234567"


def _repo(root: Path, head: str) -> Path:
    git = root / ".git"
    (git / "refs" / "heads").mkdir(parents=True)
    (git / "HEAD").write_text(head)
    return git


def test_commit_of_a_branch_a_packed_ref_a_detached_head_and_a_worktree(tmp_path):
    git = _repo(tmp_path / "loose", "ref: refs/heads/main\n")
    (git / "refs" / "heads" / "main").write_text(SHA + "\n")
    assert git_commit(tmp_path / "loose") == "0123456"

    git = _repo(tmp_path / "packed", "ref: refs/heads/main\n")
    (git / "packed-refs").write_text(f"# pack-refs with: peeled\n{SHA[::-1]} refs/heads/other\n{SHA} refs/heads/main\n")
    assert git_commit(tmp_path / "packed") == "0123456"

    _repo(tmp_path / "detached", SHA + "\n")
    assert git_commit(tmp_path / "detached") == "0123456"

    # a worktree: .git is a file naming its folder, whose refs live in the common folder
    main = _repo(tmp_path / "main", "ref: refs/heads/main\n")
    (main / "refs" / "heads" / "feature").write_text(SHA + "\n")
    wt_git = main / "worktrees" / "wt"
    wt_git.mkdir(parents=True)
    (wt_git / "HEAD").write_text("ref: refs/heads/feature\n")
    (wt_git / "commondir").write_text("../..\n")
    (tmp_path / "wt").mkdir()
    (tmp_path / "wt" / ".git").write_text(f"gitdir: {wt_git}\n")
    assert git_commit(tmp_path / "wt") == "0123456"


@pytest.mark.parametrize("case", ["no checkout", "unborn branch", "garbage"])
def test_commit_is_unknown_outside_a_readable_checkout(tmp_path, case):
    if case == "unborn branch":
        _repo(tmp_path, "ref: refs/heads/main\n")
    elif case == "garbage":
        _repo(tmp_path, "not a hash\n")
    assert git_commit(tmp_path) == "unknown"


def test_build_date_honours_source_date_epoch():
    assert build_date({"SOURCE_DATE_EPOCH": "1740787200"}) == "2025-03-01"  # 2025-03-01T00:00:00Z
    assert build_date({"SOURCE_DATE_EPOCH": "1740787199"}) == "2025-02-28"  # in UTC, whatever the local zone
    assert build_date({}) == build_date({"SOURCE_DATE_EPOCH": ""})
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", build_date({}))
    for bad in ("yesterday", "-1", "1.5e9"):
        with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
            build_date({"SOURCE_DATE_EPOCH": bad})


def test_a_malformed_source_date_epoch_stops_the_build(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    assert cli.main(["build", "--raw-root", str(tmp_path)]) == 2
    assert "SOURCE_DATE_EPOCH" in capsys.readouterr().err


@pytest.mark.parametrize("lang, words", [("id", ["sidik jari masukan", "dibuat 1 Maret 2025 dari tabel"]),
                                         ("en", ["input fingerprint", "built on 1 March 2025 from the tables of"])])
def test_footer_names_version_fingerprint_date_and_the_report_not_a_path(lang, words):
    stamp = Stamp.of("ab" * 32, "2025-03-01")
    assert stamp.fingerprint == "abababababab" and (len(stamp.commit) == 7 or stamp.commit == "unknown")
    footer = stamp.footer(lang, "Laporan Kinerja Tahun 2024", "Dinas Koperasi", 2024)
    for w in [*words, f"lkj-analytics {stamp.version} (commit {stamp.commit})", "abababababab",
              "“Laporan Kinerja Tahun 2024” (Dinas Koperasi)"]:
        assert w in footer, w
    assert "/" not in footer and "data" not in footer
    assert stamp.as_dict() == {"version": stamp.version, "commit": stamp.commit, "fingerprint": "abababababab",
                               "date": "2025-03-01"}
    assert "2024" in stamp.footer(lang, "", "Dinas Koperasi", 2024)  # no title in meta.csv: a generic one


def test_languages_and_their_file_names():
    assert languages("both") == ("id", "en") and languages("en") == ("en",)
    with pytest.raises(ValueError):
        languages("fr")
    assert report_files("id") == ("report.html", "report.pdf")
    assert report_files("en") == ("report.en.html", "report.en.pdf")
    assert file_name("index", "en", ".html") == "index.en.html" and file_name("04-report", "id", ".ipynb") == \
        "04-report.ipynb"


def test_log_lines_carry_a_local_timestamp_with_offset_when_not_on_a_terminal():
    now = datetime(2025, 3, 1, 2, 0, 4, tzinfo=timezone(timedelta(hours=7)))
    assert cli.timestamped("a\n    b", now) == "2025-03-01T02:00:04+07:00 a\n2025-03-01T02:00:04+07:00     b"

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    piped, terminal = io.StringIO(), Terminal()
    cli.say("1 built", piped)
    cli.say("1 built", terminal)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2} 1 built\n", piped.getvalue())
    assert terminal.getvalue() == "1 built\n"
