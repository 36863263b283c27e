"""The Jinja2 environment of the report's HTML templates (autoescaping), made once per process.

Templates live in ``templates/`` next to this module and are packaged with it. Autoescape is on for
every template: text from the data is escaped where it is inserted, markup comes only from templates
and from the label sentences (:func:`sentence`), whose inserted values are escaped too.
"""
from __future__ import annotations

from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .labels import t


@cache
def environment() -> Environment:
    """One environment per process: it compiles each template once and keeps it (the build is speed-sensitive)."""
    return Environment(loader=PackageLoader("analysis.report", "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False,
                       undefined=StrictUndefined)


def render(template: str, /, **context) -> str:
    """The template ``template`` filled with ``context``; labels are available in templates as ``t(key, lang)``."""
    return environment().get_template(template).render(t=t, **context)


def stylesheet(name: str) -> Markup:
    """The CSS file ``name`` of ``templates/``, as it is (not a template: CSS braces are not Jinja's)."""
    env = environment()
    return Markup(env.loader.get_source(env, name)[0])


def sentence(key: str, lang: str, **values) -> Markup:
    """The label sentence ``key`` (which may carry markup such as ``<b>``) with ``values`` escaped into it."""
    return Markup(t(key, lang)).format(**values)
