# Perinatal Caseload: build, run and test.
# `make run` and `make test` install the Debian packages they need when run as
# root on a machine that lacks them, so a fresh Debian box needs nothing else.

GO        ?= go
BINARY    ?= caseload
BUILD_PKGS = libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols pkg-config
TEST_PKGS  = $(BUILD_PKGS) poppler-utils

.PHONY: run build test vet bench deps-build deps-test clean

run: deps-build build
	./$(BINARY)

build:
	$(GO) build -o $(BINARY) .

test: deps-test
	$(GO) vet ./...
	$(GO) test ./...

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...

deps-build:
	@bash .ci/apt-ensure $(BUILD_PKGS)

deps-test:
	@bash .ci/apt-ensure $(TEST_PKGS)

clean:
	rm -f $(BINARY)
