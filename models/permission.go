package models

// Permission is something a person may be allowed to do.
type Permission string

// The permissions of the role matrix. The README lists the same matrix.
const (
	PermViewReferrals      Permission = "view referrals"
	PermRegisterReferrals  Permission = "register and import referrals"
	PermManageAppointments Permission = "book and change appointments"
	PermIssueLetters       Permission = "issue and print letters"
	PermEditTemplates      Permission = "edit letter templates"
	PermEditSettings       Permission = "change service settings"
	PermManageDirectory    Permission = "keep the directory of organisations and professionals"
	PermScreeningDecision  Permission = "record screening decisions"
	PermAssessmentOutcome  Permission = "record assessment outcomes and medical reviews"
	PermUpdateCaseload     Permission = "update a caseload (contacts, joint working, tasks)"
	PermAllocate           Permission = "allocate key workers"
	PermManageUsers        Permission = "manage user accounts"
	PermViewReports        Permission = "view reports"
	PermViewAudit          Permission = "view and export the audit trail"
	// PermExportRecords is making a woman's subject-access copy: everything
	// held about her, written out of the program.
	PermExportRecords Permission = "export a woman's whole record (subject access)"
)

// grants says which roles hold each permission. The team manager holds all of them.
var grants = map[Permission][]Role{
	PermViewReferrals:      {RoleAdministrator, RoleClinician, RoleKeyWorker},
	PermRegisterReferrals:  {RoleAdministrator},
	PermManageAppointments: {RoleAdministrator},
	PermIssueLetters:       {RoleAdministrator},
	PermEditTemplates:      {RoleAdministrator},
	PermEditSettings:       {RoleAdministrator},
	PermManageDirectory:    {RoleAdministrator},
	PermScreeningDecision:  {RoleClinician},
	PermAssessmentOutcome:  {RoleClinician},
	PermUpdateCaseload:     {RoleClinician, RoleKeyWorker},
	PermAllocate:           {},
	PermManageUsers:        {},
	PermViewReports:        {},
	PermViewAudit:          {},
	PermExportRecords:      {RoleAdministrator},
}

// Permissions lists every permission in matrix order.
var Permissions = []Permission{
	PermViewReferrals, PermRegisterReferrals, PermManageAppointments, PermIssueLetters,
	PermEditTemplates, PermEditSettings, PermManageDirectory, PermScreeningDecision, PermAssessmentOutcome,
	PermUpdateCaseload, PermAllocate, PermManageUsers, PermViewReports, PermViewAudit, PermExportRecords,
}

// Allows reports whether holding roles grants permission p.
func Allows(roles []Role, p Permission) bool {
	for _, have := range roles {
		if have == RoleManager {
			return true
		}
		for _, r := range grants[p] {
			if r == have {
				return true
			}
		}
	}
	return false
}

// GrantingRole returns the first role that grants p, for the message
// "You need the … role to …".
func GrantingRole(p Permission) Role {
	if rs := grants[p]; len(rs) > 0 {
		return rs[0]
	}
	return RoleManager
}
