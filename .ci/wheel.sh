#!/usr/bin/env bash
# CI: kg installs like a real package. Builds the wheel from the tracked files,
# installs it with its dependencies into a fresh venv outside the repository, then,
# from another folder, builds the seeds and runs one named query. Prints one line of
# timings; fails on any error or if the query does not answer.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
start=$SECONDS

mkdir -p "$work/src"
git -C "$repo" ls-files -z | (cd "$repo" && xargs -0 cp --parents -t "$work/src")
python3 -m pip wheel -q --no-deps -w "$work/dist" "$work/src" >"$work/wheel.log" 2>&1 \
  || { cat "$work/wheel.log"; exit 1; }
wheel=("$work"/dist/kg-*.whl)
built=$SECONDS

python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "${wheel[0]}" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; exit 1; }
installed=$SECONDS

mkdir "$work/elsewhere" && cd "$work/elsewhere"
"$work/venv/bin/kg" --version
"$work/venv/bin/kg" build "$repo/seeds" -o out
"$work/venv/bin/kg" query people_organizations -o out | tee "$work/query.txt"
grep -q "Ilya Sutskever .* worksFor .* OpenAI" "$work/query.txt"
echo "wheel check: built in $((built - start)) s, installed in $((installed - built)) s, build + query in $((SECONDS - installed)) s"
