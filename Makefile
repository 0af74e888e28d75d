# Motpart. `make run` and `make test` do all the set-up on a fresh Debian or
# Ubuntu machine: they install the missing system packages first.

GO      ?= go
# Fyne 2.8 builds for X11 here (Wayland would need two more -dev packages);
# migrated_fynedo because FyneApp.toml declares the fyne.Do migration.
TAGS    := x11,migrated_fynedo
# The window itself is built without Fyne's colour emoji font (no_emoji): it
# is parsed again for every text style, 20 MB of a window that shows register
# data and never needs it (docs/PERFORMANCE.md, "Memory"). An emoji typed in
# a note is drawn with the system's emoji font if there is one.
APPTAGS := $(TAGS),no_emoji
BIN     := bin
PKGS    := ./...
# -race needs cgo, which needs gcc: use it when it is there.
RACE    := $(shell [ "$$($(GO) env CGO_ENABLED 2>/dev/null)" = 1 ] && command -v gcc >/dev/null && echo -race)
FUZZTIME ?= 30s
# Releases go to dist/, never bin/. VERSION is FyneApp.toml's (setup's
# baseVersion equals it, a test checks).
DIST    := dist
VERSION := $(shell sed -n 's/^Version *= *"\([^"]*\)".*/\1/p' FyneApp.toml)

.PHONY: all run build desktop cli test test-aged check unit deps-build deps-test deps-shots deps-release deps-release-check package release release-check install uninstall cross-check screenshots bench bench-classify memsoak fuzz clean

all: build

## run: install what is missing, build, and open Motpart on the sandbox.
run: desktop
	./$(BIN)/motpart-desktop

build: desktop cli

desktop: deps-build
	$(GO) build -tags $(APPTAGS) -o $(BIN)/motpart-desktop ./cmd/desktop

cli:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/motpart ./cmd/motpart

## test: gofmt, go vet, staticcheck and every test (GUI tests headless).
test: deps-test check unit

check:
	@echo "gofmt"; out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
		if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) $(PKGS)
	$(GO) tool staticcheck -tags $(TAGS) $(PKGS)

unit:
	$(GO) test $(RACE) -tags $(TAGS) -count=1 -timeout 30m $(PKGS)

## test-aged: the unit tests with every pinned test clock moved a month,
## then a year, ahead (internal/testclock): the suite must not age.
test-aged: deps-test
	MOTPART_TEST_CLOCK_SHIFT=720h $(GO) test $(RACE) -tags $(TAGS) -count=1 -timeout 30m $(PKGS)
	MOTPART_TEST_CLOCK_SHIFT=8760h $(GO) test $(RACE) -tags $(TAGS) -count=1 -timeout 30m $(PKGS)

deps-build:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh build test

deps-shots:
	@scripts/install-deps.sh shots

## package: the Linux tarball dist/Motpart-VERSION-linux-amd64.tar.xz: the
## window, the command line, the .desktop file (names in en/sv/nb/fi), the
## icon, the licences and a Makefile with `make install` (scripts/release-linux.sh).
## It builds in dist/linux, never bin/, and redoes only what changed.
package: deps-build
	GO=$(GO) APPTAGS=$(APPTAGS) scripts/release-linux.sh $(DIST)

## release: everything in dist/: the Windows zip (window cross-built with
## MinGW-w64 and packaged by fyne package, motpart.exe, READ-ME, licences),
## the Linux tarball and the .deb (nFPM). docs/RELEASE.md.
release: deps-release
	GO=$(GO) APPTAGS=$(APPTAGS) scripts/release-windows.sh $(DIST)
	GO=$(GO) APPTAGS=$(APPTAGS) scripts/release-linux.sh $(DIST) deb

## release-check: start the Windows build under Wine (Xvfb), install the .deb
## and the tarball, and print PASS/FAIL per step (scripts/release-check.sh).
release-check: deps-release-check release
	scripts/release-check.sh $(DIST)

## install / uninstall: the packaged program for you alone, no root:
## ~/.local/bin, ~/.local/share/applications, ~/.local/share/icons
## (PREFIX=... to change). The vault is never touched.
install: package
	$(MAKE) -C $(DIST)/linux/Motpart-$(VERSION) install

uninstall:
	$(MAKE) -f packaging/linux/Makefile uninstall

## cross-check: compile checks for macOS and Windows without cgo (CI runs it).
cross-check:
	GO=$(GO) TAGS=$(TAGS) scripts/release-crosscheck.sh

deps-release:
	@scripts/install-deps.sh release

deps-release-check:
	@scripts/install-deps.sh release-check

## screenshots: the real window under Xvfb, one PNG per screen in docs/screenshots.
## It runs bin/motpart-desktop-shots, the window built with the screenshots
## tag: the flags that put it in a given state are not in the shipped program.
screenshots: deps-shots deps-build cli
	$(GO) build -tags $(APPTAGS),screenshots -o $(BIN)/motpart-desktop-shots ./cmd/desktop
	scripts/screenshots.sh docs/screenshots

## bench: the benchmarks behind docs/PERFORMANCE.md.
bench:
	@scripts/install-deps.sh bench
	$(GO) test -run '^$$' -bench . -benchmem -cpu 1 ./internal/ident/
	$(GO) test -run '^$$' -bench . -benchmem ./internal/vault/
	$(GO) test -run '^$$' -bench . -benchmem ./internal/ownership/
	$(GO) test -run '^$$' -bench LookupRichest -benchtime 200x ./internal/desk/
	$(GO) test -run '^$$' -bench . -benchmem ./internal/registry/...
	$(GO) test -run '^$$' -bench . -benchmem ./internal/classify/
	bench/rrh-import.sh 50 500

## bench-classify: classifying a 100,000-row customer register against a
## 1.2-million-row sector file, pandas and Motpart side by side, for
## docs/PERFORMANCE.md's "Classifying customers" (installs python3-pandas).
bench-classify:
	@scripts/install-deps.sh bench-classify
	bench/classify/compare.sh

## memsoak: the window's memory after one lookup and after 200 (about 12
## minutes under Xvfb), for docs/PERFORMANCE.md's "Memory".
memsoak: deps-shots deps-build
	bench/memsoak.sh 200

## fuzz: each fuzz target for FUZZTIME (default 30s), and every single-bit
## flip of a small vault (TestBitFlips; `make test` runs a sample of it).
fuzz:
	$(GO) test -count=1 -run '^TestBitFlips$$' -timeout 60m -v ./internal/vault/ -flips=all
	@for pkg in $$($(GO) list ./...); do \
		for f in $$($(GO) test -list '^Fuzz' $$pkg 2>/dev/null | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

clean:
	rm -rf $(BIN) $(DIST) Motpart.tar.xz
