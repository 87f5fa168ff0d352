package models

// Setting is one editable service setting, stored as text.
type Setting struct {
	Record
	Key   string `gorm:"size:100;not null;uniqueIndex" json:"key"`
	Value string `gorm:"type:text" json:"value"`
}
