package letters

import (
	"testing"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// TestLetterFontsDrawWhatTheScreenDraws checks that the letter fonts, cut
// down from the faces Fyne shows on screen (see fonts/README.md), still
// draw every character the screen font draws, each at the same width, so
// that a name that shows on screen prints in her letter exactly as shown.
func TestLetterFontsDrawWhatTheScreenDraws(t *testing.T) {
	for _, face := range []struct {
		name           string
		letter, screen []byte
	}{
		{"regular", fontRegular, theme.DefaultTextFont().Content()},
		{"bold", fontBold, theme.DefaultTextBoldFont().Content()},
	} {
		letter, err := sfnt.Parse(face.letter)
		if err != nil {
			t.Fatal(err)
		}
		screen, err := sfnt.Parse(face.screen)
		if err != nil {
			t.Fatal(err)
		}
		var lb, sb sfnt.Buffer
		covered := 0
		for r := rune(0); r < 0x10000; r++ {
			sg, _ := screen.GlyphIndex(&sb, r)
			lg, _ := letter.GlyphIndex(&lb, r)
			if (sg == 0) != (lg == 0) {
				t.Fatalf("%s: U+%04X is drawn by the screen font: %v, by the letter font: %v", face.name, r, sg != 0, lg != 0)
			}
			if sg == 0 {
				continue
			}
			covered++
			sa, err1 := screen.GlyphAdvance(&sb, sg, fixed.I(1000), font.HintingNone)
			la, err2 := letter.GlyphAdvance(&lb, lg, fixed.I(1000), font.HintingNone)
			if err1 != nil || err2 != nil || sa != la {
				t.Fatalf("%s: U+%04X is %v wide on screen and %v in letters (%v, %v)", face.name, r, sa, la, err1, err2)
			}
		}
		// Noto Sans 2.000 maps 2,793 characters; a cut that lost its
		// character map would pass the comparison above trivially.
		if covered < 2700 {
			t.Errorf("%s: only %d characters covered", face.name, covered)
		}
	}
}
