package letters

import (
	_ "embed" // the letter fonts are embedded
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// The letter typeface is Noto Sans (SIL Open Font License 1.1; see
// fonts/README.md and fonts/OFL.txt). It covers Latin, Latin Extended,
// Vietnamese, Greek and Cyrillic, so names such as Zoë, Siobhán, Łucja and
// Nguyễn print exactly.

//go:embed fonts/NotoSans-Regular.ttf
var fontRegular []byte

//go:embed fonts/NotoSans-Bold.ttf
var fontBold []byte

// fontFamily is the name the fonts are registered under in each PDF.
const fontFamily = "NotoSans"

// coverage answers which characters both letter fonts can draw.
type coverage struct {
	faces []*sfnt.Font
}

// has reports whether every letter face has a glyph for r. gofpdf's UTF-8
// support is limited to the Basic Multilingual Plane, so nothing beyond
// U+FFFF is covered, nor the noncharacter U+FFFF itself.
func (c *coverage) has(r rune) bool {
	if r < 0 || r >= 0xFFFF {
		return false
	}
	for _, f := range c.faces {
		// A nil buffer keeps has safe to call from several goroutines.
		if g, err := f.GlyphIndex(nil, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

var (
	coverOnce sync.Once
	cover     *coverage
	coverErr  error
)

// fontCoverage returns the coverage of the regular and the bold face
// together, reading the fonts' character maps on first use.
func fontCoverage() (*coverage, error) {
	coverOnce.Do(func() {
		reg, err := sfnt.Parse(fontRegular)
		if err != nil {
			coverErr = fmt.Errorf("letters: reading the regular font: %w", err)
			return
		}
		bold, err := sfnt.Parse(fontBold)
		if err != nil {
			coverErr = fmt.Errorf("letters: reading the bold font: %w", err)
			return
		}
		cover = &coverage{faces: []*sfnt.Font{reg, bold}}
	})
	return cover, coverErr
}

// Printable returns s with every character the letter fonts cannot draw
// replaced by "?", for a document that must print whatever free text it is
// given (a copy of her record) rather than refuse it as a letter does.
// Line breaks and tabs are kept.
func Printable(s string) (string, error) {
	c, err := fontCoverage()
	if err != nil {
		return "", err
	}
	out := []rune(s)
	for i, r := range out {
		if r != '\n' && r != '\t' && !c.has(r) {
			out[i] = '?'
		}
	}
	return string(out), nil
}
