#!/usr/bin/env bash
# Runs ImagingWorklist on an embedded SQLite database with the demo network; extra arguments go to the app.
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run --project src/ImagingWorklist.Web -c Release -- "$@"
