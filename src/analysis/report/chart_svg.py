"""A chart as an SVG display object: drawn once per kernel and input, its title kept for screen readers."""
from __future__ import annotations

import pandas as pd

#: key -> SVG of the charts drawn lately; the oldest go beyond :data:`SVG_CACHE_SIZE`, so that a worker building
#: thousands of agency-years does not keep every chart it drew (one report draws fewer than a dozen)
_SVG_CACHE: dict[str, str] = {}
SVG_CACHE_SIZE = 64


def _key(func, args, kwargs) -> str:
    import hashlib
    import pickle

    h = hashlib.sha256(func.__name__.encode())
    for a in list(args) + sorted(kwargs.items()):
        if isinstance(a, tuple) and len(a) == 2 and isinstance(a[0], str):  # a keyword argument
            h.update(a[0].encode())
            a = a[1]
        if isinstance(a, pd.DataFrame):
            h.update(pd.util.hash_pandas_object(a, index=True).to_numpy().tobytes())
            h.update(repr(list(a.columns)).encode())
        else:
            h.update(pickle.dumps(a))
    return h.hexdigest()


def svg(func, *args, **kwargs):
    """The chart ``func(*args, **kwargs)`` as an SVG display object.

    Rendered once per kernel and input: notebooks 02, 03 and the report draw the same charts, and a build
    runs them all in one kernel. ``None`` when ``func`` draws nothing.
    """
    from IPython.display import SVG

    key = _key(func, args, kwargs)
    if key not in _SVG_CACHE:
        fig = func(*args, **kwargs)
        if fig is None:
            return None
        import io

        buf = io.StringIO()
        # laid out already (_layout): with tight_layout's placeholder engine left on the figure, savefig would
        # draw the whole figure once more, unseen, before drawing it into the SVG
        fig.set_layout_engine(None)
        fig.savefig(buf, format="svg", metadata={"Date": None})
        title = " — ".join(t for t in (ax.get_title(loc="left") for ax in fig.axes) if t)
        import matplotlib.pyplot as plt

        plt.close(fig)
        text = buf.getvalue()
        if title:  # a <title> names the chart for screen readers; the HTML export copies it to alt
            from html import escape
            end = text.index(">", text.index("<svg")) + 1
            text = text[:end] + f"<title>{escape(title)}</title>" + text[end:]
        _SVG_CACHE[key] = text
        while len(_SVG_CACHE) > SVG_CACHE_SIZE:
            del _SVG_CACHE[next(iter(_SVG_CACHE))]  # dicts keep insertion order: the oldest first
    return SVG(_SVG_CACHE[key])
