package app

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"perinatal-caseload/models"
)

// Setting keys. Every service fact the domain marks as a setting is here,
// with its default, so a team can change it without a new release.
const (
	SetServiceName          = "service.name"
	SetServiceAddress       = "service.address"
	SetServicePhone         = "service.phone"
	SetServiceEmail         = "service.email"
	SetOfficeHours          = "service.office_hours"
	SetDutyHours            = "duty.hours"
	SetDutyPhone            = "duty.phone"
	SetCrisisPhone          = "crisis.phone"
	SetAttendAnywhereLink   = "attend_anywhere.link"
	SetMBUName              = "mbu.name"
	SetAreaPrefixes         = "area.postcode_prefixes"
	SetPartlyInArea         = "area.partly_in_area_districts"
	SetTargetOutcomeDays    = "target.outcome_letter_days"
	SetTargetAssessmentDays = "target.assessment_days"
	SetTargetUrgentDays     = "target.urgent_assessment_days"
	SetDueSoonDays          = "target.due_soon_days"
	SetLettersTrackedFrom   = "target.letters_tracked_from"
	SetPlanDischargeWeeks   = "target.plan_discharge_weeks"
	SetMissedFollowUpDays   = "target.missed_follow_up_working_days"
	SetInpatientVisitDays   = "target.inpatient_visit_days"
	SetTargetAccess         = "target.mhs91_access" // issue 16: the access report's target
	SetLockoutAttempts      = "signin.lockout_attempts"
	SetLockoutMinutes       = "signin.lockout_minutes"
	SetIdleLockMinutes      = "signin.idle_lock_minutes"
)

// Setting keys for the appointment details letters give (h-l-pathway):
// the bases where the team sees women face to face, and the number it
// rings women from.
const (
	// SetBases lists the team's bases: one a paragraph, the name on the
	// first line and the address below (see models.ParseBases). Empty
	// means the service's own address is its one base.
	SetBases = "clinic.bases"
	// SetCallFromNumber is the number the team rings women from; empty
	// means the service telephone.
	SetCallFromNumber = "telephone.call_from"
)

// Letterhead settings (issue 11, h-l-render): the trust named in every
// letter's letterhead and its logo. The logo is an image, kept in the
// database so that every desktop prints it; see SettingsService.SetLogo.
const (
	SetTrustName      = "letterhead.trust"
	SetLetterheadLogo = "letterhead.logo"
)

// imageSettings are the settings that hold an image rather than text. The
// Settings screen offers a file chooser for them, and Set refuses them:
// SetLogo checks and stores the image.
var imageSettings = map[string]bool{SetLetterheadLogo: true}

// settingDef describes one setting: its label, default and whether it is a number.
type settingDef struct {
	Label   string
	Default string
	Number  bool
}

var settingDefs = map[string]settingDef{
	SetServiceName:          {"Service name", "Perinatal Mental Health Service", false},
	SetServiceAddress:       {"Return address for letters (one line per row, postcode last)", "Perinatal Mental Health Service\nLeicester", false},
	SetServicePhone:         {"Service telephone", "0116 225 6846", false},
	SetServiceEmail:         {"Service email", "", false},
	SetOfficeHours:          {"Office hours", "9am to 5pm, Monday to Friday", false},
	SetDutyHours:            {"Duty worker hours", "9am to 4.30pm, Monday to Friday", false},
	SetDutyPhone:            {"Duty worker telephone", "0116 225 6846", false},
	SetCrisisPhone:          {"Mental Health Central Access Point (24/7)", "0808 800 3302", false},
	SetAttendAnywhereLink:   {"Attend Anywhere waiting-area link", "https://attendanywhere.example/perinatal", false},
	SetMBUName:              {"Regional mother and baby unit", "Margaret Oates Mother and Baby Unit, Nottingham", false},
	SetAreaPrefixes:         {"Postcode areas in LLR", "LE", false},
	SetPartlyInArea:         {"Districts partly in LLR (check residence)", "DE11, DE12, DE73, DE74, CV9, CV13, NG13, NG32, NG33, PE9", false},
	SetTargetOutcomeDays:    {"Days from acceptance to outcome letter", "14", true},
	SetTargetAssessmentDays: {"Days from referral to assessment (routine)", "14", true},
	SetTargetUrgentDays:     {"Working days from referral to assessment (urgent)", "2", true},
	SetDueSoonDays:          {"Days ahead that count as \"due soon\" on the Dashboard", "3", true},
	SetLettersTrackedFrom:   {"Outcome letters are tracked for referrals accepted from (DD/MM/YYYY; empty for all)", "", false},
	SetPlanDischargeWeeks:   {"Weeks before the perinatal period ends to plan discharge", "4", true},
	SetMissedFollowUpDays:   {"Working days to follow up a missed appointment", "2", true},
	SetInpatientVisitDays:   {"Days from acceptance to see a woman on an inpatient ward", "7", true},
	SetTargetAccess:         {"Women to see in a rolling 12 months (MHS91 access target; 0: none set)", "0", true},
	SetLockoutAttempts:      {"Failed sign-ins before an account locks", "5", true},
	SetLockoutMinutes:       {"Minutes an account stays locked", "15", true},
	SetIdleLockMinutes:      {"Minutes of inactivity before the screen locks", "10", true},
	SetBases:                {"Bases for face-to-face appointments (a name, then its address below; a blank line between bases; empty: the service address)", "", false},
	SetCallFromNumber:       {"Number we ring women from for telephone appointments (empty: the service telephone)", "", false},

	// Letterhead (h-l-render). The trust that runs the Leicester,
	// Leicestershire and Rutland perinatal mental health service.
	SetTrustName:      {"NHS trust, as the letterhead names it", "Leicestershire Partnership NHS Trust", false},
	SetLetterheadLogo: {"Letterhead logo (PNG or JPEG; none to start with)", "", false},

	// Automatic backups (issue 14, backup_auto.go).
	SetBackupFolder:     {"Folder for the automatic backups (a network share is fine; empty: a \"backups\" folder beside the database)", "", false},
	SetBackupKeep:       {"Automatic backups to keep", "14", true},
	SetBackupEveryHours: {"Hours between automatic backups", "24", true},
}

