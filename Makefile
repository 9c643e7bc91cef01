# lotr — see README.md. `make run` to use it, `make test` to test it.
SHELL   := /bin/bash
SWIFT   ?= swift
PREFIX  ?= /usr/local
FLOWS   ?= flows
RELEASE_FLAGS = -c release --static-swift-stdlib
DEBUG_BIN   = .build/debug/lotr
RELEASE_BIN = .build/release/lotr

.PHONY: run test check graph bench fuzz install deps test-deps build release clean

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

test: test-deps
	$(SWIFT) build
	set -o pipefail; $(SWIFT) test 2>&1 | tee .build/test-output.log
	$(DEBUG_BIN) check $(FLOWS)
	@# One closing line for the whole run (the XCTest runner reports 0 of its own: all tests use Swift Testing).
	@n=$$(grep -oE 'Test run with [0-9]+ tests' .build/test-output.log | grep -oE '[0-9]+' | tail -n 1); \
	  echo "tests: $${n:-0} passed, 0 failed"

check: build
	$(DEBUG_BIN) check $(FLOWS)

graph: build
	$(DEBUG_BIN) graph --flows $(FLOWS)

# Performance figures (see BENCHMARKS.md): start-up, keystroke latency, load time, memory.
bench: release
	python3 bench/run.py --binary $(RELEASE_BIN)

# Coverage-guided fuzzing of the flow loader and the expression parser.
SECONDS ?= 60
fuzz: deps
	bash fuzz/run.sh $(SECONDS)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lotr/flows
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lotr
	install -m 0644 $(FLOWS)/*.yaml $(FLOWS)/README.md $(DESTDIR)$(PREFIX)/share/lotr/flows/

clean:
	rm -rf .build
