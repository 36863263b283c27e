"""The table kinds a raw agency-year may hold: for each, its columns, the function that cleans it, and its key.

A cleaner takes (context, raw table, cell reader) and returns (tidy tables by name, reported figures).
"""
from __future__ import annotations

import re

from ..keys import Key
from .budget import (
    anggaran_program_sumber_dana,
    anggaran_sumber_dana,
    efisiensi,
    formulir_anggaran,
    output_program,
    pk_program,
    realisasi_anggaran,
)
from .budget_lines import realisasi_anggaran_rinci
from .efficiency_ratios import INPUT_COLUMN, efisiensi_rasio
from .formulations import formulasi_iku
from .performance import capaian_iku, capaian_per_sasaran, formulir_pengukuran, komponen_iku, perjanjian_kinerja
from .resources import JABATAN_PEGAWAI, aset, formasi_pegawai, pegawai
from .series import nilai_sakip, pernyataan_narasi, realisasi_multi_tahun, target_nasional

CLEANERS = {
    "perjanjian_kinerja": (["baris_sumber", "no", "sasaran", "indikator", "target"], [], perjanjian_kinerja),
    "pk_program": (["baris_sumber", "program", "mata_uang", "anggaran", "keterangan"], [], pk_program),
    "capaian_iku": (["baris_sumber", "no", "sasaran", "indikator", "target", "realisasi", "capaian"], [], capaian_iku),
    "capaian_per_sasaran": (["baris_sumber", "bagian", "no", "sasaran", "indikator", "target", "realisasi", "capaian"],
                            [], capaian_per_sasaran),
    "formulir_pengukuran": (["baris_sumber", "no", "sasaran", "indikator", "target", "realisasi", "capaian"], [],
                            formulir_pengukuran),
    "formulir_anggaran": (["baris_sumber", "uraian", "nilai"], [], formulir_anggaran),
    "efisiensi": (["baris_sumber", "no", "sasaran", "program", "anggaran", "realisasi", "persen", "capaian_kinerja",
                   "tingkat_efisiensi"], [], efisiensi),
    "efisiensi_rasio": (["baris_sumber", "no", "sasaran", "capaian_output"], [], efisiensi_rasio),
    "realisasi_anggaran": (["baris_sumber", "no", "program", "anggaran", "realisasi", "persen"], [],
                           realisasi_anggaran),
    "realisasi_anggaran_rinci": (["baris_sumber", "uraian", "anggaran", "realisasi", "persen"],
                                 ["no", "indikator", "tingkat", "sumber_dana"], realisasi_anggaran_rinci),
    "anggaran_program_sumber_dana": (["baris_sumber", "program_no", "program", "sumber_dana", "anggaran", "realisasi",
                                      "persen", "kategori", "sasaran_didukung", "kalimat"], [],
                                     anggaran_program_sumber_dana),
    "anggaran_sumber_dana": (["baris_sumber", "bagian", "sumber_dana", "anggaran", "realisasi", "persen", "kalimat"],
                             [], anggaran_sumber_dana),
    "output_program": (["baris_sumber", "program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "satuan",
                        "kalimat"], [], output_program),
    "komponen_iku": (["baris_sumber", "kode_indikator", "komponen", "nilai", "satuan", "kalimat"], [], komponen_iku),
    "formulasi_iku": (["baris_sumber", "indikator", "pembilang", "penyebut", "faktor", "satuan", "polaritas",
                       "kalimat"], [], formulasi_iku),
    "realisasi_multi_tahun": (["baris_sumber", "no", "sasaran", "indikator"], ["tingkat_kemajuan"],
                              realisasi_multi_tahun),
    "target_nasional": (["baris_sumber", "no", "sasaran", "indikator", "target_nasional"], [], target_nasional),
    "nilai_sakip": (["baris_sumber", "kode_indikator", "tahun", "predikat", "nilai", "kalimat"], [], nilai_sakip),
    "pernyataan_narasi": (["baris_sumber", "jenis", "kode_indikator", "dari_tahun", "tahun", "arah", "nilai",
                           "kalimat"], ["subjek"], pernyataan_narasi),
    "pegawai": (["baris_sumber", "no", "jenjang_pendidikan", "jumlah_personil", "pangkat_golongan"] + JABATAN_PEGAWAI
                + ["jumlah"], [], pegawai),
    "formasi_pegawai": (["baris_sumber", "no", "jabatan", "formasi", "kebutuhan"], [], formasi_pegawai),
    "aset": (["baris_sumber", "no", "nama_barang", "merk", "satuan", "jumlah", "kondisi"], [], aset),
}
#: Columns whose names carry a year (realisasi_2022 …): allowed by pattern.
YEAR_COLUMN = re.compile(r"^(realisasi|target)_\d{4}$")
#: the table kinds with columns named by the data (a year, an input), and the pattern those names follow
NAMED_COLUMNS = {"realisasi_multi_tahun": YEAR_COLUMN, "target_nasional": YEAR_COLUMN,
                 "efisiensi_rasio": INPUT_COLUMN}

