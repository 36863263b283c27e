"""A printed PDF's bytes do not depend on when it printed nor on what the browser printed before: dates pinned
to the build date and structure IDs renumbered, every rewrite the same length (offsets stay right)."""
import pytest

from analysis.build.reproducible import pin_dates, renumber_ids, reproducible_pdf


def chromium_like(second: str, first_node: int, gap: int = 1) -> bytes:
    """The parts of a tagged Chromium PDF that vary: the info dates and the structure IDs with their ID tree."""
    ids = [first_node, first_node + gap, first_node + 40 * gap]
    elems = b"".join(b"<</Type /StructElem /ID (node%08d)>>\n" % n for n in reversed(ids))
    tree = b"/Names [" + b" ".join(b"(node%08d) %d 0 R" % (n, i) for i, n in enumerate(ids, 10)) + b"]"
    return (b"%PDF-1.4\n<</Creator (HeadlessChrome)\n/CreationDate (D:2026113003" + second.encode()
            + b"+07'00')\n/ModDate (D:2026113003" + second.encode() + b"+07'00')>>\n" + elems + tree
            + b"\n")


def test_the_same_report_printed_at_other_times_after_other_pages_gives_the_same_bytes(tmp_path):
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    a.write_bytes(chromium_like("5802", 63))
    b.write_bytes(chromium_like("5806", 2920, gap=3))
    before = a.read_bytes()
    assert a.read_bytes() != b.read_bytes()
    assert reproducible_pdf(a, "2025-03-01") and reproducible_pdf(b, "2025-03-01")
    assert a.read_bytes() == b.read_bytes() and len(a.read_bytes()) == len(before)
    data = a.read_bytes()
    assert b"/CreationDate (D:20250301000000+00'00')" in data and b"/ModDate (D:20250301000000+00'00')" in data
    # numbered in their order: the ID tree (sorted as text) stays sorted, elements keep their IDs
    assert b"/Names [(node00000001) 10 0 R (node00000002) 11 0 R (node00000003) 12 0 R]" in data
    assert data.index(b"/ID (node00000003)") < data.index(b"/ID (node00000001)")
    assert not reproducible_pdf(a, "2025-03-01")  # already reproducible: left alone


def test_unexpected_forms_are_left_as_they_are():
    odd_date = b"/CreationDate (D:20261130035802Z)"
    assert pin_dates(odd_date, "2025-03-01") == odd_date  # another length would shift every offset after it
    mixed = b"(node99999999) (node100000000)"
    assert renumber_ids(mixed) == mixed  # of two widths the ID tree's text order would change
    assert renumber_ids(b"no ids") == b"no ids"


@pytest.mark.parametrize("day", ["2025-03-01", "1999-12-31"])
def test_the_date_is_the_build_date(day):
    out = pin_dates(b"/CreationDate (D:20261130035802+00'00')", day)
    assert out == b"/CreationDate (D:" + day.replace("-", "").encode() + b"000000+00'00')"
