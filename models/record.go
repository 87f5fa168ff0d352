package models

import "time"

// Record holds the fields every stored entity shares. Version is the
// optimistic-locking counter: an update names the version it read and fails
// with a conflict if someone else saved in between.
type Record struct {
	ID        uint      `gorm:"primaryKey" json:"id"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	Version   int       `gorm:"not null;default:1" json:"version"`
}

// GetID returns the record's primary key.
func (r *Record) GetID() uint { return r.ID }

// GetVersion returns the version the record was read at.
func (r *Record) GetVersion() int { return r.Version }
