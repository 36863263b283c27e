"""The command line and the build's skip decision import nothing heavy: --help and a no-op rebuild answer at once."""
import os
import subprocess
import sys


def test_help_and_the_skip_path_import_no_heavy_module():
    code = ("import sys\n"
            "from analysis import cli\n"
            "import analysis.build.runner, analysis.build.fingerprint, analysis.build.parameters\n"
            "try:\n    cli.main(['build', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'numpy', 'papermill', 'nbformat', 'nbconvert') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=dict(os.environ))
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"
