# lotr — see README.md. `make run` to use it, `make test` to test it.
SHELL   := /bin/bash
SWIFT   ?= swift
PREFIX  ?= /usr/local
FLOWS   ?= flows
# The release link (BENCHMARKS.md, "Memory" and "Start-up"): every function in its own section,
# linked by lld with the code that runs when lotr is used packed together at the front
# (bench/link-order.txt), relative relocations packed (DT_RELR), and no dynamic symbol table
# for our own functions, which nothing looks up.
LINK_ORDER    = $(CURDIR)/bench/link-order.txt
RELEASE_FLAGS = -c release --static-swift-stdlib \
	-Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
	-Xswiftc -use-ld=lld -Xlinker -z -Xlinker pack-relative-relocs \
	-Xlinker --symbol-ordering-file=$(LINK_ORDER) -Xlinker --no-warn-symbol-ordering \
	-Xlinker --no-export-dynamic
DEBUG_BIN   = .build/debug/lotr
RELEASE_BIN = .build/release/lotr

.PHONY: run test check graph bench fuzz install deps test-deps build release clean link-order
.PHONY: book book-deps book-test-deps man completions install-check

# System libraries: wide-character curses for the terminal, SQLite for saved sessions.
SYSTEM_HEADERS  = /usr/include/ncursesw/curses.h /usr/include/sqlite3.h
SYSTEM_PACKAGES = libncursesw5-dev libsqlite3-dev
deps:
	@missing=0; for h in $(SYSTEM_HEADERS); do [ -f $$h ] || missing=1; done; \
	if [ $$missing = 1 ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing system libraries: $(SYSTEM_PACKAGES)"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES); \
	  else \
	    echo "lotr needs these system libraries. Run:  sudo apt-get update && sudo apt-get install -y $(SYSTEM_PACKAGES)" >&2; \
	    exit 1; \
	  fi; \
	fi

# The end-to-end tests drive the real binary in tmux.
test-deps: deps book-test-deps
	@if ! command -v tmux >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tmux; \
	  else \
	    echo "The end-to-end tests need tmux. Run:  sudo apt-get install -y tmux" >&2; exit 1; \
	  fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build $(RELEASE_FLAGS)

run: release
	$(RELEASE_BIN) --flows $(FLOWS)

# The command-line and terminal tests run twice: on the debug build, and on the release build,
# which is linked differently (see RELEASE_FLAGS) and is the one people run.
test: test-deps
	$(SWIFT) build
	@# The tests' flow caches go beside the build, not into the user's ~/.cache.
	set -o pipefail; XDG_CACHE_HOME=$(CURDIR)/.build/test-cache $(SWIFT) test 2>&1 | tee .build/test-output.log
	$(DEBUG_BIN) check $(FLOWS)
	$(SWIFT) build $(RELEASE_FLAGS)
	set -o pipefail; XDG_CACHE_HOME=$(CURDIR)/.build/test-cache LOTR_TEST_BINARY=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build --filter LotrCLITests 2>&1 \
	  | tee .build/test-release-output.log
	$(RELEASE_BIN) check $(FLOWS) --quiet
	$(MAKE) --no-print-directory install-check
	@# One closing line for the whole run (the XCTest runner reports 0 of its own: all tests use Swift Testing).
	@n=$$(grep -oE 'Test run with [0-9]+ tests' .build/test-output.log | grep -oE '[0-9]+' | tail -n 1); \
	  r=$$(grep -oE 'Test run with [0-9]+ tests' .build/test-release-output.log | grep -oE '[0-9]+' | tail -n 1); \
	  echo "tests: $${n:-0} passed, 0 failed (and $${r:-0} command-line tests again on the release build)"

check: build
	$(DEBUG_BIN) check $(FLOWS)

graph: build
	$(DEBUG_BIN) graph --flows $(FLOWS)

# Performance figures (see BENCHMARKS.md): start-up, keystroke latency, load time, memory.
bench: release
	python3 bench/run.py --binary $(RELEASE_BIN)

# Regenerates bench/link-order.txt from what the release binary runs under valgrind.
link-order: deps
	$(SWIFT) build $(RELEASE_FLAGS) -Xlinker -Map=$(CURDIR)/.build/lotr-release.map
	python3 bench/link_order.py --binary $(RELEASE_BIN) --map .build/lotr-release.map

# Coverage-guided fuzzing of the flow loader, the expression parser and decide's answers reader.
SECONDS ?= 60
fuzz: deps
	bash fuzz/run.sh $(SECONDS)

install: release man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lotr/flows
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lotr
	install -m 0644 $(FLOWS)/*.yaml $(FLOWS)/README.md $(DESTDIR)$(PREFIX)/share/lotr/flows/
	install -d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0644 $(MAN_PAGE) $(DESTDIR)$(PREFIX)/share/man/man1/lotr.1
	install -m 0644 $(COMPLETIONS)/lotr.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/lotr
	install -m 0644 $(COMPLETIONS)/_lotr $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_lotr
	install -m 0644 $(COMPLETIONS)/lotr.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/lotr.fish

# The review book for lawyers (`lotr book`): the decision tree is drawn by Graphviz when it is
# installed (the book says so, and is complete without it).
BOOK_DIR = .build/book
book: build book-deps
	$(DEBUG_BIN) book --flows $(FLOWS) --output $(BOOK_DIR)/index.html
	@echo "Wrote $(BOOK_DIR)/index.html"

book-deps:
	@if ! command -v dot >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Graphviz (the review book's picture): graphviz"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz; \
	  else \
	    echo "The review book's picture needs Graphviz. Run:  sudo apt-get update && sudo apt-get install -y graphviz" >&2; \
	  fi; \
	fi

# The book's tests check the HTML with html5lib (strict parser, Debian's python3) and render the
# man page with man-db and groff.
BOOK_TEST_PACKAGES = python3-html5lib man-db groff-base
book-test-deps: book-deps
	@if ! /usr/bin/python3 -c 'import html5lib' >/dev/null 2>&1 || ! command -v man >/dev/null 2>&1 || ! command -v groff >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BOOK_TEST_PACKAGES); \
	  else \
	    echo "The book and manual tests need: $(BOOK_TEST_PACKAGES). Run:  sudo apt-get install -y $(BOOK_TEST_PACKAGES)" >&2; exit 1; \
	  fi; \
	fi

# lotr(1): the commands and options generated from the command definitions by
# swift-argument-parser's generate-manual plugin, with the environment, files and exit status
# (man/lotr-sections.mdoc) spliced in place of its generic EXIT STATUS.
MAN_PAGE  = .build/man/lotr.1
MAN_DATE ?= $(shell git log -1 --format=%cs 2>/dev/null || date -u +%F)
man: build
	$(SWIFT) package --disable-sandbox plugin generate-manual --configuration debug --date $(MAN_DATE) --authors "lotr contributors"
	@mkdir -p $(dir $(MAN_PAGE))
	@generated=$$(find .build/plugins -path '*GenerateManual*' -name lotr.1 | head -n 1); \
	  [ -n "$$generated" ] || { echo "generate-manual wrote no lotr.1" >&2; exit 1; }; \
	  awk -v extra=man/lotr-sections.mdoc ' \
	    /^\.Sh "EXIT STATUS"/ { while ((getline line < extra) > 0) print line; skip = 1; next } \
	    skip && /^\.Ex/ { skip = 0; next } { skip = 0; print }' "$$generated" > $(MAN_PAGE)
	@echo "Wrote $(MAN_PAGE)"

COMPLETIONS = .build/completions
completions: release
	@mkdir -p $(COMPLETIONS)
	$(RELEASE_BIN) --generate-completion-script bash > $(COMPLETIONS)/lotr.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(COMPLETIONS)/_lotr
	$(RELEASE_BIN) --generate-completion-script fish > $(COMPLETIONS)/lotr.fish

# `make install` into a fresh folder: the man page renders with every command, variable and
# exit status, and the completions name every command.
install-check:
	bash Tests/install-check.sh

clean:
	rm -rf .build
