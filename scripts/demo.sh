#!/usr/bin/env bash
# The main job on the bundled samples: check every dossier, then (when available) render,
# import and check TLV aanvragen. Writes into demo-uit/ (replaced on every run).
set -u
cd "$(dirname "$0")/.."
OD=.venv/bin/overdracht
OUT=demo-uit
rm -rf "$OUT"; mkdir -p "$OUT"

echo "== 1. Dossiers controleren (overdracht check samples/*.yaml)"
$OD check samples/*.yaml
echo "   (afsluitcode $?: 0 = alles compleet, 1 = er is een dossier onvolledig)"
echo
echo "== 2. Eén dossier in detail (overdracht check samples/po-so-zonder-toestemming.yaml)"
$OD check samples/po-so-zonder-toestemming.yaml | grep -v "n.v.t.\|✓"
echo

if $OD render --help >/dev/null 2>&1; then
  echo "== 3. Documenten maken (overdracht render samples/po-vo-lwoo.yaml -o $OUT/documenten)"
  $OD render samples/po-vo-lwoo.yaml -o "$OUT/documenten" --format docx,pdf
  ls "$OUT/documenten"
  echo
fi
if $OD import --help >/dev/null 2>&1 && [ -f samples/import/leerlingen-po-vo.xlsx ]; then
  echo "== 4. Importeren uit Excel (overdracht import samples/import/leerlingen-po-vo.xlsx)"
  $OD import samples/import/leerlingen-po-vo.xlsx -o "$OUT/geimporteerd" --transition po-vo
  echo
fi
if $OD tlv-check --help >/dev/null 2>&1 && [ -d samples/aanvragen ]; then
  echo "== 5. TLV-aanvragen controleren (overdracht tlv-check samples/aanvragen)"
  $OD tlv-check samples/aanvragen -o "$OUT/overzicht.xlsx" --overlay samples/swv-voorbeeld.yml
  echo
fi
echo "Klaar. Uitvoer staat in $OUT/."
exit 0
