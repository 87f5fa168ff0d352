package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// nhsBlue is the NHS identity's primary blue.
var nhsBlue = color.NRGBA{R: 0x00, G: 0x5E, B: 0xB8, A: 0xFF}

// OfficeTheme is Fyne's standard theme in its light variant, whatever the
// desktop's preference, with NHS blue as the primary colour: a clinical
// record read all day on office screens is easier on a light background,
// and it matches the printed letters.
type OfficeTheme struct{}

var _ fyne.Theme = OfficeTheme{}

// Color returns the light variant of each colour, with NHS blue for primary.
func (OfficeTheme) Color(name fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if name == theme.ColorNamePrimary {
		return nhsBlue
	}
	return theme.DefaultTheme().Color(name, theme.VariantLight)
}

// Font returns the standard font.
func (OfficeTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

// Icon returns the standard icon.
func (OfficeTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

// Size returns the standard size.
func (OfficeTheme) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }
