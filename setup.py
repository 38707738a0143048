"""Builds samverkan._core through the project's own CMake build.

setuptools is the build backend (Debian 12 has no scikit-build-core); this
file only teaches it to run CMake, the way OpenTimelineIO's setup.py does.
Metadata lives in pyproject.toml; the version is read from the C++ header,
the one place it is written.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def read_version() -> str:
    header = (ROOT / "include" / "samverkan" / "version.hpp").read_text(encoding="utf-8")
    parts = [re.search(rf"#define SAMVERKAN_VERSION_{p} (\d+)", header).group(1) for p in ("MAJOR", "MINOR", "PATCH")]
    return ".".join(parts)


class CMakeExtension(Extension):
    """An extension built by CMake; setuptools gets no sources of its own."""

    def __init__(self, name: str, target: str) -> None:
        super().__init__(name, sources=[])
        self.target = target


class CMakeBuild(build_ext):
    def build_extension(self, ext: Extension) -> None:
        if not isinstance(ext, CMakeExtension):
            return super().build_extension(ext)
        extdir = Path(self.get_ext_fullpath(ext.name)).resolve().parent
        build_dir = Path(os.environ.get("SAMVERKAN_PYTHON_BUILD_DIR", ROOT / "build" / "python"))
        build_type = os.environ.get("SAMVERKAN_PYTHON_BUILD_TYPE", "Release")
        args = [
            f"-DCMAKE_BUILD_TYPE={build_type}",
            f"-DCMAKE_LIBRARY_OUTPUT_DIRECTORY={extdir}",
            f"-DPython_EXECUTABLE={sys.executable}",
            "-DSAMVERKAN_PYTHON=ON",
            "-DSAMVERKAN_TEST=OFF",
            "-DSAMVERKAN_INSTALL=OFF",
            "-DSAMVERKAN_CLI=OFF",
            # GCC 12 at -O3 has reported false -Wrestrict errors in
            # std::string concatenation inlined from the library's headers
            # (warnings are errors); a user's pip install must not hit that.
            "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG",
            # PDF support links GPL Poppler: AUTO builds it when found,
            # SAMVERKAN_PDF=OFF leaves it out (an MIT-only extension).
            f"-DSAMVERKAN_PDF={os.environ.get('SAMVERKAN_PDF', 'AUTO')}",
        ]
        try:
            import pybind11  # an isolated build gets it from the index
        except ImportError:
            pass
        else:
            args.append(f"-Dpybind11_DIR={pybind11.get_cmake_dir()}")
        jobs = os.environ.get("SAMVERKAN_JOBS", str(os.cpu_count() or 2))
        subprocess.run(["cmake", "-S", str(ROOT), "-B", str(build_dir), *args], check=True)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", ext.target, "-j", jobs], check=True)


setup(
    version=read_version(),
    package_dir={"": "python"},
    packages=["samverkan"],
    package_data={"samverkan": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("samverkan._core", target="_core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
