"""How a failed agency-year's error reads in the build's log: one line, unless the user asks for more."""
import pytest

from analysis.build.options import BuildError
from analysis.build.runner import describe_error
from analysis.errors import DataError, Problem


def _raised(e: Exception) -> Exception:
    try:
        raise e
    except Exception as caught:
        return caught


def test_a_third_party_error_is_its_type_and_first_line(monkeypatch):
    monkeypatch.delenv("LKJ_DEBUG", raising=False)
    # as Playwright words a timeout: the message, then a call log of many lines
    e = _raised(TimeoutError("\nPage.goto: Timeout 30000ms exceeded.\nCall log:\n  - navigating to \"file:///r.html\""))
    assert describe_error(e) == "TimeoutError: Page.goto: Timeout 30000ms exceeded. (more with LKJ_DEBUG=1)"
    assert describe_error(_raised(OSError(28, "No space left on device"))) == \
        "OSError: [Errno 28] No space left on device"
    assert describe_error(_raised(RuntimeError())) == "RuntimeError: "


def test_a_notebook_error_keeps_every_line_and_debug_gives_the_traceback(monkeypatch):
    monkeypatch.delenv("LKJ_DEBUG", raising=False)
    problems = "notebook 01-clean.ipynb, cell 3: DataError: 2 problems\n- iku.csv line 4 …\n- iku.csv line 9 …"
    assert describe_error(_raised(BuildError(problems))) == problems  # a data error's whole list
    # raised in the build process itself (a folder name checked before any notebook): every problem too
    found = _raised(DataError([Problem("data/raw/Bad Slug", None, "agency", "Bad Slug", "lower-case words"),
                               Problem("data/raw/Bad Slug/24", None, "year", "24", "four digits")]))
    text = describe_error(found)
    assert text.startswith("DataError: ") and "lower-case words" in text and "four digits" in text
    assert "LKJ_DEBUG" not in text
    monkeypatch.setenv("LKJ_DEBUG", "1")
    text = describe_error(_raised(TimeoutError("first\nsecond")))
    assert text.startswith("TimeoutError: first\nsecond\n") and "Traceback (most recent call last)" in text


@pytest.mark.parametrize("message", ["one line", "  padded  "])
def test_a_one_line_message_is_not_marked_as_shortened(monkeypatch, message):
    monkeypatch.delenv("LKJ_DEBUG", raising=False)
    assert describe_error(_raised(ValueError(message))) == f"ValueError: {message.strip()}"
