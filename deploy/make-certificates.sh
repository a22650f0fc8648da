#!/usr/bin/env bash
# Makes the two certificates the OpenID Connect server needs outside Development: one signs tokens, one encrypts
# them. Self-signed is fine (only this app reads them); keep the files and the password out of version control.
#   deploy/make-certificates.sh [folder]     (default: ./certs; the password is read from CERT_PASSWORD)
set -euo pipefail
folder="${1:-certs}"
: "${CERT_PASSWORD:?set CERT_PASSWORD to the password that protects the certificate files}"
mkdir -p "$folder"
for purpose in signing encryption; do
  usage=$([ "$purpose" = signing ] && echo digitalSignature || echo keyEncipherment)
  openssl req -x509 -newkey rsa:3072 -sha256 -days 730 -nodes -subj "/CN=ImagingWorklist token $purpose" \
    -addext "keyUsage=critical,$usage" -keyout "$folder/$purpose.key" -out "$folder/$purpose.crt" 2>/dev/null
  openssl pkcs12 -export -inkey "$folder/$purpose.key" -in "$folder/$purpose.crt" -out "$folder/$purpose.pfx" -passout env:CERT_PASSWORD
  rm "$folder/$purpose.key" "$folder/$purpose.crt"
  chmod 600 "$folder/$purpose.pfx"
done
echo "Wrote $folder/signing.pfx and $folder/encryption.pfx"
