"""The installed package, not the build tree, imports from anywhere."""

import os
import pathlib
import subprocess
import sys

import pytest

import samverkan


@pytest.mark.skipif(
    os.environ.get("SAMVERKAN_SANITIZED") == "1",
    reason="scripts/python_asan.sh imports the sanitized module from the build tree, not an installed package",
)
def test_installed_package_imports_from_a_temporary_directory(tmp_path):
    script = "import samverkan, sys; print(samverkan.__file__); print(samverkan.__version__)"
    result = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    location, version = result.stdout.split()
    assert version == samverkan.version()
    repo = pathlib.Path(__file__).resolve().parents[2]
    assert not pathlib.Path(location).resolve().is_relative_to(repo / "python")
    assert "site-packages" in location


def test_stubs_and_marker_are_shipped():
    package = pathlib.Path(samverkan.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_core.pyi").exists()
