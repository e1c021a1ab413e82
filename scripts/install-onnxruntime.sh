#!/usr/bin/env bash
# Installs the ONNX Runtime native library that NanoTrack uses, from the npm package onnxruntime-node (MIT),
# into <repo>/.deps/onnxruntime, and prints the path of libonnxruntime.so.
# Why npm: there is no ONNX Runtime NuGet package on this project's machines; onnxruntime-node ships the CPU
# library for linux-x64. Why --ignore-scripts: its install script downloads CUDA binaries, which fails offline
# and is not needed. Idempotent: an existing install of the pinned version is detected and kept.
# Usable alone (./scripts/install-onnxruntime.sh) or sourced/called from ./setup.sh.
set -euo pipefail

ORT_NPM_VERSION=1.23.2   # the version the tests and the binding were checked with (ORT C API version 23)
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
prefix="$repo/.deps/onnxruntime"
pkg="$prefix/node_modules/onnxruntime-node"
say() { printf 'install-onnxruntime: %s\n' "$*"; }

find_lib() { find "$pkg/bin" -path '*/linux/x64/*' -name 'libonnxruntime.so.1*' -type f 2>/dev/null | sort | head -n 1; }

installed=""
if [ -f "$pkg/package.json" ]; then
  installed=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$pkg/package.json" | head -n 1)
fi
if [ "$installed" = "$ORT_NPM_VERSION" ] && [ -n "$(find_lib)" ]; then
  say "onnxruntime-node $ORT_NPM_VERSION already installed in $prefix"
else
  if ! command -v npm >/dev/null 2>&1; then
    echo "install-onnxruntime: npm is required (Debian: apt-get install npm) to fetch onnxruntime-node" >&2
    exit 1
  fi
  say "installing onnxruntime-node@$ORT_NPM_VERSION into $prefix (npm, install scripts disabled)"
  mkdir -p "$prefix"
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error --prefix "$prefix" "onnxruntime-node@$ORT_NPM_VERSION" >/dev/null
fi

lib=$(find_lib)
if [ -z "$lib" ]; then
  echo "install-onnxruntime: onnxruntime-node installed but no linux/x64 libonnxruntime.so.1* found under $pkg/bin" >&2
  exit 1
fi
say "library: $lib"
