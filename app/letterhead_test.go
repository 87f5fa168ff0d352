package app

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"perinatal-caseload/models"
)

// testImagePNG draws a w × h PNG: an NHS Blue band on a transparent ground.
func testImagePNG(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := h / 3; y < 2*h/3; y++ {
		for x := range w {
			img.Set(x, y, color.NRGBA{0, 94, 184, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// settingVersion returns the version of a setting the Settings screen would show.
func settingVersion(t testing.TB, s *Services, key string) int {
	t.Helper()
	all, err := s.Settings.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range all {
		if v.Key == key {
			return v.Version
		}
	}
	t.Fatalf("no setting %s", key)
	return 0
}

// pdfImageCount asks pdfimages (poppler-utils) how many images a PDF draws.
func pdfImageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "letter.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfimages", "-list", path).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	return len(strings.Split(strings.TrimSpace(string(out)), "\n")) - 2
}

// TestLogoIsStoredForEveryDesktopAndPrinted chooses a logo, reads it back
// from a second connection to the same database (another desktop), and
// finds it, with the trust's name, in the letterhead of an issued letter.
func TestLogoIsStoredForEveryDesktopAndPrinted(t *testing.T) {
	s, clock, path := newTestServices(t)
	admin := addStaff(t, s, "admin", models.RoleAdministrator)
	doc := addStaff(t, s, "doc", models.RoleClinician)
	if s.Settings.Logo() != nil {
		t.Fatal("a new database has a logo; the application ships none")
	}
	if err := s.Settings.SetLogo(admin, testImagePNG(t, 1200, 300), 0); err != nil {
		t.Fatal(err)
	}
	logo := s.Settings.Logo()
	if cfg, format, err := image.DecodeConfig(bytes.NewReader(logo)); err != nil || format != "png" || cfg.Width != 800 || cfg.Height != 200 {
		t.Fatalf("the stored logo is %s %d × %d (%v); want the PNG scaled to 800 × 200", format, cfg.Width, cfg.Height, err)
	}

	db2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer Close(db2)
	other := New(db2, clock)
	if !bytes.Equal(other.Settings.Logo(), logo) {
		t.Error("another desktop does not see the logo")
	}

	r := acceptedWithVideo(t, s, admin, doc, sampleReferral("9434765919"))
	issued, err := s.Letters.IssuePack(admin, r.ID, "")
	if err != nil {
		t.Fatal(err)
	}
	if n := pdfImageCount(t, issued[0].PDF); n != 1 {
		t.Errorf("the issued letter draws %d images, want the logo", n)
	}
	if text := pdfText(t, issued[0].PDF); !strings.Contains(text, "Leicestershire Partnership NHS Trust") {
		t.Errorf("the letterhead does not name the trust:\n%s", text)
	}

	// The audit trail records the image by size and fingerprint.
	var details []string
	s.core.db.Table("audit_events").Where("entity = ?", "setting").Pluck("after", &details)
	joined := strings.Join(details, "\n")
	if !strings.Contains(joined, "SHA-256") || strings.Contains(joined, base64.StdEncoding.EncodeToString(logo)[:40]) {
		t.Errorf("the audit trail records the logo as %q", joined)
	}

	if err := s.Settings.RemoveLogo(admin, settingVersion(t, s, SetLetterheadLogo)); err != nil {
		t.Fatal(err)
	}
	if s.Settings.Logo() != nil {
		t.Error("the logo is still there after Remove")
	}
}

func TestLogoRefusals(t *testing.T) {
	s, _, admin := newAdminServices(t)
	err := s.Settings.SetLogo(admin, []byte("GIF89a not a logo"), 0)
	var fe *models.FieldError
	if !errors.As(err, &fe) || fe.Field != settingField(SetLetterheadLogo) || !strings.Contains(err.Error(), "not a PNG or JPEG") {
		t.Errorf("a GIF: %v", err)
	}
	if err := s.Settings.SetLogo(admin, testImagePNG(t, 400, 100), 0); err != nil {
		t.Fatal(err)
	}
	var conflict *ConflictError
	if err := s.Settings.SetLogo(admin, testImagePNG(t, 300, 100), 0); !errors.As(err, &conflict) {
		t.Errorf("a stale logo choice: %v, want a conflict", err)
	}
	if err := s.Settings.Set(admin, SetLetterheadLogo, "anything", 1); err == nil {
		t.Error("Set wrote the logo as text")
	}
	worker := addStaff(t, s, "kate", models.RoleKeyWorker)
	var perm *PermissionError
	if err := s.Settings.RemoveLogo(worker, 1); !errors.As(err, &perm) {
		t.Errorf("a key worker removing the logo: %v", err)
	}
}

// TestReturnAddressMustBeWhole: the return address letters print must end
// with a postcode; the default, which does not, is shown with the problem.
func TestReturnAddressMustBeWhole(t *testing.T) {
	s, _, admin := newAdminServices(t)
	for _, bad := range []string{"Leicester", "Perinatal Mental Health Service\nLeicester", "1 Road\nLeicester\nnot a postcode"} {
		err := s.Settings.Set(admin, SetServiceAddress, bad, 0)
		var fe *models.FieldError
		if !errors.As(err, &fe) || fe.Field != settingField(SetServiceAddress) {
			t.Errorf("%q: %v", bad, err)
		}
	}
	all, _ := s.Settings.All()
	for _, v := range all {
		if v.Key == SetServiceAddress && !strings.Contains(v.Problem, "postcode") {
			t.Errorf("the default address shows no problem: %q", v.Problem)
		}
	}
	if err := s.Settings.Set(admin, SetServiceAddress, "Perinatal Mental Health Service\n1 Sample Road\nLeicester\nle1 1aa", 0); err != nil {
		t.Fatal(err)
	}
	if got := s.Letters.service().Address; len(got) != 4 || got[3] != "LE1 1AA" {
		t.Errorf("letters print the address as %q", got)
	}
	all, _ = s.Settings.All()
	for _, v := range all {
		if v.Key == SetServiceAddress && v.Problem != "" {
			t.Errorf("a whole address shows the problem %q", v.Problem)
		}
	}
}

func TestLetterheadTelephoneAndEmail(t *testing.T) {
	s, _, admin := newAdminServices(t)
	for key, bad := range map[string]string{SetServicePhone: " ", SetServiceEmail: "perinatal team"} {
		if err := s.Settings.Set(admin, key, bad, 0); err == nil {
			t.Errorf("%s %q was accepted", key, bad)
		}
	}
	if err := s.Settings.Set(admin, SetServiceEmail, "perinatal.team@nhs.example", 0); err != nil {
		t.Fatal(err)
	}
	if got := s.Letters.service().Email; got != "perinatal.team@nhs.example" {
		t.Errorf("letters print the email as %q", got)
	}
}
