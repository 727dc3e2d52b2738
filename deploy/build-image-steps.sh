#!/usr/bin/env bash
# The RUN steps of deploy/Dockerfile, as one script, so they run (and are tested) without a
# Docker engine too: the Dockerfile calls it, and so do test/pack and a maintainer's shell.
#
#   build-image-steps.sh pack REPO TARBALLS   npm ci, build, and npm pack the packages of the image
#   build-image-steps.sh install TARBALLS APP  install those tarballs, production dependencies only
#   build-image-steps.sh check APP [ROOT_PACKAGE_JSON]
#                                             fail if a dev tool is in APP/node_modules or
#                                             `mona --version` fails; print the size
#   build-image-steps.sh warm APP [USER]       fill APP/.compile-cache with V8's compiled code of
#                                             the CLI's modules, as USER (the one the image runs as)
set -euo pipefail

# What the image runs: the CLI and the senders it brings. The simulator comes as a dependency of
# mona-ecs (for `mona demo`); third-party senders are added by a derived image (see the README).
IMAGE_PACKAGES=(packages/core packages/sender-slack packages/sender-sns packages/sender-email packages/ecs-simulator packages/runner)
NPM_FLAGS=(--no-audit --no-fund)

pack() {
  local repo=$1 tarballs=$2
  cd "$repo"
  npm ci "${NPM_FLAGS[@]}"
  # Builds mona-ecs and, through nx's ^build, every package it depends on.
  NX_DAEMON=false NX_NO_CLOUD=true npx nx run mona-ecs:build --outputStyle=static
  mkdir -p "$tarballs"
  local workspace_flags=()
  for p in "${IMAGE_PACKAGES[@]}"; do workspace_flags+=(--workspace "$p"); done
  npm pack --silent --pack-destination "$tarballs" "${workspace_flags[@]}" >/dev/null
  ls "$tarballs"
}

install() {
  local tarballs=$1 app=$2
  mkdir -p "$app/tarballs"
  cp "$tarballs"/*.tgz "$app/tarballs/"
  cd "$app"
  # A private manifest so npm records what it installed; nothing in it is published.
  printf '{\n  "name": "mona-image",\n  "version": "0.0.0",\n  "private": true\n}\n' >package.json
  # Every @mona-ecs package comes from its tarball (none is fetched from the registry); third-party
  # dependencies resolve within the ranges we publish, exactly as `npm install mona-ecs` does. The
  # tarballs stay in /app/tarballs (a few hundred KB): package.json points at them, and a derived
  # image's `npm install another-sender` needs them to re-read the tree.
  npm install --omit=dev --prefer-offline "${NPM_FLAGS[@]}" ./tarballs/*.tgz
}

check() {
  local app=$1 root_manifest=${2:-}
  local modules="$app/node_modules"
  [ -d "$modules/mona-ecs" ] || { echo "check: $modules/mona-ecs is missing" >&2; exit 1; }
  # The dev tools of the repository (its root devDependencies) and what they pull in. Type
  # packages are left out: @slack/web-api lists @types/node among its own dependencies.
  local forbidden=(vitest vite rolldown @vitest/runner esbuild nx typescript eslint prettier @changesets/cli aws-sdk-client-mock fast-check smtp-server)
  if [ -n "$root_manifest" ]; then
    mapfile -t -O "${#forbidden[@]}" forbidden < <(node -e 'for (const n of Object.keys(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).devDependencies ?? {})) if (!n.startsWith("@types/")) console.log(n)' "$root_manifest")
  fi
  local found=()
  for name in "${forbidden[@]}"; do
    if [ -e "$modules/$name" ]; then found+=("$name"); fi
  done
  if [ "${#found[@]}" -gt 0 ]; then
    echo "check: development packages in $modules: ${found[*]}" >&2
    exit 1
  fi
  local version
  version=$(node "$modules/mona-ecs/bin/mona.js" --version)
  echo "mona --version: $version"
  echo "node_modules: $(du -sk "$modules" | cut -f1) KiB on disk, $(du -sk --apparent-size "$modules" | cut -f1) KiB of files"
}

# Node 22.1+ (the image runs 24): bin/mona.js turns on Node's module compile cache, kept where
# NODE_COMPILE_CACHE says. One `mona --version` as the runtime user (the cache is kept per user id)
# loads what `mona run` loads at start and leaves its compiled code in APP/.compile-cache, owned by
# root, so the container reads it on every start (its root filesystem is read-only: nothing is
# written then) instead of compiling about 400 modules again.
warm() {
  local app=$1 user=${2:-}
  local cache="$app/.compile-cache"
  mkdir -p "$cache"
  local ids=()
  if [ -n "$user" ]; then
    chown "$user" "$cache"
    ids=("$(id -u "$user")" "$(id -g "$user")")
  fi
  # One way for both: Node drops to the user itself when given one (no setpriv, su or gosu needed
  # in the image), and only then sets NODE_COMPILE_CACHE (set before, Node would open it as root).
  node --input-type=module -e '
    const [bin, cache, uid, gid] = process.argv.slice(1);
    if (uid !== undefined) {
      process.setgroups([]);
      process.setgid(Number(gid));
      process.setuid(Number(uid));
    }
    process.env.NODE_COMPILE_CACHE = cache;
    process.argv = [process.argv[0], bin, "--version"];
    await import((await import("node:url")).pathToFileURL(bin).href);
  ' "$app/node_modules/mona-ecs/bin/mona.js" "$cache" "${ids[@]}" >/dev/null
  chown -R "$(id -u):$(id -g)" "$cache"
  chmod -R a+rX,go-w "$cache"
  local files
  files=$(find "$cache" -type f | wc -l)
  if [ "$files" -eq 0 ]; then
    echo "compile cache: none (node $(node --version) has no module compile cache; Node 22.1 or later does)"
  else
    echo "compile cache: $files modules, $(du -sk "$cache" | cut -f1) KiB in $cache"
  fi
}

step=${1:-}
shift || true
case "$step" in
  pack) pack "$@" ;;
  install) install "$@" ;;
  check) check "$@" ;;
  warm) warm "$@" ;;
  *)
    echo "usage: $0 pack REPO TARBALLS | install TARBALLS APP | check APP [ROOT_PACKAGE_JSON] | warm APP [USER]" >&2
    exit 2
    ;;
esac
