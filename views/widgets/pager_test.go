package widgets

import (
	"errors"
	"testing"
)

// numbers is a pager over the numbers 0 to n-1 that counts its fetches.
func numbers(n int, fetches *int) *Pager[int] {
	p := NewPager[int](&Background{Inline: true}, 10)
	fetch := func(offset, limit int) ([]int, error) {
		*fetches++
		var out []int
		for i := offset; i < min(offset+limit, n); i++ {
			out = append(out, i)
		}
		return out, nil
	}
	p.Query(func() (int64, error) { return int64(n), nil }, fetch, func(int, error) {})
	return p
}

func TestPagerFetchesPagesOnDemand(t *testing.T) {
	fetches := 0
	p := numbers(35, &fetches)
	if p.Len() != 35 || fetches != 1 {
		t.Fatalf("a query found %d rows with %d fetches; want 35 with 1", p.Len(), fetches)
	}
	for i := range 35 {
		if v, ok := p.Row(i); !ok || v != i {
			t.Fatalf("row %d is %d, %v", i, v, ok)
		}
	}
	if fetches != 4 {
		t.Fatalf("reading 35 rows in pages of 10 took %d fetches, want 4", fetches)
	}
	if _, ok := p.Row(35); ok {
		t.Fatal("a row past the end was found")
	}
}

func TestPagerWaitsForTheFetchInFlight(t *testing.T) {
	fetches := 0
	p := numbers(100, &fetches)
	p.busy = true // as if a fetch were still running
	if _, ok := p.Row(55); ok || fetches != 1 {
		t.Fatalf("a row was fetched while another fetch ran (%d fetches)", fetches)
	}
	p.busy = false
	if v, ok := p.Row(55); !ok || v != 55 {
		t.Fatal("the row was not fetched once the other fetch ended")
	}
}

func TestPagerReportsAFailedQuery(t *testing.T) {
	p := NewPager[int](&Background{Inline: true}, 10)
	var got error
	p.Query(func() (int64, error) { return 0, errors.New("no") }, nil, func(_ int, err error) { got = err })
	if got == nil || p.Len() != 0 {
		t.Fatal("a failed count was not reported")
	}
}
