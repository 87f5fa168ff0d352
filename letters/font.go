package letters

import (
	_ "embed" // the letter fonts are embedded
	"fmt"
	"sync"
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

// coverage records which characters both letter fonts can draw.
type coverage struct {
	bits [65536 / 64]uint64
}

func (c *coverage) has(r rune) bool {
	if r < 0 || r > 0xFFFF {
		return false
	}
	return c.bits[r/64]&(1<<(uint(r)%64)) != 0
}

var (
	coverOnce sync.Once
	cover     *coverage
	coverErr  error
)

// fontCoverage returns the characters that both the regular and the bold
// face can draw. gofpdf's UTF-8 support is limited to the Basic
// Multilingual Plane, so nothing beyond U+FFFF is ever covered.
func fontCoverage() (*coverage, error) {
	coverOnce.Do(func() {
		reg, err := cmapCoverage(fontRegular)
		if err != nil {
			coverErr = fmt.Errorf("letters: reading the regular font: %w", err)
			return
		}
		bold, err := cmapCoverage(fontBold)
		if err != nil {
			coverErr = fmt.Errorf("letters: reading the bold font: %w", err)
			return
		}
		for i := range reg.bits {
			reg.bits[i] &= bold.bits[i]
		}
		cover = reg
	})
	return cover, coverErr
}
