# lotr — see README.md. `make run` to use it, `make test` to test it.
SWIFT   ?= swift
PREFIX  ?= /usr/local
FLOWS   ?= flows
RELEASE_FLAGS = -c release --static-swift-stdlib
DEBUG_BIN   = .build/debug/lotr
RELEASE_BIN = .build/release/lotr

.PHONY: run test check graph bench install deps test-deps build release clean

# The wide-character curses headers are the one system library lotr needs.
deps:
	@if [ ! -f /usr/include/ncursesw/curses.h ] && [ ! -f /usr/include/curses.h ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing the ncursesw headers (libncursesw5-dev)…"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libncursesw5-dev; \
	  else \
	    echo "lotr needs the ncursesw headers. Run:  sudo apt-get update && sudo apt-get install -y libncursesw5-dev" >&2; \
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
	$(SWIFT) test
	$(DEBUG_BIN) check $(FLOWS)

check: build
	$(DEBUG_BIN) check $(FLOWS)

graph: build
	$(DEBUG_BIN) graph --flows $(FLOWS)

install: release
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/lotr/flows
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/lotr
	install -m 0644 $(FLOWS)/*.yaml $(FLOWS)/README.md $(DESTDIR)$(PREFIX)/share/lotr/flows/

clean:
	rm -rf .build
