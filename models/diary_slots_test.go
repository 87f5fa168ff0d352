package models

import (
	"slices"
	"testing"
	"time"
)

func TestFreeSlots(t *testing.T) {
	monday := NewDate(2026, 11, 23) // GMT: UK time is UTC
	at := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
	busy := []Busy{{at(10, 0), at(11, 0)}, {at(14, 30), at(15, 0)}}
	early := at(7, 0)
	cases := []struct {
		name   string
		day    Date
		busy   []Busy
		length time.Duration
		now    time.Time
		count  int
		first  time.Time
		absent []time.Time
		// present must be offered.
		present []time.Time
	}{
		{name: "an empty day offers every half hour from 09:00 to 16:00", day: monday, length: time.Hour, now: early, count: 15, first: at(9, 0)},
		{name: "booked times and slots overlapping them are left out", day: monday, busy: busy, length: time.Hour, now: early, count: 10, first: at(9, 0),
			absent: []time.Time{at(9, 30), at(10, 0), at(10, 30), at(14, 0), at(14, 30)}},
		{name: "a slot may end as a booking starts, or start as one ends", day: monday, busy: busy, length: time.Hour, now: early, count: 10, first: at(9, 0),
			present: []time.Time{at(13, 30), at(11, 0), at(15, 0)}},
		{name: "slots already started are not offered", day: monday, length: 30 * time.Minute, now: at(12, 10), count: 9, first: at(12, 30)},
		{name: "a slot must end by 17:00", day: monday, length: 2 * time.Hour, now: early, count: 13, first: at(9, 0), absent: []time.Time{at(15, 30)}},
		{name: "Saturday has none", day: NewDate(2026, 11, 28), length: time.Hour, now: early, count: 0},
		{name: "no length, no slots", day: monday, length: 0, now: early, count: 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := FreeSlots(c.day, c.busy, c.length, c.now)
			if len(got) != c.count {
				t.Fatalf("%d slots %v, want %d", len(got), got, c.count)
			}
			if c.count > 0 && !got[0].Equal(c.first) {
				t.Errorf("first slot %s, want %s", got[0], c.first)
			}
			for _, p := range c.present {
				if !slices.ContainsFunc(got, p.Equal) {
					t.Errorf("slot %s is not offered", p.Format("15:04"))
				}
			}
			for _, a := range c.absent {
				for _, g := range got {
					if g.Equal(a) {
						t.Errorf("slot %s is offered", a.Format("15:04"))
					}
				}
			}
		})
	}
}

func TestFreeSlotsInSummerTimeAreUKTime(t *testing.T) {
	got := FreeSlots(NewDate(2026, 6, 1), nil, time.Hour, time.Time{})
	if len(got) == 0 || got[0].In(London).Format("15:04") != "09:00" || !got[0].Equal(time.Date(2026, 6, 1, 8, 0, 0, 0, time.UTC)) {
		t.Errorf("first summer slot %v, want 09:00 BST (08:00 UTC)", got)
	}
}

func TestClashes(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 23, h, m, 0, 0, time.UTC) }
	busy := []Busy{{at(10, 0), at(11, 0)}}
	for _, c := range []struct {
		start time.Time
		n     int
	}{{at(9, 0), 0}, {at(9, 30), 1}, {at(10, 30), 1}, {at(11, 0), 0}} {
		if got := Clashes(busy, c.start, time.Hour); len(got) != c.n {
			t.Errorf("an hour from %s clashes %d times, want %d", c.start.Format("15:04"), len(got), c.n)
		}
	}
}
