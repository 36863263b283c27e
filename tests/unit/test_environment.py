"""environment.yml (conda users) and pyproject.toml agree on the packages, at the locked versions."""
import re
import tomllib

import yaml

from analysis.config import PROJECT_ROOT


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name.lower())


def lock() -> dict[str, str]:
    out = {}
    for line in (PROJECT_ROOT / "requirements.lock").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, version = line.split("==")
            out[norm(name)] = version
    return out


def test_environment_yml_matches_pyproject_and_lock():
    deps = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    assert "python=3.11" in env["dependencies"]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pinned = {}
    for spec in pip:
        if spec.startswith("-"):
            continue
        name, version = spec.split("==")
        pinned[norm(name)] = version
    assert set(pinned) == {norm(re.split(r"[<>=!~ ;\[]", d)[0]) for d in deps}
    locked = lock()
    for name, version in pinned.items():
        assert locked[name] == version, name


def test_lock_pins_every_direct_dependency_exactly():
    deps = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    locked = lock()
    assert all(norm(re.split(r"[<>=!~ ;\[]", d)[0]) in locked for d in deps)
