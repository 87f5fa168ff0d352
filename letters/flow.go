package letters

// box is an unbreakable piece of the letter's flow, usually one line of
// text. Its ops are positioned relative to the box's top.
type box struct {
	height       float64
	spaceBefore  float64 // dropped at the top of a page
	keepWithNext bool    // never break a page between this box and the next
	ops          []op
}

// pager places boxes down the pages of one letter. Page 1 begins below the
// Re: block; later pages begin at top, below the continuation header.
// Nothing is placed below bottom.
type pager struct {
	pages  [][]op
	ends   []float64 // where the text on each page ends
	y      float64
	atTop  bool // nothing placed on the current page yet
	top    float64
	bottom float64
}

func newPager(firstTop, top, bottom float64) *pager {
	return &pager{pages: [][]op{nil}, ends: []float64{firstTop}, y: firstTop, atTop: true, top: top, bottom: bottom}
}

func (p *pager) newPage() {
	p.pages = append(p.pages, nil)
	p.ends = append(p.ends, p.top)
	p.y = p.top
	p.atTop = true
}

// add puts ops on the current page, shifted down by dy.
func (p *pager) add(dy float64, ops ...op) {
	n := len(p.pages) - 1
	for _, o := range ops {
		p.pages[n] = append(p.pages[n], o.shift(dy))
	}
}

func (p *pager) place(b box) {
	if !p.atTop {
		p.y += b.spaceBefore
	}
	p.add(p.y, b.ops...)
	p.y += b.height
	p.ends[len(p.ends)-1] = p.y
	p.atTop = false
}

// height of boxes placed together, starting at the top of a page or not.
func chainHeight(bs []box, atTop bool) float64 {
	h := 0.0
	for i, b := range bs {
		if i > 0 || !atTop {
			h += b.spaceBefore
		}
		h += b.height
	}
	return h
}

// flow places boxes in order, starting a new page where the next group of
// boxes that must stay together (linked by keepWithNext) does not fit, and
// before the box at index breakAt (if it is not negative). A group taller
// than a whole page is broken wherever it must be.
func (p *pager) flow(bs []box, breakAt int) {
	for i := 0; i < len(bs); {
		j := i + 1
		for j < len(bs) && bs[j-1].keepWithNext {
			j++
		}
		group := bs[i:j]
		if !p.atTop && (i == breakAt || p.y+chainHeight(group, false) > p.bottom &&
			chainHeight(group, true) <= p.bottom-p.top) {
			p.newPage()
		}
		for _, b := range group {
			if !p.atTop && p.y+b.spaceBefore+b.height > p.bottom {
				p.newPage()
			}
			p.place(b)
		}
		i = j
	}
}

// fitsAtFoot reports whether a box fits at the foot of the current page,
// below what is already there.
func (p *pager) fitsAtFoot(b box) bool {
	return p.y+b.spaceBefore+b.height <= p.bottom
}

// placeAtFoot puts a box at the foot of the last page, above the footer,
// starting a new page if the text already there leaves too little room.
func (p *pager) placeAtFoot(b box) {
	if !p.fitsAtFoot(b) {
		p.newPage()
	}
	p.add(p.bottom-b.height, b.ops...)
	p.y = p.bottom
	p.ends[len(p.ends)-1] = p.bottom
	p.atTop = false
}

// emptiest returns the largest share of a page, other than the last, left
// empty at its foot: the space between the end of its text and the bottom,
// as a fraction of the space from the top of the page's first line (the
// letterhead on the first page, the continuation header on the others) to
// the bottom.
func (p *pager) emptiest() float64 {
	worst := 0.0
	for i := 0; i < len(p.pages)-1; i++ {
		top := contHeaderY
		if i == 0 {
			top = letterheadTop
		}
		worst = max(worst, (p.bottom-p.ends[i])/(p.bottom-top))
	}
	return worst
}
