package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"perinatal-caseload/app"
	"perinatal-caseload/models"
	"perinatal-caseload/views/widgets"
)

// referralPageSize is how many referrals are fetched at a time.
const referralPageSize = 100

// allStatuses is the status filter's "no filter" choice.
const allStatuses = "All statuses"

// referralsScreen is the referral list: search by name, NHS number or
// postcode, a status filter and "Open only", urgent referrals first. The
// list is fed a page at a time, so it opens as quickly on 100,000
// referrals as on 100. Selecting a referral opens its read-only detail.
type referralsScreen struct {
	Search   *widget.Entry
	Status   *widget.Select
	OpenOnly *widget.Check
	// Count says how many referrals match, or why the list could not be read.
	Count *widget.Label
	List  *widget.List
	// Columns lays out the list's header and rows; the user drags the
	// header's dividers to widen a column.
	Columns *widgets.Table
	// Detail is the referral open, or nil while the list is on show.
	Detail *referralDetail
	// DetailActions, if set, adds the decision and the actions to an open
	// referral's detail; reopen reloads the referral after an action.
	DetailActions func(d *referralDetail, reopen func())

	referrals referralSource
	actor     *models.StaffMember
	clock     app.Clock
	bg        *widgets.Background
	debounce  *widgets.Debouncer
	rows      *widgets.Pager[app.ReferralRow]
	listView  fyne.CanvasObject
	root      *fyne.Container
	content   fyne.CanvasObject
	paged     bool              // a page other than a referral is shown instead of the list
	openID    uint              // the referral last opened
	draft     *referralForm     // the new-referral form, kept while the screen is
	draftPage fyne.CanvasObject // the form with its Back button
	// back is where the open referral's Back button goes; nil for the list.
	back *backTarget
}

// backTarget is the screen a referral was opened from, other than the
// referral list: its Back button names it and returns there.
type backTarget struct {
	label  string // "Back to Caseload"
	goBack func()
}

// referralSource is what the Referrals screen reads: app.ReferralService,
// or in tests a wrapper that counts the pages fetched.
type referralSource interface {
	Count(actor *models.StaffMember, f app.ReferralFilter) (int64, error)
	Page(actor *models.StaffMember, f app.ReferralFilter, offset, limit int) ([]app.ReferralRow, error)
	Get(actor *models.StaffMember, id uint) (*models.Referral, error)
}

// newReferralsScreen builds the screen and starts the first query: of the
// open referrals only when openOnly is set (Open only ticked), else of
// them all. The tick is set before that query, so opening the screen never
// counts the whole register only to throw the answer away.
func newReferralsScreen(ses *session, openOnly bool) *referralsScreen {
	bg := ses.Background
	s := &referralsScreen{referrals: ses.Services.Referrals, actor: ses.Actor, clock: ses.Services.Clock(), bg: bg, debounce: widgets.NewDebouncer(bg)}

	s.Search = widgets.NewSearchEntry(patientSearchHint, s.debounce, s.Reload)
	options := []string{allStatuses}
	for _, st := range models.Statuses {
		options = append(options, st.Label())
	}
	s.Status = widget.NewSelect(options, func(string) { s.Reload() })
	s.Status.SetSelectedIndex(0)
	s.OpenOnly = widget.NewCheck("Open only", nil)
	s.OpenOnly.SetChecked(openOnly)
	s.OpenOnly.OnChanged = func(bool) { s.Reload() }
	s.Count = widgets.NewCountLabel()
	refresh := widgets.NewIconButton("Refresh the list of referrals", theme.ViewRefreshIcon(), s.Reload)

	cols := referralTable()
	s.Columns = cols
	s.rows, s.List = widgets.NewPagedList(bg, referralPageSize, newReferralRow(cols), fillReferralRow, referralRowName, reportIn(s.Count))
	s.List.OnSelected = s.selected

	filters := container.NewBorder(nil, nil, nil,
		container.NewHBox(container.New(widgets.FixedWidth(200), s.Status), s.OpenOnly, refresh), s.Search)
	top := container.NewVBox(filters, s.Count, cols.Header(), widget.NewSeparator())
	s.listView = container.NewBorder(top, nil, nil, nil, s.List)
	s.root = container.NewStack(s.listView)
	s.content = container.NewPadded(s.root)
	s.Reload()
	return s
}

// Content returns the screen's widget tree.
func (s *referralsScreen) Content() fyne.CanvasObject { return s.content }

// SearchEntry is the search box, for Ctrl+F. It brings the list back if a
// referral is open.
func (s *referralsScreen) SearchEntry() fyne.Focusable {
	s.CloseDetail()
	return s.Search
}

