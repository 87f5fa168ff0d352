package app

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// The tables and columns of migration 2026121601 as it knows them, so
// that later changes to the models never change what it does. A database
// made since has the patient columns from its first migration, which
// builds the tables from today's models; the new tables are made here.

// patientColumnsV4 are her preferred name, whether messages may be left on
// her telephone, and her ethnic category.
type patientColumnsV4 struct {
	PreferredName  string `gorm:"size:100"`
	PhoneMessages  string `gorm:"size:10"`
	EthnicCategory string `gorm:"size:2"`
}

func (patientColumnsV4) TableName() string { return "patients" }

// RecordV1 is models.Record as this migration knows it.
type RecordV1 struct {
	ID        uint `gorm:"primaryKey"`
	CreatedAt time.Time
	UpdatedAt time.Time
	Version   int `gorm:"not null;default:1"`
}

type patientAddressV1 struct {
	RecordV1
	PatientID    uint   `gorm:"not null;index"`
	AddressLines string `gorm:"size:500"`
	Postcode     string `gorm:"size:8"`
	CurrentFrom  models.Date
	CurrentUntil models.Date `gorm:"not null"`
	RecordedByID uint        `gorm:"not null"`
	Demo         bool
}

func (patientAddressV1) TableName() string { return "patient_addresses" }

type birthV1 struct {
	RecordV1
	PatientID    uint        `gorm:"not null;index"`
	ReferralID   uint        `gorm:"not null;index"`
	BornOn       models.Date `gorm:"not null"`
	BabyName     string      `gorm:"size:100"`
	RecordedByID uint        `gorm:"not null"`
	Demo         bool
}

func (birthV1) TableName() string { return "births" }

type supportPersonV1 struct {
	RecordV1
	PatientID         uint   `gorm:"not null;index"`
	Relationship      string `gorm:"size:20;not null"`
	Name              string `gorm:"size:200;not null"`
	Phone             string `gorm:"size:40"`
	AddressLines      string `gorm:"size:500"`
	Postcode          string `gorm:"size:8"`
	Carer             bool
	ConsentToShare    string `gorm:"size:10"`
	ConsentOn         models.Date
	PartnerAssessment string `gorm:"size:20"`
	PartnerOfferedOn  models.Date
	PartnerOutcome    string `gorm:"type:text"`
	Demo              bool
}

func (supportPersonV1) TableName() string { return "support_people" }

// migrateHerDetails (migration 2026121601) adds what her key worker
// records about her after intake: her preferred name, whether messages may
// be left, her ethnic category, her previous addresses, the births of her
// babies and the people around her.
func migrateHerDetails(tx *gorm.DB) error {
	m := tx.Migrator()
	for _, f := range []string{"PreferredName", "PhoneMessages", "EthnicCategory"} {
		if m.HasColumn(&patientColumnsV4{}, f) {
			continue
		}
		if err := m.AddColumn(&patientColumnsV4{}, f); err != nil {
			return fmt.Errorf("cannot add the column %s: %w", f, err)
		}
	}
	for _, t := range []any{&patientAddressV1{}, &birthV1{}, &supportPersonV1{}} {
		if m.HasTable(t) {
			continue
		}
		if err := m.CreateTable(t); err != nil {
			return fmt.Errorf("cannot create a table for her details: %w", err)
		}
	}
	return nil
}
