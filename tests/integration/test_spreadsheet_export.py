"""A hostile programme name in the seed: neutralised in the processed CSVs, exact in Parquet, figures unchanged."""
import csv
import io

import pandas as pd
import pytest

from analysis import pipeline
from conftest import SEED_AGENCY, SEED_YEAR

NAME = "Penunjang Urusan Pemerintah Daerah Provinsi"  # programme 1, named in five raw tables


def plant(raw, hostile: str) -> None:
    """Rename programme 1 to ``hostile`` in every table cell that names it (not in the long narrative sentences)."""
    for p in (raw / SEED_AGENCY / str(SEED_YEAR)).glob("*.csv"):
        rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
        new = [[c.replace(NAME, hostile) if len(c) < 80 else c for c in r] for r in rows]
        if new != rows:
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(new)
            p.write_text(out.getvalue(), encoding="utf-8")


@pytest.mark.parametrize("hostile", [f'=HYPERLINK("http://evil.invalid","{NAME}")', f"=cmd|' /C calc'!A0 {NAME}",
                                     f"@SUM(1+9)*cmd|' /C calc'!A0 {NAME}"])
def test_hostile_programme_name(raw_copy, tmp_path, hostile):
    plant(raw_copy, hostile)
    out = tmp_path / "processed"
    pipeline.run_clean(SEED_AGENCY, SEED_YEAR, raw_copy, out)
    pipeline.run_indicators(SEED_AGENCY, SEED_YEAR, out)
    folder = out / SEED_AGENCY / str(SEED_YEAR)
    for table, col in (("program", "program"), ("anggaran_program", "program"), ("efisiensi_dilaporkan", "program"),
                       ("anggaran_program_sumber_dana", "program"), ("budget", "nama")):
        pq = pd.read_parquet(folder / f"{table}.parquet")
        got = pd.read_csv(folder / f"{table}.csv")
        assert hostile in pq[col].tolist(), table  # Parquet: the exact text
        assert hostile not in got[col].tolist() and "'" + hostile in got[col].tolist(), table  # CSV: quoted
        assert not got[col].dropna().str.match(r"[=+\-@\t\r]").any(), table
        numbers = pq.select_dtypes("number").columns
        pd.testing.assert_frame_equal(got[numbers], pq[numbers], check_dtype=False, obj=table)
