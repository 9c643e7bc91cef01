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
test-deps: deps
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
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test-output.log
	$(DEBUG_BIN) check $(FLOWS)
	$(SWIFT) build $(RELEASE_FLAGS)
	set -o pipefail; LOTR_TEST_BINARY=$(CURDIR)/$(RELEASE_BIN) $(SWIFT) test --skip-build --filter LotrCLITests 2>&1 \
	  | tee .build/test-release-output.log
	$(RELEASE_BIN) check $(FLOWS) --quiet
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

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lotr/flows
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lotr
	install -m 0644 $(FLOWS)/*.yaml $(FLOWS)/README.md $(DESTDIR)$(PREFIX)/share/lotr/flows/

clean:
	rm -rf .build
