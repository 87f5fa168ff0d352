package letters

// Page geometry, in millimetres from the top left of an A4 page, and type
// sizes, in points. The left margin is wide enough for the recipient's
// address to sit inside a DL window envelope (window about 20 mm from the
// left and 45 to 95 mm from the top of a letter folded in three).
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 25.0
	marginR = 20.0
	rightX  = pageW - marginR
	textW   = rightX - marginL

	// First page.
	letterheadTop = 15.0 // top of the service's name
	windowTop     = 47.0 // top of "Private and confidential" above the address
	windowW       = 85.0 // widest address line that shows in the window
	windowBottom  = 90.0 // the address must end above this
	bodyTopFirst  = 95.0 // the Re: block starts no higher than this

	// Later pages.
	contHeaderY = 12.0 // top of the continuation header
	bodyTopNext = 26.0

	// Every page.
	footerRuleY = 276.0
	bodyBottom  = 268.0 // no body text below this

	bodySize   = 11.5 // body text, pt
	bodyLeadMM = 5.6  // body line height
	smallSize  = 9.0  // footer and letterhead details, pt
	smallLead  = 4.2

	paraGap   = 3.6 // space between paragraphs
	bulletGap = 1.6 // space between bullet points
	bulletInd = 6.5 // indent of bullet text

	maxWindowLines = 8
)

// Colours, as RGB.
type rgb struct{ r, g, b int }

var (
	black    = rgb{33, 43, 50}    // NHS "black" (#212B32), softer than pure black
	nhsBlue  = rgb{0, 94, 184}    // NHS Blue (#005EB8)
	darkGrey = rgb{66, 84, 98}    // NHS dark grey (#425563)
	midGrey  = rgb{118, 134, 146} // NHS mid grey (#768692)
	paleBlue = rgb{232, 241, 250} // a tint of NHS Blue for the crisis box
	ruleGrey = rgb{174, 183, 189} // NHS pale grey (#AEB7BD)
)

// ptToMM converts a type size in points to millimetres.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// baseline returns where to put the baseline of text of size pt in a line
// box of height lead whose top is at top, so the text sits centred in it.
func baseline(top, lead, pt float64) float64 {
	s := ptToMM(pt)
	// Noto Sans capitals are about 0.71 em tall; centre them in the box.
	return top + (lead+s*0.71)/2
}