// settingOrder is the order the Settings screen lists them in: the service
// as letters show it, then targets, then screening, then sign-in.
var settingOrder = []string{
	SetServiceName, SetTrustName, SetLetterheadLogo, // the letterhead (h-l-render)
	SetServiceAddress, SetServicePhone, SetServiceEmail, SetOfficeHours,
	SetDutyHours, SetDutyPhone, SetCrisisPhone, SetAttendAnywhereLink, SetBases, SetCallFromNumber, SetMBUName,
	SetTargetAssessmentDays, SetTargetUrgentDays, SetTargetOutcomeDays, SetDueSoonDays, SetLettersTrackedFrom,
	SetPlanDischargeWeeks, SetMissedFollowUpDays, SetInpatientVisitDays, SetTargetAccess,
	SetAreaPrefixes, SetPartlyInArea,
	SetLockoutAttempts, SetLockoutMinutes, SetIdleLockMinutes,
	SetBackupFolder, SetBackupKeep, SetBackupEveryHours,
}

// settingField returns the field ID of the setting with key, such as
// "setting.signin.idle_lock_minutes"; its label is the setting's.
func settingField(key string) models.FieldID { return models.FieldID("setting." + key) }

// init labels each setting's field with the setting's label.
func init() {
	labels := make(map[models.FieldID]string, len(settingDefs))
	for key, def := range settingDefs {
		labels[settingField(key)] = def.Label
	}
	models.DefineFields(labels)
}

// settingRank is a setting's place in settingOrder.
func settingRank(key string) int {
	for i, k := range settingOrder {
		if k == key {
			return i
		}
	}
	return len(settingOrder)
}

// SettingView is one setting as the Settings screen shows it.
type SettingView struct {
	Key, Label, Value string
	Number            bool
	// Image is true for a setting that holds an image (the letterhead
	// logo). Its Value is "" or "set"; read the image with Logo.
	Image   bool
	Version int // 0 when the default has never been changed
	// Problem says what is missing from the value as it stands, such as a
	// return address without its postcode, or is "".
	Problem string
}

// SettingsService reads and changes the service settings.
type SettingsService struct{ *core }

// Get returns a setting's value, or its default if never changed.
func (s *SettingsService) Get(key string) string { return s.setting(key) }

// Int returns a numeric setting; a stored value that is not a number falls back to the default.
func (s *SettingsService) Int(key string) int { return s.settingInt(key) }

// List returns a comma-separated setting as a list.
func (s *SettingsService) List(key string) []string { return s.settingList(key) }

// All returns every setting, sorted by key.
func (s *SettingsService) All() ([]SettingView, error) {
	var rows []models.Setting
	if err := s.db.Find(&rows).Error; err != nil {
		return nil, err
	}
	stored := map[string]models.Setting{}
	for _, r := range rows {
		stored[r.Key] = r
	}
	var out []SettingView
	for key, def := range settingDefs {
		v := SettingView{Key: key, Label: def.Label, Value: def.Default, Number: def.Number, Image: imageSettings[key]}
		if r, ok := stored[key]; ok {
			v.Value, v.Version = r.Value, r.Version
		}
		if v.Image && v.Value != "" {
			v.Value = "set" // the screen shows the image itself, from Logo
		}
		var fe *models.FieldError
		if _, err := checkSetting(key, v.Value); errors.As(err, &fe) {
			v.Problem = fe.Message
		}
		out = append(out, v)
	}
	sort.Slice(out, func(i, j int) bool { return settingRank(out[i].Key) < settingRank(out[j].Key) })
	return out, nil
}

