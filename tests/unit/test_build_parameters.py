"""--param: values read as papermill's -p reads them, keys checked against what the notebooks declare (read with
papermill's inspection), each notebook given only the parameters it declares."""
import os
import pickle
from dataclasses import asdict
from pathlib import Path

import pytest
from build_fakes import BASE, fake_notebook, fake_project

from analysis import cli
from analysis.build.options import Options
from analysis.build.parameters import ParameterError, check, declared, for_notebook, parse_assignment, parse_value


@pytest.mark.parametrize("text, value", [("100", 100), ("-3", -3), ("1.5", 1.5), ("1e3", 1000.0), ("True", True),
                                         ("False", False), ("None", None), ("true", "true"), ("abc", "abc"),
                                         ("", ""), ("12a", "12a")])
def test_values_read_as_papermill_reads_them(text, value):
    got = parse_value(text)
    assert got == value and type(got) is type(value)
    from papermill.cli import _resolve_type  # the command line's own reading (private, hence this check)

    assert got == _resolve_type(text) and type(got) is type(_resolve_type(text))


def test_assignment():
    assert parse_assignment("batas_atas=100") == ("batas_atas", 100)
    assert parse_assignment("judul=a=b") == ("judul", "a=b")
    for bad in ("batas_atas", "=100", "1x=2", "a b=1"):
        with pytest.raises(ValueError):
            parse_assignment(bad)


def test_each_notebook_declares_what_its_cell_assigns(tmp_path):
    opt = fake_project(tmp_path)
    assert declared(opt.notebook_dir, "02-indicators") == {"agency": '"dinas"', "year": "2024",
                                                           "processed_root": '"../p"', "lang": '"id"',
                                                           "batas_atas": "None"}
    assert "raw_root" in declared(opt.notebook_dir, "01-clean")


def test_a_changed_notebook_is_read_again(tmp_path):
    opt = fake_project(tmp_path)
    path = Path(opt.notebook_dir) / "04-report.ipynb"
    assert "judul" not in declared(opt.notebook_dir, "04-report")
    mtime = path.stat().st_mtime_ns
    fake_notebook(path, BASE + 'judul = "x"\n')
    os.utime(path, ns=(mtime + 10**9, mtime + 10**9))
    assert declared(opt.notebook_dir, "04-report")["judul"] == '"x"'


def test_only_declared_parameters_are_passed(tmp_path):
    opt = fake_project(tmp_path)
    built_in = {"agency": "dinas", "year": 2024, "raw_root": "/r", "processed_root": "/p", "lang": "en"}
    params = {"batas_atas": 100}
    assert for_notebook("01-clean", built_in, params, opt.notebook_dir) == built_in
    assert for_notebook("02-indicators", built_in, params, opt.notebook_dir) == {
        "agency": "dinas", "year": 2024, "processed_root": "/p", "lang": "en", "batas_atas": 100}
    assert "raw_root" not in for_notebook("03-formula-changes", built_in, params, opt.notebook_dir)


def test_a_declared_key_is_accepted(tmp_path):
    check({"batas_atas": 120}, fake_project(tmp_path).notebook_dir)
    check({}, fake_project(tmp_path / "again").notebook_dir)


def test_an_unknown_key_lists_those_declared(tmp_path):
    with pytest.raises(ParameterError) as e:
        check({"batas_bawah": 1, "batas_atas": 1}, fake_project(tmp_path).notebook_dir)
    msg = str(e.value)
    assert "batas_bawah" in msg and "batas_atas = None  (02-indicators)" in msg
    assert "agency =" not in msg  # built-in ones are not offered


@pytest.mark.parametrize("key, option", [("lang", "--lang"), ("raw_root", "--raw-root"), ("year", "--year")])
def test_a_built_in_key_cannot_be_set(tmp_path, key, option):
    with pytest.raises(ParameterError) as e:
        check({key: "x"}, fake_project(tmp_path).notebook_dir)
    assert "set by the build" in str(e.value) and option in str(e.value)


def test_options_round_trip_through_asdict_and_pickle():
    opt = Options(lang="en", pdf=False, params={"batas_atas": 100, "judul": "x", "cap": None, "f": 1.5})
    assert Options(**asdict(opt)) == opt
    assert pickle.loads(pickle.dumps(asdict(opt))) == asdict(opt)
    assert Options().params == {} and Options().params is not Options().params


def test_cli_unknown_key_exits_2_with_the_list(tmp_path, capsys):
    code = cli.main(["build", "--raw-root", str(tmp_path), "--param", "batas_atas=100", "--param", "nope=1"])
    err = capsys.readouterr().err
    assert code == 2 and "nope" in err and "batas_atas = None  (02-indicators)" in err


def test_cli_built_in_key_exits_2(tmp_path, capsys):
    assert cli.main(["build", "--raw-root", str(tmp_path), "--param", "lang=en"]) == 2
    assert "--lang" in capsys.readouterr().err


def test_cli_malformed_param_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as e:
        cli.main(["build", "--param", "batas_atas"])
    assert e.value.code == 2 and "KEY=VALUE" in capsys.readouterr().err


def test_cli_passes_params_to_the_build(tmp_path, monkeypatch):
    seen = {}
    monkeypatch.setattr("analysis.build.runner.targets", lambda a, y, opt: [("dinas", 2024)])

    def build_all(items, opt, jobs, **kw):
        seen["opt"] = opt
        return []

    monkeypatch.setattr("analysis.build.runner.build_all", build_all)
    assert cli.main(["build", "--param", "batas_atas=100", "--param", "batas_atas=120.5"]) == 0
    assert seen["opt"].params == {"batas_atas": 120.5}
