#!/usr/bin/env bash
# Builds the container image's default base without a registry or a Docker daemon: Debian 12
# (bookworm, minbase) with OpenJDK 17's headless JRE and CA certificates, from Debian's own
# packages by debootstrap, saved as a `docker save` tarball that Jib takes as `tar://...`.
# Needs root (debootstrap) and Debian's mirror; installs debootstrap when missing.
#   deploy/image/debian-jre-base.sh OUT.tar        # kept: run again only when OUT.tar is missing
set -euo pipefail
out="${1:?usage: $0 OUT.tar}"
if [ -s "$out" ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "debian-jre-base.sh: debootstrap needs root; or build with -Dstategraph.image.base=<registry image> -Dstategraph.image.base-build=skip" >&2
  exit 1
fi
command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap; }

work="$(mktemp -d)"
trap 'umount "$work/rootfs/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
rootfs="$work/rootfs"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
  bookworm "$rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The server's user (the image runs as 10001:10001): PostgreSQL's initdb looks its user up by id.
chroot "$rootfs" groupadd --gid 10001 stategraph
chroot "$rootfs" useradd --uid 10001 --gid 10001 --home-dir /var/lib/stategraph --no-create-home --shell /usr/sbin/nologin stategraph
# What a server never needs at run time: package caches and lists, documentation, manuals, translations.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* \
  "$rootfs"/usr/share/locale/* "$rootfs"/var/log/* "$rootfs"/tmp/*
chmod 1777 "$rootfs/tmp"

mkdir "$work/image"
tar --numeric-owner --sort=name --mtime='@0' -C "$rootfs" -cf "$work/image/layer.tar" .
diff_id="sha256:$(sha256sum "$work/image/layer.tar" | cut -d' ' -f1)"
cat >"$work/image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm"}]}
JSON
cat >"$work/image/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["stategraph/debian-jre-base:bookworm-17"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out.partial" manifest.json config.json layer.tar
mv "$out.partial" "$out"
