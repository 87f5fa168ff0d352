package app

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgxlisten"
	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Change is one change to the caseload that some program committed: the
// record, who changed it and when. It names no woman: a screen that shows
// the record reads it again.
type Change struct {
	Entity string // the kind of record, as the audit trail names it: "referral", "patient", "task"...
	ID     uint   // the record's ID
	Action string // what was done: create, update, status, issue letter...
	By     string // who did it
	At     time.Time
}

// ChangeFeed tells a program of the changes that every program, this one
// and others on other desktops, commits to the database, within about a
// second. Every change is written to the audit trail in the same
// transaction, so the trail is the feed's source: its rising event ID is a
// change counter that costs one indexed read to look at.
//
// On PostgreSQL the server tells the feed at once (LISTEN/NOTIFY on the
// channel changeChannel, raised by a trigger on the audit trail), and the
// feed looks again every few seconds in case a notice was lost while the
// connection was down. On SQLite, where the programs share one file on one
// PC, the feed looks at the counter every half second.
type ChangeFeed struct {
	db     *gorm.DB
	target string
	// Poll is how often the feed looks for changes without being told.
	Poll time.Duration
}

// changeChannel is the PostgreSQL notification channel of the feed.
const changeChannel = "caseload_changes"

// notChanges are the audit actions that change nothing another desktop shows.
var notChanges = []string{ActionSignIn, ActionSignInFailed, ActionSignOut, ActionRefused, ActionExport, ActionPrint}

// NewChangeFeed returns the feed of the database db, opened from target.
func NewChangeFeed(db *gorm.DB, target string) *ChangeFeed {
	poll := 500 * time.Millisecond
	if onPostgres(db) {
		poll = 5 * time.Second
	}
	return &ChangeFeed{db: db, target: target, Poll: poll}
}

// Subscribe returns a channel that receives each change committed from now
// on, in order, until ctx ends; then the channel is closed. A subscriber
// that falls behind holds the feed up, so it should read promptly.
func (f *ChangeFeed) Subscribe(ctx context.Context) <-chan Change {
	out := make(chan Change, 64)
	wake := make(chan struct{}, 1)
	nudge := func() {
		select {
		case wake <- struct{}{}:
		default:
		}
	}
	last := f.lastEvent(ctx)
	if onPostgres(f.db) {
		go f.listen(ctx, nudge)
	}
	go func() {
		defer close(out)
		tick := time.NewTicker(f.Poll)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
			case <-wake:
			}
			changes, next := f.since(ctx, last)
			last = next
			for _, c := range changes {
				select {
				case out <- c:
				case <-ctx.Done():
					return
				}
			}
		}
	}()
	return out
}

// lastEvent returns the ID of the newest audit event, or 0.
func (f *ChangeFeed) lastEvent(ctx context.Context) uint {
	var last uint
	f.db.WithContext(ctx).Raw("SELECT COALESCE(MAX(id), 0) FROM audit_events").Scan(&last)
	return last
}

// since returns the changes recorded after the event after, and the ID of
// the last event read. When the database cannot be read it returns none,
// and the next look starts from the same place.
func (f *ChangeFeed) since(ctx context.Context, after uint) ([]Change, uint) {
	if f.lastEvent(ctx) <= after {
		return nil, after
	}
	var events []models.AuditEvent
	err := f.db.WithContext(ctx).Select("id", "at", "actor_name", "action", "entity", "entity_id").
		Where("id > ?", after).Order("id").Limit(1000).Find(&events).Error
	if err != nil || len(events) == 0 {
		return nil, after
	}
	var out []Change
	for _, e := range events {
		if e.Entity != "" && !slices.Contains(notChanges, e.Action) {
			out = append(out, Change{Entity: e.Entity, ID: e.EntityID, Action: e.Action, By: e.ActorName, At: e.At})
		}
	}
	return out, events[len(events)-1].ID
}

// listen wakes the feed whenever the server announces a change, until ctx
// ends. It reconnects by itself after a lost connection.
func (f *ChangeFeed) listen(ctx context.Context, nudge func()) {
	cfg, err := pgConfig(f.target)
	if err != nil {
		return // the feed still looks every Poll
	}
	l := &pgxlisten.Listener{
		Connect:        func(ctx context.Context) (*pgx.Conn, error) { return pgx.ConnectConfig(ctx, cfg) },
		ReconnectDelay: 2 * time.Second,
	}
	l.Handle(changeChannel, pgxlisten.HandlerFunc(func(context.Context, *pgconn.Notification, *pgx.Conn) error {
		nudge()
		return nil
	}))
	_ = l.Listen(ctx)
}

// migrateChangeNotices makes PostgreSQL announce on changeChannel each
// statement that adds to the audit trail, when its transaction commits.
// SQLite needs nothing: its feed looks at the trail itself.
func migrateChangeNotices(tx *gorm.DB) error {
	if !onPostgres(tx) {
		return nil
	}
	err := tx.Exec(`CREATE OR REPLACE FUNCTION caseload_announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('` + changeChannel + `', '');
	RETURN NULL;
END $$`).Error
	if err != nil {
		return err
	}
	return tx.Exec(`CREATE TRIGGER audit_events_announce AFTER INSERT ON audit_events
	FOR EACH STATEMENT EXECUTE FUNCTION caseload_announce_change()`).Error
}
