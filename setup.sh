#!/usr/bin/env bash
# ReasonTrack setup: installs what is missing, idempotently, and says what it does.
#   ./setup.sh          .NET check, Debian's ffmpeg (frames in and out), chromium (browser tests), DejaVu fonts, NuGet
#                       restore and a Release build (ONNX Runtime comes as the NuGet package Microsoft.ML.OnnxRuntime:
#                       no npm, nothing under .deps/)
#   ./setup.sh --peers  also Debian's python3-opencv, to run OpenCV's trackers as peers in bench/peers/
# Safe to run again: installed pieces are detected and skipped.
set -euo pipefail
cd "$(dirname "$0")"

say() { printf 'setup: %s\n' "$*"; }
peers=0
for a in "$@"; do
  case "$a" in
    --peers) peers=1 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "setup: unknown option $a" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -eq 0 ]; then say "apt packages already installed: $*"; return; fi
  if [ $apt_updated = 0 ]; then say "apt-get update"; as_root apt-get update -qq; apt_updated=1; fi
  say "installing apt packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# 1. The .NET SDK (10.x). On this project's machines it is preinstalled; elsewhere install it from Microsoft's docs.
if ! command -v dotnet >/dev/null 2>&1; then
  echo "setup: the .NET 10 SDK is required and was not found on PATH (https://learn.microsoft.com/dotnet/core/install/linux-debian)" >&2
  exit 1
fi
sdk=$(dotnet --version)
case "$sdk" in 10.*) say ".NET SDK $sdk found" ;; *) echo "setup: .NET SDK 10.x required, found $sdk" >&2; exit 1 ;; esac

# 2. ffmpeg decodes videos and frame folders and writes annotated videos; OpenCV only for the peer benchmark.
if command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; then say "ffmpeg found: $(command -v ffmpeg)"; else apt_install ffmpeg; fi
if [ $peers = 1 ]; then apt_install python3-opencv python3-numpy; fi
# Debian's chromium: the HTML report's browser tests drive it headless (they skip with a message without it).
if command -v chromium >/dev/null 2>&1; then say "chromium found: $(command -v chromium)"; else apt_install chromium || say "chromium could not be installed: the browser tests will skip"; fi
# The annotated video's labels: SkiaSharp's native library here has no fontconfig, so it loads DejaVu Sans from its
# file (AnnotationOptions.SystemFontFiles; track --font names another).
if [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then say "DejaVu Sans found"; else apt_install fonts-dejavu-core; fi

# 3. NuGet packages and a Release build (the ./reasontrack launcher runs this build).
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
say "restoring NuGet packages"
dotnet restore ReasonTrack.slnx -v q --nologo >/dev/null
say "building (Release)"
dotnet build ReasonTrack.slnx -c Release -v q --nologo --no-restore 2>&1 | grep -E "error|warn" || true
test -f src/ReasonTrack.Cli/bin/Release/net10.0/ReasonTrack.Cli.dll || { echo "setup: build failed" >&2; exit 1; }
say "ready: ./reasontrack --help"
