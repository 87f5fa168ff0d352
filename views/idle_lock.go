package views

import (
	"sync"
	"time"

	"perinatal-caseload/app"
)

// idleLock decides when the window locks: after a set time with no input
// from the person signed in. It has no timer of its own. The main window's
// ticker calls Observe and Check every few seconds, and tests call Check
// with a clock they move by hand.
type idleLock struct {
	mu      sync.Mutex
	clock   app.Clock
	onLock  func()
	armed   bool
	timeout time.Duration
	last    time.Time
	sample  string
}

// newIdleLock returns a lock, disarmed, that reads the time from clock and
// calls onLock when it engages.
func newIdleLock(clock app.Clock, onLock func()) *idleLock {
	return &idleLock{clock: clock, onLock: onLock}
}

// Arm starts timing from now: the lock engages after timeout without input.
// The main window arms it when someone signs in.
func (l *idleLock) Arm(timeout time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.armed, l.timeout, l.last = true, timeout, l.clock.Now()
}

// SetTimeout changes the time without input after which the lock
// engages, counting from the last input, as when the setting is changed.
func (l *idleLock) SetTimeout(timeout time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.timeout = timeout
}

// Disarm stops the lock while nobody is signed in.
func (l *idleLock) Disarm() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.armed = false
}

// Armed reports whether the lock is timing.
func (l *idleLock) Armed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.armed
}

// Touch records input now.
func (l *idleLock) Touch() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.last = l.clock.Now()
}

// Observe takes a typing sample (see widgets.TypingSample); one that differs from
// the last counts as input.
func (l *idleLock) Observe(sample string) {
	l.mu.Lock()
	changed := sample != l.sample
	l.sample = sample
	l.mu.Unlock()
	if changed {
		l.Touch()
	}
}

// Check engages the lock if it is armed and there has been no input for
// the timeout before now. It reports whether it locked. Once engaged the
// lock is disarmed until the next Arm.
func (l *idleLock) Check(now time.Time) bool {
	l.mu.Lock()
	due := l.armed && l.timeout > 0 && now.Sub(l.last) >= l.timeout
	if due {
		l.armed = false
	}
	l.mu.Unlock()
	if due && l.onLock != nil {
		l.onLock()
	}
	return due
}
