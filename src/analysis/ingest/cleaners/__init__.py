"""The table kinds a raw agency-year may hold: for each, its columns and the function that cleans it.

A cleaner takes (context, raw table, cell reader) and returns (tidy tables by name, reported figures).
"""
from __future__ import annotations

import re

from .budget import (
    anggaran_program_sumber_dana,
    anggaran_sumber_dana,
    efisiensi,
    formulir_anggaran,
    output_program,
    pk_program,
    realisasi_anggaran,
)
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
    "realisasi_anggaran": (["baris_sumber", "no", "program", "anggaran", "realisasi", "persen"], [],
                           realisasi_anggaran),
    "anggaran_program_sumber_dana": (["baris_sumber", "program_no", "program", "sumber_dana", "anggaran", "realisasi",
                                      "persen", "kategori", "sasaran_didukung", "kalimat"], [],
                                     anggaran_program_sumber_dana),
    "anggaran_sumber_dana": (["baris_sumber", "bagian", "sumber_dana", "anggaran", "realisasi", "persen", "kalimat"],
                             [], anggaran_sumber_dana),
    "output_program": (["baris_sumber", "program_no", "keluaran", "nilai", "pembanding", "nilai_pembanding", "satuan",
                        "kalimat"], [], output_program),
    "komponen_iku": (["baris_sumber", "kode_indikator", "komponen", "nilai", "satuan", "kalimat"], [], komponen_iku),
    "realisasi_multi_tahun": (["baris_sumber", "no", "sasaran", "indikator"], ["tingkat_kemajuan"],
                              realisasi_multi_tahun),
    "target_nasional": (["baris_sumber", "no", "sasaran", "indikator", "target_nasional"], [], target_nasional),
    "nilai_sakip": (["baris_sumber", "kode_indikator", "tahun", "predikat", "nilai", "kalimat"], [], nilai_sakip),
    "pernyataan_narasi": (["baris_sumber", "jenis", "kode_indikator", "dari_tahun", "tahun", "arah", "nilai",
                           "kalimat"], [], pernyataan_narasi),
    "pegawai": (["baris_sumber", "no", "jenjang_pendidikan", "jumlah_personil", "pangkat_golongan"] + JABATAN_PEGAWAI
                + ["jumlah"], [], pegawai),
    "formasi_pegawai": (["baris_sumber", "no", "jabatan", "formasi", "kebutuhan"], [], formasi_pegawai),
    "aset": (["baris_sumber", "no", "nama_barang", "merk", "satuan", "jumlah", "kondisi"], [], aset),
}
#: Columns whose names carry a year (realisasi_2022 …): allowed by pattern.
YEAR_COLUMN = re.compile(r"^(realisasi|target)_\d{4}$")
