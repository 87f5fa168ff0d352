# Perinatal Caseload: build, run and test.
# `make run` and `make test` install the Debian packages they need when run as
# root on a machine that lacks them, so a fresh Debian box needs nothing else.

GO        ?= go
BINARY    ?= caseload
BUILD_PKGS = libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols pkg-config
TEST_PKGS  = $(BUILD_PKGS) poppler-utils
PG_PKGS    = postgresql postgresql-common

.PHONY: run build test vet bench deps-build deps-test clean test-pg deps-pg

run: deps-build build
	./$(BINARY)

build:
	$(GO) build -o $(BINARY) .

test: deps-test
	$(GO) vet ./...
	$(GO) test ./...
	@$(MAKE) --no-print-directory test-pg

# test-pg runs the application and command-line tests again, against a
# throwaway PostgreSQL cluster (pg_virtualenv); see .ci/test-pg.
test-pg: deps-pg
	@GO="$(GO)" bash .ci/test-pg

deps-pg:
	@bash .ci/apt-ensure $(PG_PKGS)

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...

deps-build:
	@bash .ci/apt-ensure $(BUILD_PKGS)

deps-test:
	@bash .ci/apt-ensure $(TEST_PKGS)

clean:
	rm -f $(BINARY)
