package widgets

// Pager holds the pages of a long list that have been fetched, so that a
// widget.List asks the database only for the rows on screen and never for
// all of them. It is used on the UI goroutine; fetching runs through a
// Background.
type Pager[T any] struct {
	// PageSize is the number of rows fetched at a time. Change it only just
	// before a Query, which empties the pages held.
	PageSize int
	// OnPage runs on the UI goroutine when a page arrives later than asked
	// for; the list refreshes to show it.
	OnPage func()
	// OnError runs on the UI goroutine when a page cannot be fetched.
	OnError func(error)

	bg       *Background
	maxPages int // pages kept before the cache is emptied
	gen      int // bumped by every new query, so stale answers are dropped
	total    int
	fetch    func(offset, limit int) ([]T, error)
	pages    map[int][]T
	loading  map[int]bool
	busy     bool // a page is being fetched; others wait for it
	inRow    bool // inside Row: a page fetched inline needs no refresh
}

// NewPager returns an empty pager of pages of size rows.
func NewPager[T any](bg *Background, size int) *Pager[T] {
	return &Pager[T]{bg: bg, PageSize: size, maxPages: 50, pages: map[int][]T{}, loading: map[int]bool{}}
}

// Query starts a new query: it counts the rows and fetches the first page
// off the UI goroutine, then calls done with the total on the UI goroutine.
func (p *Pager[T]) Query(count func() (int64, error), fetch func(offset, limit int) ([]T, error), done func(total int, err error)) {
	p.gen++
	gen := p.gen
	p.bg.Go(func() func() {
		n, err := count()
		var first []T
		if err == nil && n > 0 {
			first, err = fetch(0, p.PageSize)
		}
		return func() {
			if gen != p.gen {
				return // a newer query has started
			}
			p.pages, p.loading, p.fetch, p.total = map[int][]T{}, map[int]bool{}, fetch, 0
			if err != nil {
				done(0, err)
				return
			}
			p.total = int(n)
			p.pages[0] = first
			done(p.total, nil)
		}
	})
}

// Len returns the number of rows the last query found.
func (p *Pager[T]) Len() int { return p.total }

// Row returns row i. If its page has not been fetched it starts fetching
// it and returns ok false; OnPage runs when it arrives.
func (p *Pager[T]) Row(i int) (row T, ok bool) {
	page := i / p.PageSize
	if rows, have := p.pages[page]; have {
		if i%p.PageSize < len(rows) {
			return rows[i%p.PageSize], true
		}
		return row, false
	}
	if !p.loading[page] && !p.busy && p.fetch != nil {
		p.load(page)
	}
	if rows, have := p.pages[page]; have && i%p.PageSize < len(rows) {
		return rows[i%p.PageSize], true
	}
	return row, false
}

// load fetches one page. Only one fetch runs at a time: rows asked for
// meanwhile show as loading, and when the fetch ends OnPage refreshes the
// list, which asks again for the rows then on screen. So dragging the
// scroll bar through a long list fetches the pages it stops at, not every
// page it passes.
func (p *Pager[T]) load(page int) {
	p.loading[page], p.busy = true, true
	gen, fetch := p.gen, p.fetch
	p.inRow = true
	defer func() { p.inRow = false }()
	p.bg.Go(func() func() {
		rows, err := fetch(page*p.PageSize, p.PageSize)
		return func() {
			p.busy = false
			if gen == p.gen {
				delete(p.loading, page)
				if err != nil {
					if p.OnError != nil {
						p.OnError(err)
					}
					return
				}
				if len(p.pages) >= p.maxPages {
					p.pages = map[int][]T{}
				}
				p.pages[page] = rows
			}
			if !p.inRow && p.OnPage != nil {
				p.OnPage()
			}
		}
	})
}
