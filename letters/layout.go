package letters

// Page geometry, in millimetres from the top left of an A4 page. The left
// margin is wide enough for the recipient's address to sit inside a DL
// window envelope (window about 20 mm from the left and 45 to 95 mm from
// the top of a letter folded in three).
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 25.0
	marginR = 20.0
	rightX  = pageW - marginR
	textW   = rightX - marginL

	// First page.
	letterheadTop = 10.0  // top of the logo, or of the service's name
	letterheadW   = 80.0  // width of the letterhead details on the right
	titleW        = 120.0 // width of the service name, above the window
	logoMaxH      = 18.0  // the tallest a logo is drawn
	markTop       = 12.0  // top of the COPY and DRAFT labels on the first page
	windowTop     = 47.0  // top of "Private and confidential" above the address
	windowW       = 85.0  // widest address line that shows in the window
	windowBottom  = 90.0  // the address must end above this
	bodyTopFirst  = 95.0  // the Re: block starts no higher than this
	signatureMaxH = 11.0  // the tallest a signature image is drawn
	signatureMaxW = 60.0  // and the widest

	// Later pages.
	contHeaderY = 12.0 // top of the continuation header
	bodyTopNext = 28.0

	// Every page.
	footerRuleY = 281.0
	bodyBottom  = 277.5 // no body text below this

	footerSize = 9.0 // the page footer, the only text below minSize, pt
	footerLead = 4.2
	minSize    = 12.0 // nothing else is smaller, pt

	bulletInd = 6.5 // indent of bullet text (scaled for large print)
)

// style holds the type sizes (points) and line heights (millimetres) of one
// layout: the standard letter, or the large-print letter of the Accessible
// Information Standard. The envelope window and the page footer keep their
// sizes in both, since they must fit the envelope and the page.
type style struct {
	body, lead   float64 // body text, the Re: line, the date, the sign-off and copy list
	heading      float64 // body headings
	title        float64 // the service's name in the letterhead
	detail       float64 // the letterhead's details and the continuation header
	detailLead   float64
	crisis       float64 // the crisis box's text
	crisisLead   float64
	paraGap      float64 // space between paragraphs
	bulletGap    float64 // space between bullet points
	bulletIndent float64
	signatureGap float64 // space left to sign when there is no signature image
	markSize     float64 // the COPY and DRAFT labels
}

// standard is the ordinary letter: 12 pt text throughout.
var standard = style{
	body: 12, lead: 5.0, // 1.18 times the type size: Word's "single" spacing
	heading: 13.5,
	title:   16,
	detail:  12, detailLead: 5.0,
	crisis: 12, crisisLead: 5.0,
	paraGap: 2.6, bulletGap: 1.2, bulletIndent: bulletInd,
	signatureGap: 10,
	markSize:     14,
}

// largePrint is the large-print letter: 16 pt body text (RNIB's clear print
// guidance asks for 16 to 18 pt for large print), with everything else
// scaled to match.
var largePrint = style{
	body: 16, lead: 7.1,
	heading: 18,
	title:   18,
	detail:  12, detailLead: 5.0, // the letterhead, not her reading: as in the standard letter
	crisis: 16, crisisLead: 6.9,
	paraGap: 4.0, bulletGap: 1.7, bulletIndent: bulletInd * 16 / 12,
	signatureGap: 11,
	markSize:     18,
}

// Colours, as RGB. Every colour used for text has a contrast ratio of at
// least 4.5:1 (WCAG 2.x, level AA) against white and against the crisis
// box's tint; the tests compute it.
type rgb struct{ r, g, b int }

var (
	black    = rgb{33, 43, 50}    // NHS "black" (#212B32), softer than pure black
	nhsBlue  = rgb{0, 94, 184}    // NHS Blue (#005EB8)
	darkGrey = rgb{66, 84, 98}    // NHS dark grey (#425563)
	darkRed  = rgb{138, 21, 56}   // NHS dark red (#8A1538), for the COPY and DRAFT labels
	paleBlue = rgb{232, 241, 250} // a tint of NHS Blue for the crisis box
	ruleGrey = rgb{174, 183, 189} // NHS pale grey (#AEB7BD), for rules only, never text
	paleRed  = rgb{244, 204, 214} // the DRAFT watermark behind the text, never text to read
)

// textColours are the colours text may be printed in.
var textColours = []rgb{black, nhsBlue, darkGrey, darkRed}

// ptToMM converts a type size in points to millimetres.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// baseline returns where to put the baseline of text of size pt in a line
// box of height lead whose top is at top, so the text sits centred in it.
func baseline(top, lead, pt float64) float64 {
	s := ptToMM(pt)
	// Noto Sans capitals are about 0.71 em tall; centre them in the box.
	return top + (lead+s*0.71)/2
}
