#!/usr/bin/env bash
# Run the widget and graphics tests with Noto Sans as the system's default
# sans-serif (as on a machine with Debian's fonts-noto-core), to prove that
# tests measuring text do not depend on the machine's default font.
# Needs apt (downloads the package; installs nothing system-wide).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-core >/dev/null 2>&1 && dpkg-deb -x fonts-noto-core_*.deb root)
cat > "$work/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$work/root/usr/share/fonts/truetype/noto</dir>
  <cachedir>$work/cache</cachedir>
  <match target="pattern">
    <test qual="any" name="family"><string>sans-serif</string></test>
    <edit name="family" mode="prepend" binding="strong"><string>Noto Sans</string></edit>
  </match>
</fontconfig>
CONF
export FONTCONFIG_FILE="$work/fonts.conf" QT_QPA_PLATFORM=offscreen
default=$(.venv/bin/python -c "from PySide6.QtGui import QGuiApplication, QFont, QFontInfo; a = QGuiApplication([]); print(QFontInfo(QFont()).family())")
echo "system default font for this run: $default"
[ "$default" = "Noto Sans" ] || { echo "could not make Noto Sans the default"; exit 2; }
.venv/bin/python -m pytest -q tests/ui tests/graphics "$@"
