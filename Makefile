# Perinatal Caseload: build, run and test.
# `make run` and `make test` install the Debian packages they need when run as
# root on a machine that lacks them, so a fresh Debian box needs nothing else.

GO        ?= go
BINARY    ?= caseload
BUILD_PKGS = libgl1-mesa-dev xorg-dev libwayland-dev libxkbcommon-dev wayland-protocols pkg-config
TEST_PKGS  = $(BUILD_PKGS) poppler-utils
PG_PKGS    = postgresql postgresql-common
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
DEADCODE    = golang.org/x/tools/cmd/deadcode@v0.52.0
GREMLINS    = github.com/go-gremlins/gremlins/cmd/gremlins@v0.5.0

.PHONY: run build test lint mutation bench fuzz soak deps-build deps-test clean test-pg deps-pg

run: deps-build build
	./$(BINARY)

build:
	$(GO) build -o $(BINARY) .

test: deps-test lint
	$(GO) vet ./...
	$(GO) test ./...
	@$(MAKE) --no-print-directory test-pg

# test-pg runs the application and command-line tests again, against a
# throwaway PostgreSQL cluster (pg_virtualenv); see .ci/test-pg.
test-pg: deps-pg
	@GO="$(GO)" bash .ci/test-pg

deps-pg:
	@bash .ci/apt-ensure $(PG_PKGS)

# lint fails on any staticcheck finding (checks are set in staticcheck.conf)
# and on any function that no command of the module can reach. deadcode
# exits 0 even when it finds some, so its output decides. app/apptest and
# app/testdb are the tests' shared set-up: only tests reach them, by design.
lint: deps-build
	$(GO) run $(STATICCHECK) ./...
	@dead="$$($(GO) run $(DEADCODE) ./...)" || exit 1; \
	dead="$$(printf '%s\n' "$$dead" | grep -v '^app/\(apptest\|testdb\)/' || true)"; \
	if [ -n "$$dead" ]; then echo "$$dead"; echo "deadcode: the functions above are unreachable; remove them"; exit 1; fi

# mutation measures how well the tests of the pure rules in models/ (the
# screening criteria, dates, NHS numbers, postcodes and the letter-kind
# table) catch a broken rule; the clinical safety case quotes its figures.
# It fails below 95% efficacy or 90% mutant coverage. Not part of make test:
# it takes several minutes.
mutation: deps-build
	$(GO) run $(GREMLINS) unleash --threshold-efficacy 95 --threshold-mcover 90 ./models

bench: deps-test
	$(GO) test -run '^$$' -bench . -benchtime 1x ./...

# fuzz runs each native fuzz test for FUZZTIME (their seeds already run in
# `make test`). New inputs that fail are kept under the package's
# testdata/fuzz, where `go test` then runs them too.
FUZZTIME ?= 60s
FUZZ_TARGETS = ./models:FuzzNormaliseNHSNumber ./models:FuzzNormalisePostcode ./models:FuzzParseUKDate \
	./app/referralform:FuzzParse ./letters:FuzzTemplate
fuzz:
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; echo "fuzz: $$fn in $$pkg for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

# soak kills an import with SIGKILL at random moments SOAK_KILLS times
# (the suite does it 20 times), checking the database after every kill.
SOAK_KILLS ?= 1000
soak: deps-test
	CASELOAD_SOAK_KILLS=$(SOAK_KILLS) $(GO) test -count=1 -timeout 4h -run '^TestImportKilledAtRandomPointsLosesNothing$$' -v . | grep -v '^=== '

deps-build:
	@bash .ci/apt-ensure $(BUILD_PKGS)

deps-test:
	@bash .ci/apt-ensure $(TEST_PKGS)

clean:
	rm -f $(BINARY)
