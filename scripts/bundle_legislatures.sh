#!/usr/bin/env bash
# Fold the Wikidata extracts of four national legislatures (every-politician-scrapers, CC0) into the bundled
# knowledge base: Mexico's Chamber of Deputies, Spain's Congress of
# Deputies, the UK House of Commons and the House of Commons of Canada. Each extract holds every member from
# the first legislature it covers (--complete-from: a member whose run reaches that day may have served
# before, so the run's start is open); a member re-elected at the next election is one stretch across the
# dissolution (--join-within), as texts of the campaign still call them deputy or MP.
#
#   scripts/bundle_legislatures.sh MIRROR [DATA]
# MIRROR: a folder of git mirrors named every-politician-scrapers+<repo> (the `fetch` tool's layout);
# DATA: the tables to fold into (checker/kb/data).
set -euo pipefail
mirror=${1:?MIRROR}
root=$(cd "$(dirname "$0")/.." && pwd)
data=${2:-$root/checker/kb/data}
py=${PYTHON:-$root/.venv/bin/python}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

extract() {  # repo -> the path of its html/legislators.csv, and the source column's text in $source
    local git
    git=$(ls -d "$mirror/every-politician-scrapers+$1"/*/ | head -1)
    git --git-dir="$git" show HEAD:html/legislators.csv >"$tmp/$1.csv"
    source="every-politician-scrapers/$1@$(git --git-dir="$git" log -1 --format=%h HEAD):html/legislators.csv (Wikidata, CC0)"
}

fold() {  # repo, then bundle_layer.py's options
    local repo=$1
    shift
    extract "$repo"
    "$py" "$root/scripts/bundle_layer.py" wikidata "$tmp/$repo.csv" --source "$source" --data "$data" "$@"
}

# (not the extract's Mexican Senate rows: few, and most end with the legislature in the middle of a senator's
# six years, "2018-12-01..2021-08-31", which would make every later mention look stale)
fold mexico-ministers --country MX --complete-from 1997-09-01 \
    --map "Member of the Chamber of Deputies of Mexico=mx.federal_deputy"
fold spain-ministers --country ES --complete-from 1996-03-27 --join-within 100 \
    --map "Member of the Congress of Deputies=es.congress_deputy"
uk=()
for n in 52nd 53rd 54th 55th 56th 57th 58th; do
    uk+=(--map "Member of the $n Parliament of the United Kingdom=gb.member_of_parliament")
done
fold united-kingdom-cabinet --country GB --complete-from 1997-05-01 --join-within 100 "${uk[@]}"
# Canada's extract dates a parliament from its first sitting, weeks after the election: up to 150 days apart
fold canada-cabinet --country CA --complete-from 1997-06-02 --join-within 150 \
    --map "member of the House of Commons=ca.member_of_parliament"
