#!/usr/bin/env bash
# Rebuilds rootfs/var/lib/rpm/rpmdb.sqlite with the real rpm tools (Debian rpm package):
# two empty packages from the .spec files here, recorded with `rpm -i --justdb`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(mktemp -d)
mkdir -p "$top"/{SPECS,RPMS,BUILD,SOURCES,SRPMS} "$top/db"
for spec in "$here"/*.spec; do rpmbuild --define "_topdir $top" -bb "$spec" >/dev/null; done
rpm --dbpath "$top/db" --initdb
rpm --dbpath "$top/db" -i --justdb --nodeps --ignorearch --ignoreos $(find "$top/RPMS" -name '*.rpm')
sqlite3 "$top/db/rpmdb.sqlite" 'PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE; VACUUM;'
cp "$top/db/rpmdb.sqlite" "$here/rootfs/var/lib/rpm/rpmdb.sqlite"
rm -rf "$top"
