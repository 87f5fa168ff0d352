package models

import (
	"slices"
	"strings"
	"time"
)

// Role is a permission role a staff member holds. A person may hold several.
type Role string

// The roles of the permission matrix.
const (
	RoleAdministrator Role = "administrator"
	RoleClinician     Role = "clinician"
	RoleKeyWorker     Role = "key_worker"
	RoleManager       Role = "team_manager"
)

// Roles lists every role.
var Roles = []Role{RoleAdministrator, RoleClinician, RoleKeyWorker, RoleManager}

// Label returns the role in words.
func (r Role) Label() string { return labelOf(roleLabels, r) }

// roleLabels holds the words for each Role.
var roleLabels = map[Role]string{
	RoleAdministrator: "Administrator",
	RoleClinician:     "Clinician",
	RoleKeyWorker:     "Key worker",
	RoleManager:       "Team manager",
}

// ParseRole accepts a role code or its label in any case.
func ParseRole(s string) (Role, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, r := range Roles {
		if s == string(r) || s == strings.ToLower(r.Label()) || s == strings.ReplaceAll(string(r), "_", "-") {
			return r, true
		}
	}
	if s == "manager" || s == "admin" {
		if s == "admin" {
			return RoleAdministrator, true
		}
		return RoleManager, true
	}
	return "", false
}

// StaffMember is a member of the team and a user of the program.
type StaffMember struct {
	Record
	Name     string `gorm:"size:200;not null" json:"name"`
	Username string `gorm:"size:60;not null;uniqueIndex" json:"username"`
	// PasswordHash is a bcrypt hash; never the password.
	PasswordHash string `gorm:"size:100" json:"-"`
	// RoleList holds comma-separated Role codes.
	RoleList         string     `gorm:"size:100;not null" json:"roles"`
	JobTitle         string     `gorm:"size:100" json:"job_title"`
	WorkingFraction  float64    `gorm:"not null;default:1" json:"working_fraction"`
	CaseloadCapacity int        `gorm:"not null;default:0" json:"caseload_capacity"`
	Active           bool       `gorm:"not null;default:true" json:"active"`
	System           bool       `json:"system,omitempty"` // the named system user for CLI and demo writes
	FailedSignIns    int        `json:"-"`
	LockedUntil      *time.Time `json:"-"`
	Demo             bool       `json:"demo,omitempty"`
	// ProfessionalRegistration is their profession and registration
	// number, printed under their name when they sign a letter.
	ProfessionalRegistration `gorm:"embedded;embeddedPrefix:reg_" json:"registration"`
	// Signature is an optional PNG or JPEG image of their signature,
	// printed above their name on the letters they sign.
	Signature []byte `json:"-"`
}

// Signer returns the member as the signer of a letter.
func (s *StaffMember) Signer() Signer {
	return Signer{StaffID: s.ID, Name: s.Name, JobTitle: s.JobTitle, Registration: s.ProfessionalRegistration}
}

// RoleSet returns the roles held.
func (s *StaffMember) RoleSet() []Role {
	var out []Role
	for _, c := range strings.Split(s.RoleList, ",") {
		if r, ok := ParseRole(c); ok {
			out = append(out, r)
		}
	}
	return out
}

// HasRole reports whether the member holds role r. A team manager holds every permission.
func (s *StaffMember) HasRole(r Role) bool {
	return slices.Contains(s.RoleSet(), r)
}

// SetRoles stores roles as the comma-separated list.
func (s *StaffMember) SetRoles(roles ...Role) {
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = string(r)
	}
	s.RoleList = strings.Join(parts, ",")
}

// RoleLabels returns the roles in words, comma-separated.
func (s *StaffMember) RoleLabels() string {
	var parts []string
	for _, r := range s.RoleSet() {
		parts = append(parts, r.Label())
	}
	return strings.Join(parts, ", ")
}