// Set changes a setting. readVersion is the version shown to the person
// (0 for a default never changed); a stale one is a conflict.
func (s *SettingsService) Set(actor *models.StaffMember, key, value string, readVersion int) error {
	def, ok := settingDefs[key]
	if !ok {
		return fmt.Errorf("there is no setting called %q", key)
	}
	if imageSettings[key] {
		return fmt.Errorf("%s is an image; choose it with the logo chooser", def.Label)
	}
	value = strings.TrimSpace(value)
	if def.Number {
		if n, err := strconv.Atoi(value); err != nil || n <= 0 {
			return models.NewFieldError(settingField(key), "enter a whole number greater than 0")
		}
	}
	if key == SetLettersTrackedFrom && value != "" {
		if _, err := models.ParseUKDate(value); err != nil {
			return models.NewFieldError(settingField(key), "enter a date as DD/MM/YYYY, or leave it empty")
		}
	}
	if key == SetBases {
		if err := models.CheckBases(value); err != nil {
			return models.OnField(settingField(key), err)
		}
	}
	value, err := checkSetting(key, value)
	if err != nil {
		return err
	}
	return s.store(actor, key, value, readVersion, nil)
}

// store writes a setting's new value, after its checks, as one versioned,
// audited change. describe, if not nil, gives what the audit trail records
// for a value in place of the value itself (for an image, its size and
// fingerprint).
func (s *SettingsService) store(actor *models.StaffMember, key, value string, readVersion int, describe func(string) string) error {
	def := settingDefs[key]
	audited := func(v string) map[string]string {
		if describe != nil {
			v = describe(v)
		}
		return map[string]string{key: v}
	}
	if s.batch != nil {
		delete(s.batch.settings, key)
	}
	return s.write(actor, models.PermEditSettings, func(tx *gorm.DB) error {
		var row models.Setting
		if err := tx.Where("key = ?", key).Limit(1).Find(&row).Error; err != nil {
			return err
		}
		if row.ID == 0 {
			if readVersion != 0 {
				return &ConflictError{Entity: "setting"}
			}
			row = models.Setting{Key: key, Value: value}
			row.Version = 1
			if err := tx.Create(&row).Error; err != nil {
				return err
			}
			return s.audit(tx, actor, ActionCreate, "setting", row.ID, audited(def.Default), audited(value), key)
		}
		before := row.Value
		row.Value = value
		row.Version = readVersion
		if err := s.saveVersioned(tx, "setting", &row, func(v int) { row.Version = v }); err != nil {
			return err
		}
		return s.audit(tx, actor, ActionUpdate, "setting", row.ID, audited(before), audited(value), key)
	})
}

// TrackedFrom returns the date from which outcome letters are tracked, or
// the zero date to track every referral. A team that brings in its earlier
// referrals sets it to the day it started, so that old episodes, whose
// letters went out before, are not listed as overdue.
func (s *SettingsService) TrackedFrom() models.Date { return s.trackedFrom() }

// Bases returns the team's bases for face-to-face appointments, in the
// order Settings lists them. With none listed, the service itself, at its
// address, is the one base.
func (s *SettingsService) Bases() []models.Base { return s.bases() }

func (c *core) bases() []models.Base {
	if list := models.ParseBases(c.setting(SetBases)); len(list) > 0 {
		return list
	}
	name, address := strings.TrimSpace(c.setting(SetServiceName)), splitLines(c.setting(SetServiceAddress))
	if len(address) > 0 && strings.EqualFold(address[0], name) {
		address = address[1:] // an address that starts with the service names it once
	}
	return []models.Base{{Name: name, Address: address}}
}

// defaultVenue is where a face-to-face appointment is held when no base
// was chosen: the first base.
func (c *core) defaultVenue() string { return c.bases()[0].Venue() }

// callFromNumber is the number letters say the team will ring from.
func (c *core) callFromNumber() string {
	if n := strings.TrimSpace(c.setting(SetCallFromNumber)); n != "" {
		return n
	}
	return strings.TrimSpace(c.setting(SetServicePhone))
}

// splitLines returns the non-blank lines of s, trimmed: an address typed
// in a multi-line box.
func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