// Filter returns the filter the widgets describe.
func (s *referralsScreen) Filter() app.ReferralFilter {
	f := app.ReferralFilter{Query: s.Search.Text, OpenOnly: s.OpenOnly.Checked}
	if i := s.Status.SelectedIndex(); i > 0 {
		f.Status = models.Statuses[i-1]
	}
	return f
}

// Reload runs the query the widgets describe, off the UI goroutine, and
// shows the first page of the answer.
func (s *referralsScreen) Reload() { s.query(true) }

// Shown reads the list again, where it was left, when the shell brings
// the screen back, and the referral open, so changes made on other
// screens show.
func (s *referralsScreen) Shown() {
	s.query(false)
	if s.Detail != nil {
		s.Open(s.openID)
	}
}

// query runs the query the widgets describe and shows the answer, from
// the top or where the list was.
func (s *referralsScreen) query(fromTop bool) {
	if s.List == nil {
		return // still being built
	}
	f := s.Filter()
	s.rows.Query(
		func() (int64, error) { return s.referrals.Count(s.actor, f) },
		func(offset, limit int) ([]app.ReferralRow, error) { return s.referrals.Page(s.actor, f, offset, limit) },
		func(total int, err error) {
			if err != nil {
				s.showError(err)
			} else {
				showMessage(s.Count, referralCountText(int64(total)), false)
			}
			if fromTop {
				widgets.ShowFromTop(s.List)
			} else {
				s.List.Refresh()
			}
		})
}

// showError says in the count line that the list could not be read.
func (s *referralsScreen) showError(err error) {
	showMessage(s.Count, sentence(err), true)
}

// selected opens the referral chosen in the list.
func (s *referralsScreen) selected(id widget.ListItemID) {
	s.List.UnselectAll() // so choosing it again opens it again
	r, ok := s.rows.Row(id)
	if !ok {
		return
	}
	s.Open(r.ID)
}

// Open shows the read-only detail of referral id, opened from the list:
// Back returns to the list.
func (s *referralsScreen) Open(id uint) { s.open(id, nil) }

// OpenFrom shows the read-only detail of referral id, opened from another
// screen: its Back button says label and calls goBack, which returns there.
func (s *referralsScreen) OpenFrom(id uint, label string, goBack func()) {
	s.open(id, &backTarget{label: label, goBack: goBack})
}

// open shows referral id; back is where its Back button goes (nil for the
// list). Reloading after an action keeps it.
func (s *referralsScreen) open(id uint, back *backTarget) {
	s.back = back
	s.openID = id
	s.bg.Go(func() func() {
		r, err := s.referrals.Get(s.actor, id)
		return func() {
			if id != s.openID {
				return // another referral was opened meanwhile
			}
			if err != nil {
				s.showError(err)
				return
			}
			today := models.LondonDate(s.clock.Now())
			s.Detail = newReferralDetail(r, today, s.goBack)
			if back != nil {
				s.Detail.Back.SetText(back.label)
			}
			if s.DetailActions != nil {
				s.DetailActions(s.Detail, func() { s.open(id, back) })
			}
			s.root.Objects = []fyne.CanvasObject{s.Detail.Content()}
			s.root.Refresh()
		}
	})
}

// goBack leaves the open referral for where it was opened from: the list,
// or the screen named on its Back button.
func (s *referralsScreen) goBack() {
	back := s.back
	s.CloseDetail()
	if back != nil {
		back.goBack()
	}
}

// ShowPage shows obj (such as the new-referral form) in place of the list
// until CloseDetail.
func (s *referralsScreen) ShowPage(obj fyne.CanvasObject) {
	s.Detail = nil
	s.paged = true
	s.root.Objects = []fyne.CanvasObject{obj}
	s.root.Refresh()
}

// CloseDetail goes back from a referral (or the form) to the list, where
// it was left, read again.
func (s *referralsScreen) CloseDetail() {
	if s.Detail == nil && !s.paged {
		return
	}
	s.Detail, s.paged, s.back = nil, false, nil
	s.root.Objects = []fyne.CanvasObject{s.listView}
	s.root.Refresh()
	s.query(false) // what was done on the referral shows in its row
}

// referralCountText says how many referrals the list holds; a search that
// matched more than it counts (app.SearchCountLimit) says so, and how to
// narrow it.
func referralCountText(total int64) string {
	if total > app.SearchCountLimit {
		return "More than " + groupThousands(app.SearchCountLimit) + " referrals match: type more of her name, or her NHS number."
	}
	return countText(total, "referral", "referrals")
}
