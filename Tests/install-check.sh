#!/usr/bin/env bash
# `make install PREFIX=<fresh folder>` installs lotr(1) and the bash, zsh and fish completions;
# `man -l` renders the page, and it documents every command and option that `--help` lists
# (so the page cannot drift from the program), the environment variables, the files and every
# exit status. Run by `make test` (target install-check).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
failures=0
fail() { echo "install-check: $*" >&2; failures=$((failures + 1)); }

make --no-print-directory install PREFIX="$prefix" >/dev/null

page_file="$prefix/share/man/man1/lotr.1"
bin="$prefix/bin/lotr"
for f in "$bin" "$page_file" "$prefix/share/bash-completion/completions/lotr" \
         "$prefix/share/zsh/site-functions/_lotr" "$prefix/share/fish/vendor_completions.d/lotr.fish"; do
  [ -s "$f" ] || fail "not installed: ${f#$prefix/}"
done

# ASCII output, no hyphenation at line ends: options are searched for as written.
page=$(LC_ALL=C MANWIDTH=200 man --no-hyphenation -l "$page_file" 2>&1) || fail "man -l failed: $page"
for heading in NAME SYNOPSIS DESCRIPTION ENVIRONMENT FILES "EXIT STATUS" "SEE ALSO"; do
  grep -q "^$heading" <<<"$page" || fail "the page has no $heading section"
done
for var in LOTR_FLOWS LOTR_KIOSK_PIN LOTR_FLOW_CACHE XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME NO_COLOR LC_ALL LANG TERM; do
  grep -q "$var" <<<"$page" || fail "the page does not document \$$var"
done
exits=$(sed -n '/^EXIT STATUS/,/^[A-Z]/p' <<<"$page")
for code in 0 1 2 3 64; do
  grep -qE "^ +$code( |$)" <<<"$exits" || fail "EXIT STATUS does not explain status $code"
done
grep -q "sessions.sqlite" <<<"$page" || fail "FILES does not name the sessions database"

# Every command and option --help shows, at every level, is in the page.
subcommands() { "$bin" "$@" --help | sed -n '/^SUBCOMMANDS:/,/^$/p' | sed -nE 's/^  ([a-z][a-z-]*).*/\1/p'; }
check_command() {
  local help; help=$("$bin" "$@" --help)
  for option in $(grep -oE -- '--[a-z][a-z-]+' <<<"$help" | sort -u); do
    grep -qF -- "$option" <<<"$page" || fail "lotr $* --help shows $option; the page does not"
  done
  # The command's overview, word for word: the generator drops characters it cannot write
  # (e.g. an ellipsis or a dash), which would leave a sentence with a gap.
  local overview; overview=$(sed -n '/^OVERVIEW: /,/^$/p' <<<"$help" | sed 's/^OVERVIEW: //' | tr -s ' \n' '  ' | sed 's/ *$//')
  [ -z "$overview" ] || grep -qF -- "$overview" <<<"$flat" || fail "the page does not carry the overview of 'lotr $*' as written: $overview"
  for sub in $(subcommands "$@"); do
    grep -qE "^ +$sub( |$)" <<<"$page" || fail "the page does not document 'lotr $* $sub'"
    check_command "$@" "$sub"
  done
}
flat=$(tr -s ' \n' '  ' <<<"$page")
check_command
grep -q "book" <<<"$(subcommands)" || fail "lotr --help does not list book"

# Completions: each shell's script names every top-level command; bash's parses.
for sub in $(subcommands); do
  for f in bash-completion/completions/lotr zsh/site-functions/_lotr fish/vendor_completions.d/lotr.fish; do
    grep -qw -- "$sub" "$prefix/share/$f" || fail "${f##*/} completion does not offer $sub"
  done
done
bash -n "$prefix/share/bash-completion/completions/lotr" || fail "the bash completion does not parse"
if command -v zsh >/dev/null 2>&1; then zsh -n "$prefix/share/zsh/site-functions/_lotr" || fail "the zsh completion does not parse"; fi
if command -v fish >/dev/null 2>&1; then fish -n "$prefix/share/fish/vendor_completions.d/lotr.fish" || fail "the fish completion does not parse"; fi

if [ "$failures" -gt 0 ]; then echo "install-check: $failures problem(s)" >&2; exit 1; fi
echo "install-check: man page and completions installed and complete"
