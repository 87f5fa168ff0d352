package letters

import (
	"os/exec"
	"strings"
	"testing"
)

// imageCount asks pdfimages how many images a PDF's pages draw.
func imageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	out, err := exec.Command("pdfimages", "-list", writePDF(t, pdf)).Output()
	if err != nil {
		t.Fatalf("pdfimages: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	return len(lines) - 2 // a header line and a rule
}

// TestSignatureBlock reads back the sign-off: the author's name, role and
// registration in that order (the role and registration on one line), the line saying who issued the letter on her
// behalf, and the signature and logo images drawn.
func TestSignatureBlock(t *testing.T) {
	l := shortAcceptance(t)
	pdf := render(t, l)
	text := flat(pageTexts(t, pdf)[0])
	want := "Yours sincerely Dr Amira Patel Consultant perinatal psychiatrist, GMC 1234567 " +
		"Issued by Jo Smith, Team Administrator, on behalf of Dr Amira Patel."
	if !strings.Contains(text, want) {
		t.Errorf("the sign-off does not read %q:\n%s", want, text)
	}
	for _, w := range []string{"Perinatal Mental Health Service Leicestershire Partnership NHS Trust Sample House",
		"1 Sample Road", "LE1 1AA", "Telephone 0116 225 6846", "Email perinatal.team@nhs.example"} {
		if !strings.Contains(text, w) {
			t.Errorf("the letterhead does not read %q:\n%s", w, text)
		}
	}
	if n := imageCount(t, pdf); n != 2 {
		t.Errorf("the letter draws %d images, want the logo and the signature", n)
	}

	// Without the images, the space to sign is left and nothing is drawn.
	l.Service.Logo, l.Author.Signature, l.OnBehalfOf = nil, nil, ""
	pdf = render(t, l)
	if n := imageCount(t, pdf); n != 0 {
		t.Errorf("a letter without images draws %d", n)
	}
	if text := flat(pageTexts(t, pdf)[0]); strings.Contains(text, "Issued by") {
		t.Error("a letter issued by its author says someone issued it for her")
	}
}

// TestSignatureImageSitsAboveTheName checks where the signature goes: in
// the space between the closing and the author's name.
func TestSignatureImageSitsAboveTheName(t *testing.T) {
	l := shortAcceptance(t)
	pages := layoutPages(t, l)
	var sig op
	closing, name := 0.0, 0.0
	for _, o := range pages[0] {
		switch {
		case o.kind == opImage && o.text == "signature":
			sig = o
		case o.kind == opText && o.text == "Yours sincerely":
			closing = o.y
		case o.kind == opText && o.text == "Dr Amira Patel":
			name = o.y
		}
	}
	if sig.kind != opImage {
		t.Fatal("no signature image is drawn")
	}
	if sig.y < closing || sig.y+sig.h > name-ptToMM(standard.body)*0.7 || sig.x != marginL {
		t.Errorf("the signature is drawn at x=%.0f, y=%.0f–%.0f mm, not between the closing (%.0f) and the name (%.0f)", sig.x, sig.y, sig.y+sig.h, closing, name)
	}
	if sig.w > signatureMaxW+0.01 || sig.h > signatureMaxH+0.01 {
		t.Errorf("the signature is %.0f × %.0f mm", sig.w, sig.h)
	}
}
