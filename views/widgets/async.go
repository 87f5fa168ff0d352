package widgets

import (
	"sync"
	"time"

	"fyne.io/fyne/v2"
)

// Background runs slow work, such as database queries, off the UI
// goroutine and hands the result back to it through fyne.Do. Screens take
// one in their constructor so that tests can give them one with Inline set
// and see results at once, without sleeping.
type Background struct {
	// Inline runs the work and its result on the calling goroutine, for
	// tests and benchmarks.
	Inline bool
	// Delay is how long typing must pause before a search runs.
	Delay time.Duration
}

// NewBackground returns the Background the desktop application uses:
// work on its own goroutine, and searches 250 ms after typing stops.
func NewBackground() *Background { return &Background{Delay: 250 * time.Millisecond} }

// Go runs work off the UI goroutine, then runs the function work returns
// on the UI goroutine. Only that returned function may touch widgets.
func (b *Background) Go(work func() (apply func())) {
	if b.Inline {
		work()()
		return
	}
	go func() {
		apply := work()
		fyne.Do(apply)
	}()
}

// Debouncer runs an action once input has paused for the Background's Delay.
type Debouncer struct {
	bg    *Background
	mu    sync.Mutex
	timer *time.Timer
}

// NewDebouncer returns a debouncer that waits for bg's Delay.
func NewDebouncer(bg *Background) *Debouncer { return &Debouncer{bg: bg} }

// Trigger (re)starts the pause; fn then runs on the UI goroutine. Each call
// replaces the previous pending one.
func (d *Debouncer) Trigger(fn func()) {
	if d.bg.Inline || d.bg.Delay <= 0 {
		fn()
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(d.bg.Delay, func() { fyne.Do(fn) })
}
