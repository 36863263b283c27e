"""Runs last (file name): after every build, bad input and notebook run of the suite, the project's
data/raw is byte-identical to what it was when the session started."""
from analysis.raw import RAW_ROOT
from conftest import RAW_DIGEST_AT_START, tree_digest


def test_project_raw_data_untouched_by_the_suite():
    assert tree_digest(RAW_ROOT) == RAW_DIGEST_AT_START
    assert len(RAW_DIGEST_AT_START) >= 22  # 19 tables + meta + manifest + source, and the definitions
