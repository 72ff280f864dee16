#!/usr/bin/env bash
# Run the extension in a plain JupyterLab on 127.0.0.1 with the sample hub's
# settings, applied the way hub operators apply them: a settings overrides file
# in a Jupyter config directory (demo/config). Nothing in ~/.jupyter is touched.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/build/demo-lab"
mkdir -p "$state/settings" "$state/workspaces" "$state/files"

port="${HUB_HELP_DEMO_PORT:-8888}"
token="$(python -c 'import secrets; print(secrets.token_hex(16))')"
export JUPYTER_CONFIG_PATH="$root/demo/config"
export JUPYTERLAB_SETTINGS_DIR="$state/settings"
export JUPYTERLAB_WORKSPACES_DIR="$state/workspaces"

cat <<MSG

  jupyterlab-hub-help demo (plain JupyterLab, sample community settings)
  Open:  http://127.0.0.1:$port/lab?token=$token
  Stop:  Ctrl-C

MSG
extra=()
[ "$(id -u)" = 0 ] && extra+=(--allow-root)
exec jupyter lab --no-browser --ip=127.0.0.1 --port="$port" --port-retries=0 \
  --ServerApp.token="$token" --ServerApp.root_dir="$state/files" "${extra[@]}"
