package app

import "slices"

// SetDutyClinician names the duty clinician by username: the member of
// staff who, with her key worker, is given the same-day task a positive
// risk item on an outcome measure makes (issue 15). The project had no
// record of who is on duty, so this is the smallest addition: one setting
// an administrator changes as the rota turns. Empty means the task goes
// to her key worker only, and says so.
const SetDutyClinician = "duty.clinician"

// init adds the setting beside the duty worker's other settings. It lives
// here, with the measures that use it, to leave settings.go as it was.
func init() {
	settingDefs[SetDutyClinician] = settingDef{Label: "Duty clinician today, for positive risk items (their username; empty: key worker only)"}
	at := slices.Index(settingOrder, SetDutyPhone) + 1
	settingOrder = slices.Insert(settingOrder, at, SetDutyClinician)
}
