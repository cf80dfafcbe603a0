#!/usr/bin/env bash
# Keep ONE standing issue, labelled "link-check", with the latest external link report:
# update it (or open it) when links are broken; close it when every link works again.
#
#     bash .github/scripts/link-issue.sh REPORT_MD
#
# Needs the gh CLI with GH_TOKEN and GH_REPO set; RUN_URL (optional) links the workflow run.
set -euo pipefail

report=$1
label=link-check
title="Links to other sites that do not work"
body=$(mktemp)
trap 'rm -f "$body"' EXIT
{
  cat "$report"
  echo
  echo "_Updated by the weekly link check${RUN_URL:+ ([run]($RUN_URL))}. This issue is kept up to date and closed when every link works._"
} >"$body"

existing=$(gh issue list --label "$label" --state all --limit 1 --json number --jq '.[0].number // empty')

if head -n 1 "$report" | grep -q '^Every link'; then
  if [ -n "$existing" ]; then
    gh issue edit "$existing" --body-file "$body"
    gh issue close "$existing" --comment "Every link to another site works again."
  fi
  echo "no broken links"
  exit 0
fi

if [ -n "$existing" ]; then
  gh issue reopen "$existing" >/dev/null 2>&1 || true
  gh issue edit "$existing" --title "$title" --body-file "$body"
  echo "updated issue #$existing"
else
  gh label create "$label" --color B60205 --description "Broken links found by the weekly check" --force
  gh issue create --title "$title" --label "$label" --body-file "$body"
fi
