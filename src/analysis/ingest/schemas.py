"""Schemas of the processed tables (pandera): types, ranges, keys.

A schema failure is reported like a raw-cell problem: the raw file, its line (``baris_raw``), the
column and the value, so the analyst can fix the transcription.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from .. import config
from ..errors import DataError, Problem
from ..indicators.capaian import POLARITIES
from ..indicators.methods import METHODS
from ..reference import grade_scale

Int = pa.Column(int, pa.Check.ge(0))
OptInt = pa.Column("Int64", pa.Check.ge(0), nullable=True)
Txt = pa.Column(str)
OptTxt = pa.Column(str, nullable=True)
Pct = pa.Column(float, pa.Check.in_range(-1000, 1000), nullable=True)
#: an IKU value in the indicator's unit (a percentage, a count, an index, rupiah): its range is checked when read
Val = pa.Column(float, nullable=True)
Year = pa.Column(int, pa.Check.in_range(config.YEAR_MIN, config.YEAR_MAX))
Trace = {"baris_sumber": pa.Column(str, nullable=True, coerce=True), "baris_raw": pa.Column(int, pa.Check.ge(1))}
#: the grades of the default scale (data/reference/skala_predikat.csv owns them)
GRADES = list(grade_scale(config.DEFAULT_GRADE_SCALE).grades)
Grade = pa.Column(str, pa.Check.isin(GRADES), nullable=True)


def _schema(columns: dict, unique=None, name="") -> pa.DataFrameSchema:
    return pa.DataFrameSchema({**columns, **Trace}, unique=unique, strict=True, coerce=True, name=name)


SCHEMAS: dict[str, pa.DataFrameSchema] = {
    "perjanjian_kinerja": _schema({"kode_indikator": Txt, "sasaran_no": Int, "sasaran": Txt, "target": Val,
                                   "target_predikat": Grade, "target_atas": Val, "sasaran_label": Txt},
                                  unique=["kode_indikator"]),
    "pk_program": _schema({"program_no": Int, "program": Txt, "anggaran": Int,
                           "sumber_anggaran": Txt}, unique=["program_no"]),
    "capaian_iku": _schema({"kode_indikator": Txt, "sasaran_no": Int, "sasaran": Txt, "target": Val,
                            "target_predikat": Grade, "realisasi": Val, "realisasi_predikat": Grade,
                            "capaian_dilaporkan": Pct, "target_atas": Val, "sasaran_label": Txt},
                           unique=["kode_indikator"]),
    "anggaran_program": _schema({"program_no": Int, "program": Txt, "anggaran": Int, "realisasi": Int},
                                unique=["program_no"]),
    "efisiensi_dilaporkan": _schema({"sasaran_no": Int, "program_no": pa.Column(int, required=False), "program": Txt,
                                     "anggaran": Int, "realisasi": Int}),
    "efisiensi_rasio": _schema({"sasaran_no": Int, "sasaran": Txt, "masukan": Txt, "capaian_masukan": Pct,
                                "capaian_keluaran": Pct}, unique=["sasaran_no", "masukan"]),
    "anggaran_rinci": pa.DataFrameSchema({
        "jalur": Txt, "induk": OptTxt, "tingkat": Txt, "kedalaman": Int, "nomor": OptTxt, "uraian": Txt,
        "sumber_dana": Txt, "anggaran": OptInt, "realisasi": OptInt,
        "asal": pa.Column(str, pa.Check.isin(["tercetak", "dihitung", "sebagian_dihitung", "tercetak_sebagian",
                                              "tidak_diketahui"])),
        "cakupan": pa.Column(str, pa.Check.isin(["lengkap", "sebagian"])),
        "baris_sumber": pa.Column(str, nullable=True, coerce=True), "baris_raw": pa.Column("Int64", nullable=True)},
        unique=["jalur"], strict=True, coerce=True),
    # funding sources are named by the data (DAU, DAK, APBN, BLUD, …): any name
    "anggaran_program_sumber_dana": _schema({
        "program_no": Int, "program": Txt, "sumber_dana": Txt,
        "anggaran": Int, "realisasi": Int, "sasaran_no": OptInt, "kategori_dilaporkan": OptTxt},
        unique=["program_no", "sumber_dana"]),
    "anggaran_sumber_dana": _schema({"bagian": Txt,
                                     "sumber_dana": Txt,
                                     "anggaran": Int, "realisasi": OptInt}),
    "output_program": _schema({"program_no": Int, "keluaran": Txt, "nilai": Int, "pembanding": OptTxt,
                               "nilai_pembanding": OptInt, "satuan": Txt, "kalimat": Txt}),
    "komponen_iku": _schema({"kode_indikator": Txt, "komponen": Txt, "nilai": pa.Column(float, pa.Check.ge(0)),
                             "satuan": OptTxt, "kalimat": Txt}, unique=["kode_indikator", "komponen"]),
    "realisasi_tahunan": _schema({"kode_indikator": Txt, "tahun": Year, "realisasi": Val, "realisasi_predikat": Grade},
                                 unique=["kode_indikator", "tahun"]),
    "target_tahunan": _schema({"kode_indikator": Txt, "tahun": Year, "jenis_target": Txt, "target": Val,
                               "target_predikat": Grade, "tabel": Txt}),
    "target_nasional": _schema({"kode_indikator": Txt, "tahun": Year, "jenis_target": Txt, "target": Val,
                                "target_predikat": Grade, "tabel": Txt}),
    "nilai_sakip": _schema({"kode_indikator": Txt, "tahun": Year, "predikat": Grade,
                            "nilai": pa.Column(float, pa.Check.in_range(0, 100))}, unique=["kode_indikator", "tahun"]),
    "pegawai": _schema({"jenjang_pendidikan": Txt, "pangkat_golongan": Txt, "jabatan": Txt, "jumlah": Int}),
    "formasi_pegawai": _schema({"no": OptInt, "jabatan": Txt, "formasi": Int, "kebutuhan": Int,
                                "kekurangan": pa.Column(int)}),
    "aset": _schema({"aset_id": Int, "kelompok": OptTxt, "no": OptInt, "nama_barang": Txt, "merk": OptTxt,
                     "satuan": OptTxt, "jumlah": Int}, unique=["aset_id"]),
    "aset_kondisi": pa.DataFrameSchema({"aset_id": Int, "kondisi": Txt, "jumlah": Int,
                                        "baris_raw": pa.Column(int)}, strict=True, coerce=True),
    "reported_figures": pa.DataFrameSchema({
        "besaran": Txt, "subjek": Txt, "tahun_dasar": pa.Column("Int64", nullable=True),
        "tahun": pa.Column("Int64", nullable=True), "nilai": pa.Column(float, nullable=True), "teks": Txt,
        "tabel": Txt, "baris_sumber": pa.Column(str, nullable=True), "baris_raw": pa.Column("Int64")},
        strict=True, coerce=True),
    "program": pa.DataFrameSchema({"program_no": Int, "program": Txt, "sasaran_no": OptInt,
                                   "sumber_anggaran": Txt, "anggaran_pk": OptInt},
                                  unique=["program_no"], strict=True, coerce=True),
    "definisi_indikator": pa.DataFrameSchema({
        "kode_indikator": Txt, "versi": Int, "berlaku_dari": Year, "berlaku_sampai": pa.Column("Int64", nullable=True),
        "polaritas": pa.Column(str, pa.Check.isin(list(POLARITIES))),
        "metode_capaian": pa.Column(str, pa.Check.isin(["", *METHODS]), required=False),
        "batas_capaian": pa.Column(float, pa.Check.gt(0), nullable=True, required=False)},
        unique=["kode_indikator", "versi"], coerce=True),
}

#: processed table -> raw file it comes from (for error messages)
RAW_FILE = {"anggaran_program": "realisasi_anggaran.csv", "anggaran_rinci": "realisasi_anggaran_rinci.csv",
            "efisiensi_dilaporkan": "efisiensi.csv",
            "realisasi_tahunan": "realisasi_multi_tahun.csv", "target_tahunan": "realisasi_multi_tahun.csv",
            "aset_kondisi": "aset.csv", "definisi_indikator": "../definisi_indikator.csv",
            "komponen_iku": "komponen_iku.csv"}


def validate_all(tables: dict[str, pd.DataFrame], folder: Path) -> dict[str, pd.DataFrame]:
    problems: list[Problem] = []
    out = {}
    for name, df in tables.items():
        schema = SCHEMAS.get(name)
        if schema is None:
            out[name] = df
            continue
        try:
            out[name] = schema.validate(df, lazy=True)
        except SchemaErrors as e:
            fc = e.failure_cases
            raw_file = RAW_FILE.get(name, f"{name}.csv")
            for _, f in fc.iterrows():
                idx = f.get("index")
                line = None
                if idx is not None and idx == idx and "baris_raw" in df.columns:
                    try:
                        line = int(df.loc[idx, "baris_raw"])
                    except (KeyError, TypeError, ValueError):
                        line = None
                # agency/year/file, as every other message names it (definitions: agency/file)
                label = f"{folder.parent.name}/{folder.name}/{raw_file}".replace(f"/{folder.name}/../", "/")
                problems.append(Problem(label, line, str(f.get("column")),
                                        str(f.get("failure_case")),
                                        f"{f.get('check')} (processed table '{name}')"))
    if problems:
        raise DataError(problems)
    return out
