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

.PHONY: run build test lint mutation bench fuzz soak deps-build deps-test clean test-pg deps-pg \
	dist dist-linux dist-windows windows-exe dist-msi dist-check vet-windows deps-dist letter-fonts

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
# exits 0 even when it finds some, so its output decides. app/apptest,
# app/testdb and app/testforms are the tests' shared set-up: only tests
# reach them, by design.
lint: deps-build
	$(GO) run $(STATICCHECK) ./...
	@dead="$$($(GO) run $(DEADCODE) ./...)" || exit 1; \
	dead="$$(printf '%s\n' "$$dead" | grep -v '^app/\(apptest\|testdb\|testforms\)/' || true)"; \
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

# letter-fonts remakes letters/fonts/*.ttf from the Noto Sans faces Fyne
# bundles: every character kept, hinting and the layout tables (which gofpdf
# never reads) left out, so that each letter loads its fonts faster. The
# output is byte-for-byte reproducible; see letters/fonts/README.md.
FYNE_FONTS = $(shell go list -m -f '{{.Dir}}' fyne.io/fyne/v2)/theme/font
letter-fonts:
	@bash .ci/apt-ensure fonttools
	for face in Regular Bold; do \
		pyftsubset $(FYNE_FONTS)/NotoSans-$$face.ttf --unicodes='*' --layout-features='' \
			--no-hinting --drop-tables+=GSUB,GPOS,GDEF,TTFA \
			--output-file=letters/fonts/NotoSans-$$face.ttf; \
	done
	cd letters/fonts && sha256sum NotoSans-Regular.ttf NotoSans-Bold.ttf

clean:
	rm -f $(BINARY)
	rm -rf $(DIST)