#: What identifies one row of each table kind (checked by :func:`analysis.ingest.keys.check_key`): two rows with
#: one key are a duplicated row. Totals and group rows are not rows of the cleaned tables, so they have no key.
_FIGURE = ("besaran", "subjek", "tahun_dasar", "tahun")
KEYS: dict[str, Key] = {
    "perjanjian_kinerja": Key(("kode_indikator",), ("indikator",), "indicator", "perjanjian_kinerja"),
    "pk_program": Key(("program_no",), ("program",), "programme", "pk_program"),
    "capaian_iku": Key(("kode_indikator",), ("indikator",), "indicator", "capaian_iku"),
    "capaian_per_sasaran": Key(_FIGURE, ("indikator", "bagian"), "indicator"),
    "formulir_pengukuran": Key(_FIGURE, ("indikator",), "indicator"),
    "formulir_anggaran": Key(_FIGURE, ("uraian",), "total"),
    "efisiensi": Key(("program",), ("program",), "programme", "efisiensi_dilaporkan"),
    "efisiensi_rasio": Key(("sasaran_no", "masukan"), ("no", "sasaran"), "goal and input", "efisiensi_rasio"),
    "realisasi_anggaran": Key(("program_no",), ("no", "program"), "programme", "anggaran_program"),
    "realisasi_anggaran_rinci": Key(("induk", "uraian"), ("uraian",), "budget row under one parent",
                                    "anggaran_rinci"),
    "anggaran_program_sumber_dana": Key(("program_no", "sumber_dana"), ("program_no", "sumber_dana"),
                                        "programme and funding source", "anggaran_program_sumber_dana"),
    "anggaran_sumber_dana": Key(("bagian", "sumber_dana"), ("sumber_dana", "bagian"), "funding source per part",
                                "anggaran_sumber_dana"),
    "output_program": Key(("program_no", "keluaran"), ("program_no", "keluaran"), "programme output",
                          "output_program"),
    # a component may be stated again on another source line (the values must agree); not twice on one line
    "komponen_iku": Key(("kode_indikator", "komponen", "baris_sumber"), ("kode_indikator", "komponen", "baris_sumber"),
                        "component per source line", "komponen_iku"),
    # one statement of an indicator's definition per report
    "formulasi_iku": Key(("kode_indikator",), ("indikator",), "indicator", "formulasi_iku"),
    "realisasi_multi_tahun": Key(("kode_indikator", "tahun"), ("indikator",), "indicator", "realisasi_tahunan"),
    "target_nasional": Key(("kode_indikator",), ("indikator",), "indicator", "target_nasional"),
    "nilai_sakip": Key(("kode_indikator", "tahun"), ("kode_indikator", "tahun"), "indicator and year", "nilai_sakip"),
    "pernyataan_narasi": Key(_FIGURE, ("jenis", "kode_indikator", "dari_tahun", "tahun"), "statement"),
    "pegawai": Key(("jenjang_pendidikan", "pangkat_golongan", "jabatan"), ("pangkat_golongan",),
                   "rank per education level", "pegawai"),
    "formasi_pegawai": Key(("jabatan",), ("jabatan",), "position", "formasi_pegawai"),
    "aset": Key(("kelompok", "no", "nama_barang"), ("no", "nama_barang"), "asset of a group", "aset"),
}
