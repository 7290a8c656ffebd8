#!/usr/bin/env bash
# The report tests open report.html in Debian's Chromium (headless, through playwright-core). Installs it
# when it is missing and this runs as root. Otherwise it prints the install command, and the browser tests report Chromium missing.
command -v chromium >/dev/null && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the report tests…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
else
  echo "warning: chromium is not installed; the report tests need it (sudo apt-get install chromium)." >&2
fi
exit 0
