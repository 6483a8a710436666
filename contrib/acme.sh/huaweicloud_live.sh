#!/usr/bin/env sh
# acme.sh deploy hook: upload the renewed certificate to Huawei Cloud Live streaming domains
# with live-https-cert (pre-flight checks, read-compare-write: unchanged domains are not written).
#
# Install: copy to ~/.acme.sh/deploy/huaweicloud_live.sh, then
#   export HUAWEICLOUD_SDK_AK=... HUAWEICLOUD_SDK_SK=... HUAWEICLOUD_SDK_PROJECT_ID=...
#   export HUAWEICLOUD_LIVE_DOMAINS="play.example.com pull.example.com"   # default: the certificate's domain
#   acme.sh --deploy -d example.com -d '*.example.com' --deploy-hook huaweicloud_live
# acme.sh saves the settings below and reuses them on every renewal.
#
# Optional: HUAWEICLOUD_SDK_REGION (default cn-north-4), HUAWEICLOUD_SDK_ENDPOINT,
# HUAWEICLOUD_LIVE_VERIFY=1 (check what the domains serve after the upload, waiting up to 10 min),
# LIVE_HTTPS_CERT (the command, default live-https-cert; e.g. "npx live-https-cert").
# Domains the certificate does not cover are skipped with a note.

# No pathname expansion anywhere in the hook: a domain list is split on spaces, and a name such as
# `*.example.com` must stay a wildcard, not become the files of the directory acme.sh runs in.
# Globbing is turned off for the hook and restored as it was for acme.sh afterwards.
huaweicloud_live_deploy() {
  case $- in
    *f*) _huaweicloud_live_noglob=1 ;;
    *) _huaweicloud_live_noglob= ;;
  esac
  set -f
  _huaweicloud_live_deploy_noglob "$@"
  _huaweicloud_live_status=$?
  [ -z "$_huaweicloud_live_noglob" ] && set +f
  return $_huaweicloud_live_status
}

_huaweicloud_live_deploy_noglob() {
  _cdomain="$1"
  _ckey="$2"
  _ccert="$3"
  _cca="$4"
  _cfullchain="$5"

  _getdeployconf HUAWEICLOUD_SDK_AK
  _getdeployconf HUAWEICLOUD_SDK_SK
  _getdeployconf HUAWEICLOUD_SDK_PROJECT_ID
  _getdeployconf HUAWEICLOUD_SDK_REGION
  _getdeployconf HUAWEICLOUD_LIVE_DOMAINS
  _getdeployconf HUAWEICLOUD_LIVE_VERIFY

  if [ -z "$HUAWEICLOUD_SDK_AK" ] || [ -z "$HUAWEICLOUD_SDK_SK" ] || [ -z "$HUAWEICLOUD_SDK_PROJECT_ID" ]; then
    _err "set HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK and HUAWEICLOUD_SDK_PROJECT_ID"
    return 1
  fi
  _savedeployconf HUAWEICLOUD_SDK_AK "$HUAWEICLOUD_SDK_AK"
  _savedeployconf HUAWEICLOUD_SDK_SK "$HUAWEICLOUD_SDK_SK"
  _savedeployconf HUAWEICLOUD_SDK_PROJECT_ID "$HUAWEICLOUD_SDK_PROJECT_ID"
  [ -n "$HUAWEICLOUD_SDK_REGION" ] && _savedeployconf HUAWEICLOUD_SDK_REGION "$HUAWEICLOUD_SDK_REGION"
  [ -n "$HUAWEICLOUD_LIVE_DOMAINS" ] && _savedeployconf HUAWEICLOUD_LIVE_DOMAINS "$HUAWEICLOUD_LIVE_DOMAINS"
  [ -n "$HUAWEICLOUD_LIVE_VERIFY" ] && _savedeployconf HUAWEICLOUD_LIVE_VERIFY "$HUAWEICLOUD_LIVE_VERIFY"

  _domains="${HUAWEICLOUD_LIVE_DOMAINS:-$_cdomain}"
  set --
  for _d in $_domains; do
    case "$_d" in
      \**) _info "skipping $_d: a wildcard is not a Live domain; list the domains in HUAWEICLOUD_LIVE_DOMAINS" ;;
      *) set -- "$@" --domain "$_d" ;;
    esac
  done
  if [ "$#" -eq 0 ]; then
    _err "no Live domain to deploy to: set HUAWEICLOUD_LIVE_DOMAINS"
    return 1
  fi
  if [ -n "$HUAWEICLOUD_LIVE_VERIFY" ] && [ "$HUAWEICLOUD_LIVE_VERIFY" != "0" ]; then
    set -- "$@" --verify --wait 10m
  fi

  export HUAWEICLOUD_SDK_AK HUAWEICLOUD_SDK_SK HUAWEICLOUD_SDK_PROJECT_ID
  [ -n "$HUAWEICLOUD_SDK_REGION" ] && export HUAWEICLOUD_SDK_REGION
  _debug _cfullchain "$_cfullchain"
  # shellcheck disable=SC2086 # LIVE_HTTPS_CERT may be a command with arguments ("npx live-https-cert"); split, never globbed (set -f).
  if ${LIVE_HTTPS_CERT:-live-https-cert} deploy-hook --cert "$_cfullchain" --key "$_ckey" "$@"; then
    _info "live-https-cert deployed $_cdomain to: $_domains"
    return 0
  fi
  _err "live-https-cert deploy-hook failed (see its output above)"
  return 1
}