# ---------------------------------------------------------------------------
# Distribution: `make dist` builds into dist/ (see the README section
# "Installing on the team's desktops"):
#   caseload-linux-amd64                   the Linux program
#   perinatal-caseload-V-linux-amd64.tar.gz  it, with a desktop file and the icon
#   caseload.exe                           the 64-bit Windows GUI program, with its
#                                          icon and version, screen-reader support
#   PerinatalCaseload-V.msi                the Windows Installer package of it
# and checks the last two with `file` and `msiinfo` (dist-check).
#
# The version V comes from FyneApp.toml. The Windows program is cross-built
# with Debian's MinGW-w64 (cgo: Fyne's OpenGL driver and SQLite), with the
# build tag accessibility (Fyne's screen-reader support). Its icon, version
# and manifest come from a .syso resource made by go-winres, not from
# `fyne package`, because fyne package runs its own go build with flags of
# its own: that would be a second full cross-build (about 13 minutes cold
# on 2 cores) beside the one CI keeps warm in Go's build cache.
#
# Signing (Authenticode, osslsigncode) runs when CERT_FILE is set:
#   CERT_FILE           the code-signing certificate and key, PKCS#12 (.pfx/.p12)
#   CERT_PASSWORD_FILE  a file holding its password (never on the command line)
#   CERT_TIMESTAMP_URL  optional: the certificate authority's RFC 3161
#                       time-stamping server, so signatures outlive the certificate
# e.g. make dist CERT_FILE=~/trust-codesign.pfx CERT_PASSWORD_FILE=~/codesign.pass \
#        CERT_TIMESTAMP_URL=http://timestamp.digicert.com
# Without CERT_FILE both files are left unsigned, with a message.
DIST        ?= dist
APP_VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
APP_BUILD   := $(shell sed -n 's/^Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
DIST_PKGS    = gcc-mingw-w64-x86-64 msitools wixl osslsigncode file
WIN_ENV      = CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc
WIN_TAGS     = accessibility
WIN_EXE     ?= $(DIST)/caseload.exe
GOWINRES     = github.com/tc-hib/go-winres@v0.3.3
RELEASE_LDFLAGS = -X main.Version=$(APP_VERSION)
LINUX_TAR    = perinatal-caseload-$(APP_VERSION)-linux-amd64
MSI          = $(DIST)/PerinatalCaseload-$(APP_VERSION).msi
CERT_FILE          ?=
CERT_PASSWORD_FILE ?=
CERT_TIMESTAMP_URL ?=

dist: deps-build deps-dist
	@$(MAKE) --no-print-directory dist-linux dist-windows dist-msi dist-check

deps-dist:
	@bash .ci/apt-ensure $(DIST_PKGS)

dist-linux:
	@mkdir -p $(DIST)/$(LINUX_TAR)
	$(GO) build -ldflags "$(RELEASE_LDFLAGS)" -o $(DIST)/caseload-linux-amd64 .
	cp $(DIST)/caseload-linux-amd64 $(DIST)/$(LINUX_TAR)/caseload
	cp packaging/linux/perinatal-caseload.desktop $(DIST)/$(LINUX_TAR)/
	cp assets/icon.png $(DIST)/$(LINUX_TAR)/perinatal-caseload.png
	tar -C $(DIST) --owner=0 --group=0 --sort=name -czf $(DIST)/$(LINUX_TAR).tar.gz $(LINUX_TAR)
	rm -rf $(DIST)/$(LINUX_TAR)

# windows-exe cross-builds the Windows program (no resources): what CI
# builds on every run, so that a change that breaks Windows fails CI.
windows-exe:
	@mkdir -p $(dir $(WIN_EXE)) && rm -f $(WIN_EXE) # never keep (and sign again) a signed old one
	$(WIN_ENV) $(GO) build -tags $(WIN_TAGS) -ldflags "-H=windowsgui $(RELEASE_LDFLAGS)" -o $(WIN_EXE) .

# dist-windows adds the icon, version and manifest (a .syso beside main.go,
# which go build links in for Windows only, removed again afterwards).
dist-windows:
	$(GO) run $(GOWINRES) simply --arch amd64 --out rsrc --manifest gui --icon assets/icon.png \
		--product-name "Perinatal Caseload" --file-description "Perinatal Caseload" \
		--original-filename caseload.exe --copyright "Perinatal Caseload" \
		--product-version $(APP_VERSION).$(APP_BUILD) --file-version $(APP_VERSION).$(APP_BUILD)
	@$(MAKE) --no-print-directory windows-exe WIN_EXE=$(DIST)/caseload.exe; rc=$$?; rm -f rsrc_windows_amd64.syso; exit $$rc
	@$(call sign,$(DIST)/caseload.exe)

# dist-msi packs the (signed) program into the MSI, adds SERVER_URL to the
# properties passed to the elevated install (wixl cannot), and signs it.
dist-msi:
	cd $(DIST) && wixl -a x64 -D Version=$(APP_VERSION) -D Exe=caseload.exe \
		-o $(notdir $(MSI)) $(CURDIR)/packaging/windows/caseload.wxs
	msibuild $(MSI) -q "UPDATE \`Property\` SET \`Value\` = 'WIX_DOWNGRADE_DETECTED;WIX_UPGRADE_DETECTED;SERVER_URL' WHERE \`Property\` = 'SecureCustomProperties'"
	@$(call sign,$(MSI))

# sign FILE signs FILE in place when CERT_FILE is set.
define sign
if [ -z "$(CERT_FILE)" ]; then \
	echo "dist: $(1) is NOT signed: set CERT_FILE and CERT_PASSWORD_FILE to sign it (see the Makefile)"; \
else \
	osslsigncode sign -pkcs12 "$(CERT_FILE)" -readpass "$(CERT_PASSWORD_FILE)" -h sha256 \
		-n "Perinatal Caseload" $(if $(CERT_TIMESTAMP_URL),-ts "$(CERT_TIMESTAMP_URL)") \
		-in "$(1)" -out "$(1).signed" && mv "$(1).signed" "$(1)" && echo "dist: signed $(1)"; \
fi
endef

# dist-check fails unless the program is a 64-bit Windows GUI executable and
# the MSI's File and Shortcut tables install it and its Start-menu shortcut.
dist-check:
	@file -b $(DIST)/caseload.exe | grep -q '^PE32+ executable (GUI) x86-64' || \
		{ echo "dist-check: $(DIST)/caseload.exe is not a 64-bit Windows GUI program: $$(file -b $(DIST)/caseload.exe)"; exit 1; }
	@msiinfo export $(MSI) File | grep -q '	caseload.exe	' || \
		{ echo "dist-check: the MSI's File table has no caseload.exe"; exit 1; }
	@msiinfo export $(MSI) Shortcut | grep -q 'ProgramMenuFolder	Perinatal Caseload	.*\[INSTALLDIR\]caseload.exe' || \
		{ echo "dist-check: the MSI's Shortcut table has no Start-menu shortcut to caseload.exe"; exit 1; }
	@echo "dist-check: $(DIST)/caseload.exe is a PE32+ GUI x86-64 program; $(MSI) installs it with a Start-menu shortcut"
	@ls -l $(DIST)

# vet-windows vets the code as it compiles for Windows. It needs cgo (and
# so MinGW): without it go-sqlite3 compiles to a stub that lacks what app
# uses, and plain GOOS=windows go vet fails on that, not on the code.
vet-windows: deps-dist
	$(WIN_ENV) $(GO) vet -tags $(WIN_TAGS) ./...
