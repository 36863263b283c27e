"""Which table kinds each output needs: the one place that says what a report without some tables still gets.

Every table kind of ``data/raw/README.md`` is optional. An output (a computed table, a report section, the
checks behind them) runs when the table kinds it needs were read, and otherwise is named in one line saying
what is missing (:func:`note`, :func:`notes`). ``config.PRODUCTS`` declares a notebook's products;
:data:`PRODUCT_NEEDS` makes a product declared only where its output can be computed.

Standard library only: the build's product check and the CLI read it too.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Inputs:
    """A group of table kinds of which any one will do, and how a reader calls it (id, en)."""

    kinds: tuple[str, ...]
    id: str
    en: str


IKU = Inputs(("capaian_iku",), "tabel capaian IKU", "KPI achievement table")
BUDGET = Inputs(("realisasi_anggaran", "pk_program"), "tabel anggaran", "budget table")
SPENDING = Inputs(("realisasi_anggaran",), "tabel realisasi anggaran", "budget realisation table")
#: a budget table with levels (program › kegiatan › sub kegiatan): its rows' absorption, not a programme budget
LINES = "realisasi_anggaran_rinci"
ABSORPTION = Inputs(("realisasi_anggaran", LINES), "tabel realisasi anggaran", "budget realisation table")
#: not a table kind: the agency's reports of earlier years in data/raw (clean_info.json lists those read)
EARLIER_REPORTS = "laporan_tahun_sebelumnya"
YEARS = Inputs(("realisasi_multi_tahun", "nilai_sakip", EARLIER_REPORTS), "realisasi tahun-tahun sebelumnya",
               "realisation of earlier years")
EARLIER = Inputs((EARLIER_REPORTS,), "laporan tahun sebelumnya", "report of an earlier year")
TARGETS = Inputs(("realisasi_multi_tahun", "target_nasional"), "target jangka menengah atau nasional",
                 "medium-term or national target")
OUTPUTS = Inputs(("output_program",), "angka keluaran program", "programme output figures")
RESOURCES = Inputs(("pegawai", "formasi_pegawai", "aset"), "tabel pegawai atau aset", "staff or asset table")
RATIOS = Inputs(("efisiensi_rasio",), "tabel efisiensi sebagai rasio keluaran/masukan",
                "efficiency table of output/input ratios")


@dataclass(frozen=True)
class Output:
    """A computed result (its tables, report section and checks) and the input groups it needs (all of them)."""

    name: str
    needs: tuple[Inputs, ...]
    id: str  # what is not computed, as a reader says it
    en: str
    products: tuple[str, ...] = ()  # processed tables that hold it (config.PRODUCTS names)
    section: str = ""  # the report section (sections.CONTENTS anchor) that shows it
    plural: bool = False  # the English words take "are"
    quiet: bool = False  # not named among what a report does not compute (most reports have no earlier one)
    covered_by: tuple[str, ...] = ()  # table kinds that show it another way: with one, its absence is not noted


#: every output that needs some table kind, in the order a reader meets them; outputs not listed here
#: (reconciliation, warnings, formula changes, summary, provenance) need only the definitions
OUTPUTS_NEEDING = (
    Output("capaian", (IKU,), "capaian indikator dan sasaran", "indicator and goal achievement",
           ("iku", "capaian_sasaran"), "indikator", True),
    Output("anggaran", (BUDGET,), "anggaran per program dan sumber dana", "budgets by programme and funding source",
           ("budget",), "anggaran", True),
    Output("serapan", (ABSORPTION,), "serapan", "absorption", ("budget",)),
    Output("efisiensi", (SPENDING, IKU), "efisiensi", "efficiency", ("efficiency",), covered_by=RATIOS.kinds),
    Output("efisiensi_rasio", (RATIOS,), "efisiensi sebagai rasio keluaran/masukan",
           "efficiency as output/input ratios", ("efficiency_ratios",), "anggaran", quiet=True),
    Output("keluaran", (OUTPUTS, BUDGET), "keluaran program sebagai persentase", "programme outputs as rates",
           ("programme_outputs",), plural=True),
    Output("tren", (IKU, YEARS), "tren antartahun", "trends over the years", ("trends", "decomposition"), "tren",
           True),
    Output("kesenjangan", (IKU, TARGETS), "jarak ke target", "distance to targets", ("gaps",)),
    Output("sumber_daya", (RESOURCES,), "sumber daya (pegawai dan aset)", "resources (staff and assets)",
           (), "sumber_daya", True),
    Output("laporan_lain", (EARLIER,), "angka yang dinyatakan ulang oleh laporan berikutnya",
           "figures restated by a later report", ("realisation_by_report", "restatements"), plural=True,
           quiet=True),
)
BY_NAME = {o.name: o for o in OUTPUTS_NEEDING}
#: product -> the output it holds (products not listed are always written)
PRODUCT_NEEDS: dict[str, tuple[str, ...]] = {}
for _o in OUTPUTS_NEEDING:
    for _p in _o.products:  # a product several outputs hold (budget: budgets, absorption) is any one's
        PRODUCT_NEEDS[_p] = (*PRODUCT_NEEDS.get(_p, ()), _o.name)
#: report section anchor -> the outputs it shows, any of which is enough (sections not listed are always shown)
SECTION_NEEDS: dict[str, tuple[str, ...]] = {}
for _o in OUTPUTS_NEEDING:
    if _o.section:
        SECTION_NEEDS[_o.section] = (*SECTION_NEEDS.get(_o.section, ()), _o.name)

_SENTENCE = {"id": "laporan ini tidak memuat {inputs}: {what} tidak dihitung",
             "en": "no {inputs} in this report: {what} {verb} not computed"}
#: a budget table with levels (LINES) is shown on its own (sections.budget_lines); it is not a programme budget, so
#: the budget groups are then named "by programme" (never "no budget table" beside one)
_BY_PROGRAMME = {"id": " per program (hanya tabel anggaran berjenjang, ditampilkan tersendiri)",
                 "en": " by programme (only a budget table with levels, shown on its own)"}


def kinds_read(info: dict) -> frozenset[str]:
    """The table kinds an agency-year's cleaning read (``clean_info.json``'s ``tables_read``), and
    :data:`EARLIER_REPORTS` when it read reports of earlier years of the agency."""
    kinds = {r["tabel"] for r in info.get("tables_read", []) if r.get("tabel")}
    return frozenset(kinds | ({EARLIER_REPORTS} if info.get(EARLIER_REPORTS) else set()))


def missing(name: str, kinds: Iterable[str]) -> Inputs | None:
    """The first input group of output ``name`` none of whose table kinds was read (None: it can be computed)."""
    have = set(kinds)
    out = BY_NAME.get(name)
    for group in out.needs if out else ():
        if not have.intersection(group.kinds):
            return group
    return None


def declared(product: str, kinds: Iterable[str]) -> bool:
    """Whether processed table ``product`` is written: one of the outputs holding it can be computed (a product
    no output lists is always written)."""
    names = PRODUCT_NEEDS.get(product)
    return names is None or any(has(n, kinds) for n in names)


def has(name: str, kinds: Iterable[str]) -> bool:
    """Whether output ``name`` (any name; one not in the registry needs nothing) can be computed."""
    return missing(name, kinds) is None


def _join(items: list[str], lang: str) -> str:
    word = " dan " if lang == "id" else " and "
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + word + items[-1]


def notes(kinds: Iterable[str], lang: str, names: Iterable[str] | None = None) -> list[str]:
    """One sentence per missing input group, naming every output (of ``names``, default all) it stops:
    "no budget table in this report: budgets …, absorption and efficiency are not computed". A group that is
    part of a wider missing one (no realisation table where no budget table at all) joins that one's sentence.
    """
    kinds = set(kinds)
    by_group: dict[Inputs, list[Output]] = {}
    for out in OUTPUTS_NEEDING:
        if (names is not None and out.name not in names) or (names is None and out.quiet):
            continue
        if kinds.intersection(out.covered_by):  # shown another way (a ratio table's efficiency)
            continue
        group = missing(out.name, kinds)
        if group is None:
            continue
        # (a table with levels is left out of the comparison: it gives absorption on its own, never budgets)
        wider = next((g for g in by_group if set(group.kinds) - {LINES} <= set(g.kinds)), group)
        by_group.setdefault(wider, []).append(out)
    def inputs(g: Inputs) -> str:
        word = g.id if lang == "id" else g.en
        return word + _BY_PROGRAMME[lang] if LINES in kinds and g in (BUDGET, SPENDING) else word

    return [_SENTENCE[lang].format(inputs=inputs(g),
                                   what=_join([o.id if lang == "id" else o.en for o in outs], lang),
                                   verb="are" if len(outs) > 1 or outs[0].plural else "is")
            for g, outs in by_group.items()]


def note(name: str, kinds: Iterable[str], lang: str) -> str:
    """The one line saying why output ``name`` is not computed ("" when it is)."""
    return (notes(kinds, lang, [name]) or [""])[0]


@dataclass
class Gate:
    """``gate("anggaran")`` is True when the output can be computed; otherwise it hands its note to ``say`` (a
    notebook shows it) and is False — one line per notebook section."""

    kinds: frozenset[str]
    lang: str
    say: Callable[[str], object] = print

    def __call__(self, name: str) -> bool:
        if has(name, self.kinds):
            return True
        self.say(note(name, self.kinds, self.lang))
        return False


_KIND_WORDS = {EARLIER_REPORTS: "a report of an earlier year (`<agency>/<year>/`)"}


def table_markdown() -> str:
    """The table of ``data/raw/README.md`` ("Which table kinds are needed for what"), from the registry."""
    rows = ["| output | table kinds it needs (`;` separates what is needed together) | the report's note when one "
            "is missing (id / en) |", "|---|---|---|"]
    for o in OUTPUTS_NEEDING:
        needs = "; ".join(" or ".join(_KIND_WORDS.get(k, f"`{k}`") for k in g.kinds) for g in o.needs)
        rows.append(f"| {o.en} | {needs} | {note(o.name, (), 'id')} / {note(o.name, (), 'en')} |")
    return "\n".join(rows)
