"""Small hand-made processed tables for the report's unit tests; ``name`` goes into every text field
that comes from the data (an indicator, a programme, a source sentence, an asset...)."""
from __future__ import annotations

import pandas as pd

NA = float("nan")


def tables(name: str = "Persentase Koperasi Sehat") -> dict:
    iku = pd.DataFrame({
        "kode_indikator": ["SEHAT", "SAKIP"], "nama": [name, "Nilai SAKIP"], "polaritas": ["positif", "predikat"],
        "target": [2.74, NA], "target_predikat": [None, "A"], "realisasi": [2.97, NA],
        "realisasi_predikat": [None, "A"], "realisasi_komponen": [NA, 89.4], "pembilang": [96.0, NA],
        "penyebut": [3227.0, NA], "capaian": [108.39, 100.0], "capaian_komponen": [108.57, NA],
        "capaian_dilaporkan": [108.0, 100.0], "kategori": ["Sangat Baik", name]})
    sasaran = pd.DataFrame({"sasaran_no": [1.0, NA], "sasaran": [name, "Semua sasaran"], "jumlah_iku": [2, 2],
                            "capaian": [104.28, 104.28], "capaian_dari_dilaporkan": [104.0, 104.0]})
    budget = pd.DataFrame({
        "tingkat": ["program_sumber_dana", "program_sumber_dana", "sumber_dana", "sasaran", "total"],
        "program_no": [1, 2, NA, NA, NA], "nama": [name, "Program Penunjang", None, None, None],
        "sumber_dana": ["DAU", name, "DAU", None, None],
        "sasaran_no": pd.array([None, None, None, 1, None], dtype="Int64"),
        "atribusi": ["", "", "", "semua_program", ""], "jumlah_program": [1, 1, 2, 2, 2],
        "anggaran": [1_000_000_000.0, 500_000_000.0, 1_500_000_000.0, 1_500_000_000.0, 1_500_000_000.0],
        "realisasi": [950_000_000.0, 400_000_000.0, 1_350_000_000.0, 1_350_000_000.0, 1_350_000_000.0],
        "serapan": [95.0, 80.0, 90.0, 90.0, 90.0], "serapan_rata_rata": [NA, NA, 87.5, 87.5, 87.5],
        "kategori": ["Sangat Baik", name, None, None, None]})
    efficiency = pd.DataFrame({
        "lingkup": ["semua", "semua"], "atribusi": ["", ""], "metode": ["selisih_tertimbang", "selisih_rata_rata"],
        "capaian": [104.28, 104.28], "serapan": [90.0, 87.5], "efisiensi": [14.28, 16.78], "satuan": ["poin", "poin"],
        "kategori": [name, "Efisien"], "rumus": ["capaian − serapan", name]})
    keluaran = pd.DataFrame({"program_no": [1], "keluaran": [name], "nilai": [12.0], "nilai_pembanding": [20.0],
                             "pembanding": ["koperasi"], "persen": [60.0], "serapan_program": [95.0]})
    rec = pd.DataFrame({
        "check": [f"capaian {name}", "total APBD", "serapan"], "tabel": ["iku", name, "anggaran"],
        "baris_sumber": ["10", "20-25", "30"], "besaran": ["capaian", "anggaran", "serapan"],
        "reported": ["108,0", "1.500.000.000", "90"], "recomputed": [108.57, 1_500_000_000.0, NA],
        "status": ["rounding", "match", "mismatch"], "penjelasan": [name, "", "tidak dapat dihitung"],
        "explanation": [name, "", "cannot be computed"]})
    breaks = pd.DataFrame({"kode_indikator": ["SEHAT"], "jenis": ["perubahan_rumus"], "tahun_pertama_baru": [2023],
                           "versi_lama": [1], "versi_baru": [2], "definisi_lama": [name],
                           "definisi_baru": ["koperasi sehat / koperasi aktif"], "kalimat_sumber": [name]})
    gaps = pd.DataFrame({"kode_indikator": ["SEHAT"], "jenis_target": ["nasional"], "target": [5.0],
                         "realisasi": [2.97], "selisih_pp": [-2.03], "dibutuhkan_unit": [162.0], "pembilang": [96.0],
                         "kekurangan_unit": [66.0]})
    trends = pd.DataFrame({
        "kode_indikator": ["SEHAT", "SEHAT", "SEHAT", "SAKIP"], "tahun": [2022, 2023, 2024, 2024],
        "versi": [1, 2, 2, 1], "predikat": [None, None, None, "A"], "realisasi": [15.07, 2.5, 2.97, 89.4],
        "realisasi_tepat": [15.07, 2.5, 2.97, 89.4], "target": [NA, 2.6, 2.74, NA],
        "perubahan_tahunan_pp": [NA, -12.57, 0.47, NA], "perubahan_tahunan_persen": [NA, -83.41, 18.8, NA],
        "sebanding_tahunan": pd.array([pd.NA, False, True, pd.NA], dtype="boolean")})
    decomposition = pd.DataFrame({"kode_indikator": ["SEHAT", "SEHAT"], "tahun": [2023, 2024],
                                  "dapat_diurai": [False, True], "perubahan_pp": [-12.57, 0.47],
                                  "efek_rumus_pp": [NA, 0.1], "efek_kinerja_pp": [NA, 0.37],
                                  "komponen_dibutuhkan": [name, None]})
    pegawai = pd.DataFrame({"jenjang_pendidikan": ["S1", name, "S1"],
                            "jabatan": ["fungsional_umum", name, "struktural"], "jumlah": [10, 3, 4]})
    formasi = pd.DataFrame({"jabatan": [name, "Analis"], "formasi": [2, 3], "kebutuhan": [3, 5], "kekurangan": [1, 2]})
    aset = pd.DataFrame({"aset_id": [1, 2], "nama_barang": [name, "Meja"], "jumlah": [5, 8]})
    aset_kondisi = pd.DataFrame({"aset_id": [1, 1, 2], "kondisi": ["Baik", "Rusak Berat", "Baik"], "jumlah": [3, 2, 8]})
    definitions = pd.DataFrame({"kode_indikator": ["SEHAT", "SEHAT"], "versi": [1, 2], "berlaku_dari": [2019, 2023],
                                "berlaku_sampai": [2022, NA], "pembilang": [name, "koperasi sehat"],
                                "penyebut": ["koperasi", ""], "polaritas": ["positif", "positif"],
                                "kalimat_sumber": [name, "kalimat"]})
    info = {"meta": {"nama_instansi": name, "judul_laporan": name, "tanggal_laporan": "2025-01-31",
                     "berkas_sumber": name, "sha256_sumber": "0123456789abcdef0123", "sintetis": "ya"},
            "tables_read": [{"berkas": name, "bagian": "BAB III", "baris_sumber": "1-9", "baris": 8}]}
    return {"iku": iku, "capaian_sasaran": sasaran, "budget": budget, "efficiency": efficiency,
            "programme_outputs": keluaran, "reconciliation": rec, "breaks": breaks, "gaps": gaps, "trends": trends,
            "decomposition": decomposition, "pegawai": pegawai, "formasi_pegawai": formasi, "aset": aset,
            "aset_kondisi": aset_kondisi, "definisi_indikator": definitions, "info": info,
            "warnings": [f"catatan: {name}"], "target_nasional": pd.DataFrame({"kode_indikator": ["SEHAT"],
                                                                              "target": [5.0]})}
