#!/usr/bin/env bash
# Installs every system dependency from Debian 12's packages, without prompts.
# Safe to run repeatedly: it only calls apt-get when something is missing.
set -euo pipefail

packages=(
  build-essential cmake ccache pkg-config
  libboost-serialization-dev librange-v3-dev catch2 nlohmann-json3-dev
  pybind11-dev python3-dev python3-venv python3-jsonschema
  clang libclang-rt-14-dev clang-format clang-tidy
  python3-pybind11 python3-setuptools python3-wheel python3-pip
  python3-numpy python3-pandas python3-pytest mypy
  python3-matplotlib python3-nbclient python3-nbconvert python3-nbformat python3-ipykernel
  python3-openpyxl python3-tqdm
  python3-dask python3-distributed python3-fsspec
  libzip-dev libpugixml-dev libpoppler-cpp-dev
  python3-docx python3-reportlab fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
