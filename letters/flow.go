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
// Re: block; later pages begin below the continuation header.
type pager struct {
	pages [][]op
	y     float64
	atTop bool // nothing placed on the current page yet
}

func newPager(firstTop float64) *pager {
	return &pager{pages: [][]op{nil}, y: firstTop, atTop: true}
}

func (p *pager) newPage() {
	p.pages = append(p.pages, nil)
	p.y = bodyTopNext
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
// boxes that must stay together (linked by keepWithNext) does not fit. A
// group taller than a whole page is broken wherever it must be.
func (p *pager) flow(bs []box) {
	for i := 0; i < len(bs); {
		j := i + 1
		for j < len(bs) && bs[j-1].keepWithNext {
			j++
		}
		group := bs[i:j]
		if !p.atTop && p.y+chainHeight(group, false) > bodyBottom &&
			chainHeight(group, true) <= bodyBottom-bodyTopNext {
			p.newPage()
		}
		for _, b := range group {
			if !p.atTop && p.y+b.spaceBefore+b.height > bodyBottom {
				p.newPage()
			}
			p.place(b)
		}
		i = j
	}
}

// placeAtFoot puts a box at the foot of the last page, above the footer,
// starting a new page if the text already there leaves too little room.
func (p *pager) placeAtFoot(b box) {
	if p.y+b.spaceBefore+b.height > bodyBottom {
		p.newPage()
	}
	p.add(bodyBottom-b.height, b.ops...)
	p.y = bodyBottom
	p.atTop = false
}
