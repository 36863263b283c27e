"""Every raw table parses and validates, and says where in the source it comes from."""
import csv
import hashlib
import re

import pandas as pd
import pytest

from analysis.ingest import context, definitions, numbers
from analysis.ingest.cleaners import CLEANERS, YEAR_COLUMN
from analysis.ingest.raw import read_raw_csv
from conftest import SEED_DIR

SOURCE = (SEED_DIR / "sumber.txt").read_text(encoding="utf-8")
LINES = SOURCE.split("\n")
MANIFEST = list(csv.DictReader(open(SEED_DIR / "manifest.csv", encoding="utf-8")))


def test_source_hash_matches_meta():
    meta = context.read_meta(SEED_DIR)
    assert hashlib.sha256((SEED_DIR / meta["berkas_sumber"]).read_bytes()).hexdigest() == meta["sha256_sumber"]


def test_manifest_lists_every_csv_and_only_known_tables():
    listed = {m["berkas"] for m in MANIFEST}
    on_disk = {p.name for p in SEED_DIR.glob("*.csv")} - {"manifest.csv", "meta.csv"}
    assert listed == on_disk
    assert {m["tabel"] for m in MANIFEST} <= set(CLEANERS)
    for m in MANIFEST:
        assert m["bagian"] and m["judul_tabel"] and m["baris_sumber"], m


@pytest.mark.parametrize("m", MANIFEST, ids=lambda m: m["tabel"])
def test_rows_are_cells_of_the_source_lines(m):
    """Each row's cells are printed on the source line it names (tables: tab-separated; narrative: the sentence)."""
    required, optional, _ = CLEANERS[m["tabel"]]
    t = read_raw_csv(SEED_DIR / m["berkas"], list(required), tuple(optional), pattern=YEAR_COLUMN)
    assert t.rows
    for r in t.rows:
        lines = [int(x) for x in str(r["baris_sumber"]).split(";")]
        # narrative rows carry their sentence (which may run over a page break); table rows their line
        text = r.get("kalimat") or " ".join(LINES[n - 1] for n in lines)
        if r.get("kalimat"):
            assert LINES[lines[0] - 1].strip() and any(w in LINES[lines[0] - 1] for w in r["kalimat"].split()[:50])
        flat_source = re.sub(r"\s+", " ", SOURCE)
        for c, v in r.items():
            if c in ("_line", "baris_sumber") or not str(v).strip():
                continue
            if c == "kalimat":
                assert re.sub(r"\s+", " ", v) in flat_source, (m["berkas"], r["_line"])
            elif c in ("kode_indikator", "komponen", "program_no", "jenis", "dari_tahun", "arah", "satuan", "bagian",
                       "keluaran", "pembanding", "sasaran_didukung", "kategori", "program", "sumber_dana", "tahun"):
                continue  # names given by the transcriber (documented in data/raw/README.md)
            else:
                assert v in text, (m["berkas"], r["_line"], c, v)


def test_definitions_cite_the_source():
    defs = definitions.read_definitions(SEED_DIR.parent / "definisi_indikator.csv")
    for _, d in defs.iterrows():
        assert d["kalimat_sumber"] in LINES[int(d["baris_sumber"]) - 1]
    kb = defs[defs["kode_indikator"] == "KB"].sort_values("versi")
    validity = zip(kb["berlaku_dari"], kb["berlaku_sampai"].astype("object"), strict=True)
    assert list(validity) == [(2022, 2023), (2024, pd.NA)]


def test_every_table_cleans_and_validates(seed_run):
    t = seed_run["tables"]
    for name in ("perjanjian_kinerja", "pk_program", "capaian_iku", "anggaran_program", "efisiensi_dilaporkan",
                 "anggaran_program_sumber_dana", "anggaran_sumber_dana", "output_program", "komponen_iku",
                 "realisasi_tahunan", "target_tahunan", "target_nasional", "nilai_sakip", "pegawai", "formasi_pegawai",
                 "aset", "aset_kondisi", "reported_figures", "program", "definisi_indikator"):
        assert name in t and len(t[name]), name
    assert seed_run["cleaned"].warnings == []


def test_processed_numbers_trace_to_raw_cells(seed_run):
    """Every programme amount in the processed table is the parse of the raw cell on the line it names."""
    raw = {r["_line"]: r for r in read_raw_csv(SEED_DIR / "realisasi_anggaran.csv",
                                               CLEANERS["realisasi_anggaran"][0]).rows}
    for _, p in seed_run["tables"]["anggaran_program"].iterrows():
        cell = raw[int(p["baris_raw"])]
        assert numbers.parse_rupiah(cell["anggaran"]) == p["anggaran"]
        assert numbers.parse_rupiah(cell["realisasi"]) == p["realisasi"]
        assert cell["baris_sumber"] == p["baris_sumber"]


def test_processed_files_written_as_csv_and_parquet(seed_run):
    """Same rows and columns; the CSV is the Parquet table with formula-like text quoted (analysis.spreadsheet)."""
    import io

    from analysis.spreadsheet import neutralise

    folder = seed_run["processed"] / "kalbar-diskumkm" / "2024"
    for name in seed_run["tables"]:
        csv_df = pd.read_csv(folder / f"{name}.csv")
        pq = pd.read_parquet(folder / f"{name}.parquet")
        assert list(csv_df.columns) == list(pq.columns) and len(csv_df) == len(pq), name
        expected = pd.read_csv(io.StringIO(neutralise(pq).to_csv(index=False, lineterminator="\n")))
        pd.testing.assert_frame_equal(csv_df, expected, obj=name)
    teks = pd.read_csv(folder / "reported_figures.csv")["teks"].tolist()
    assert "'-80,29%" in teks and "-80,29%" in pd.read_parquet(folder / "reported_figures.parquet")["teks"].tolist()


def test_every_processed_column_is_documented(seed_run):
    import pandas as pd

    from analysis.config import PROJECT_ROOT

    doc = (PROJECT_ROOT / "data" / "processed" / "README.md").read_text(encoding="utf-8")
    folder = seed_run["processed"] / "kalbar-diskumkm" / "2024"
    missing = []
    for p in sorted(folder.glob("*.parquet")):
        if f"`{p.stem}`" not in doc:
            missing.append(p.stem)
        for c in pd.read_parquet(p).columns:
            if f"`{c}`" not in doc and c not in ("baris_sumber", "baris_raw") or (c in ("baris_sumber", "baris_raw")
                                                                                   and f"`{c}`" not in doc):
                missing.append(f"{p.stem}.{c}")
    assert missing == []
